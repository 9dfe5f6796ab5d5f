// Trying again by itself: what failed is fetched again every few seconds while a screen or
// banner says it failed, so the app recovers without a click when the fault clears.

import { useEffect, useRef } from "react";

/** How often (tests shorten it). */
export const AUTO_RETRY = { everyMs: 5_000 };

/** Calls `retry` every AUTO_RETRY.everyMs while `active`. */
export function useAutoRetry(active: boolean, retry: () => void): void {
  const latest = useRef(retry);
  latest.current = retry;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), AUTO_RETRY.everyMs);
    return () => clearInterval(timer);
  }, [active]);
}
