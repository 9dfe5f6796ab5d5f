// Marks and measures the e2e bench reads (performance entries in the webview):
//   instances:data → instances:rendered  = "instances-render" (first render with data)
//   instances:filter-start → instances:filter-end = "instances-filter" (each filter change)
// `instances:data` itself is marked where the data arrives (useInstancesOverview).

import { useEffect, useRef } from "react";

const afterFrame = (cb: () => void) =>
  typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => cb()) : setTimeout(cb, 0);

function measure(name: string, start: string | number, end: string | number) {
  try {
    if (typeof start === "number" && typeof end === "number") performance.measure(name, { start, end });
    else performance.measure(name, start as string, end as string);
  } catch {
    // A mark is missing (cleared by someone else): nothing to measure.
  }
}

function lastMark(name: string): PerformanceEntry | undefined {
  const marks = performance.getEntriesByName(name, "mark");
  return marks[marks.length - 1];
}

/** Once per mount, after the first frame that shows data. */
export function useRenderMarks(hasData: boolean): void {
  const mountedAt = useRef(performance.now());
  const done = useRef(false);
  useEffect(() => {
    if (!hasData || done.current) return;
    done.current = true;
    // Data from the cache arrived before this page did: it arrives now, for this render.
    if ((lastMark("instances:data")?.startTime ?? -1) < mountedAt.current) performance.mark("instances:data");
    afterFrame(() => {
      performance.mark("instances:rendered");
      measure("instances-render", "instances:data", "instances:rendered");
    });
  }, [hasData]);
}

/** When the oldest change not yet on screen happened (`null`: none pending). */
let filterSince: number | null = null;

/** Call as a filter changes (each keystroke), before the state update. */
export function markFilterStart(): void {
  performance.mark("instances:filter-start");
  filterSince ??= performance.now();
}

/**
 * After the render of a changed filter, the frame it shows in ends the measure. Each
 * measure runs from its own start (not the latest mark of that name), so keystrokes
 * faster than frames do not borrow each other's times.
 */
export function useFilterEndMark(filterKey: string): void {
  useEffect(() => {
    const since = filterSince;
    if (since === null) return;
    filterSince = null;
    afterFrame(() => {
      performance.mark("instances:filter-end");
      measure("instances-filter", since, performance.now());
    });
  }, [filterKey]);
}
