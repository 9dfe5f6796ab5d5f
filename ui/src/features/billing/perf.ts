// Marks and measures the e2e bench reads (performance entries in the webview):
//   billing-records:data → billing-records:rendered = "billing-records-render" (first page shown)
//   a tab, page or filter change → its records on screen  = "billing-records-change"
// The change measure includes the fetch: it is what the user waits for.

import { useEffect, useRef } from "react";

const afterFrame = (cb: () => void) =>
  typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => cb()) : setTimeout(cb, 0);

function measure(name: string, start: number, end: number) {
  try {
    performance.measure(name, { start, end });
  } catch {
    // An environment without User Timing level 3: nothing to measure.
  }
}

/** Called where a page of records arrives. */
export function markRecordsData(): void {
  performance.mark("billing-records:data");
}

/** The oldest change not yet on screen (`null`: none pending). */
let changeSince: number | null = null;

/** Call as the user changes the tab, the page or a filter, before the state update. */
export function markRecordsChange(): void {
  performance.mark("billing-records:change-start");
  changeSince ??= performance.now();
}

/**
 * `shown` names the records on screen (kind + query), or null while none or only the
 * previous page is shown. The first shown measures the first render; each later one ends
 * the pending change.
 */
export function useRecordsMarks(shown: string | null): void {
  const mountedAt = useRef(performance.now());
  const first = useRef(true);
  useEffect(() => {
    if (shown === null) return;
    if (first.current) {
      first.current = false;
      changeSince = null;
      const marks = performance.getEntriesByName("billing-records:data", "mark");
      // Data from the cache arrived before this page did: the render starts at mount.
      const start = Math.max(mountedAt.current, marks[marks.length - 1]?.startTime ?? 0);
      afterFrame(() => {
        performance.mark("billing-records:rendered");
        measure("billing-records-render", start, performance.now());
      });
      return;
    }
    const since = changeSince;
    if (since === null) return;
    changeSince = null;
    afterFrame(() => {
      performance.mark("billing-records:change-end");
      measure("billing-records-change", since, performance.now());
    });
  }, [shown]);
}
