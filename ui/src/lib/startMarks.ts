// Start-up milestones as performance marks (`barrack:<name>`), the first of each only:
// scripts/bench reads them with the page's own timings to print where a start's time goes
// (issue 17). A mark costs microseconds and nothing else reads them.

const marked = new Set<string>();

/** Marks `name` the first time it happens in this page. */
export function markStart(name: string): void {
  if (marked.has(name) || typeof performance === "undefined" || typeof performance.mark !== "function") return;
  marked.add(name);
  performance.mark(`barrack:${name}`);
}
