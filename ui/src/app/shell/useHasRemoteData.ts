import { useCallback, useSyncExternalStore } from "react";
import { notifyManager, useQueryClient } from "@tanstack/react-query";

/**
 * Whether anything from Barrack is in the cache (answers of the backend alone — session,
 * settings — do not count). Without any, being offline means a screen that says so
 * instead of empty pages; with some, the pages keep it and mark it stale.
 */
export function useHasRemoteData(): boolean {
  const qc = useQueryClient();
  const cache = qc.getQueryCache();
  // Batched like TanStack's own hooks: a query added while another component renders
  // must not update this one during that render.
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(notifyManager.batchCalls(onChange)), [cache]);
  const read = useCallback(() => cache.getAll().some((q) => !q.meta?.local && q.state.data !== undefined), [cache]);
  return useSyncExternalStore(subscribe, read, read);
}
