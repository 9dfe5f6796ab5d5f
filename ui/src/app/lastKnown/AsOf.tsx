import { useCallback, useSyncExternalStore } from "react";
import { notifyManager, useQueryClient } from "@tanstack/react-query";
import { formatClock } from "../../features/instances/money";
import { showsLastKnown } from "./seed";
import { useLastKnown } from "./useLastKnown";

/**
 * "as of 14:02" in the header while what is shown is the last-known state painted at start
 * (the time it was fetched, local); gone once fresh answers have replaced it. Offline, it
 * stays with the data.
 */
export function AsOf() {
  const qc = useQueryClient();
  const painted = useLastKnown().data;
  const cache = qc.getQueryCache();
  // Batched like TanStack's own hooks (see useHasRemoteData).
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(notifyManager.batchCalls(onChange)), [cache]);
  const read = useCallback(() => (painted ? showsLastKnown(qc, painted) : false), [qc, painted]);
  const showing = useSyncExternalStore(subscribe, read, read);
  if (!painted || !showing) return null;
  return (
    <span
      data-testid="as-of"
      className="text-xs whitespace-nowrap text-fg-muted"
      title="The last data this profile showed; it is being refreshed"
    >
      as of {formatClock(painted.savedAt)}
    </span>
  );
}
