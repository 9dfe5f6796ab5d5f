// Which scripts the page shows, and which of the ticked ones are still there.

import type { Script } from "./queries";

/** Scripts whose name or description holds `search` (any case), by name. */
export function shownScripts(scripts: readonly Script[], search: string): Script[] {
  const q = search.trim().toLowerCase();
  return scripts
    .filter((s) => !q || s.name.toLowerCase().includes(q) || (s.description ?? "").toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
}

/** The ticked scripts that still exist (one deleted elsewhere drops out of the selection). */
export function selectedScripts(scripts: readonly Script[], ids: ReadonlySet<string>): Script[] {
  return scripts.filter((s) => ids.has(s.id));
}
