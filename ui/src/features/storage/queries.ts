// The one read behind the Snapshots and Images pages: `storageOverview` (every snapshot
// with its storage cost and images, every image, the snapshot-able VMs, every VM).
//
// One query, one cache entry, read by both pages (and the VM page's snapshot dialog); the
// change feed (app/changeFeed.ts) marks it stale when snapshots, images or VMs change.

import { useQuery, type QueryClient } from "@tanstack/react-query";
import {
  commands,
  type Image_Serialize,
  type Snapshot_Serialize,
  type SnapshotRow_Serialize,
  type StorageOverview_Serialize,
  type VMInstance_Serialize,
} from "../../bindings";
import { call, type AppError } from "../../lib/ipc";

export type Snapshot = Snapshot_Serialize;
export type SnapshotRow = SnapshotRow_Serialize;
export type Image = Image_Serialize;
export type StorageOverview = StorageOverview_Serialize;
export type Vm = VMInstance_Serialize;

export const storageKeys = {
  all: ["storage"] as const,
  overview: ["storage", "overview"] as const,
  snapshotBilling: (id: string, page: number) => ["snapshots", "billing", id, page] as const,
};

export function useStorageOverview({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: storageKeys.overview,
    enabled,
    queryFn: () => call(commands.storageOverview()),
    // The page shows the error above its list (DataStatus), with the last data kept.
    meta: { quiet: true },
  });
}

/** Writes a change into the cached overview (both pages read it). */
function patchOverview(qc: QueryClient, patch: (o: StorageOverview) => StorageOverview): void {
  qc.setQueryData<StorageOverview>(storageKeys.overview, (old) => (old ? patch(old) : old));
}

/** The overview, a snapshot's billing and the wizard's snapshot and image lists are fetched again. */
export function refetchStorage(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: storageKeys.all });
  void qc.invalidateQueries({ queryKey: ["snapshots"] });
  void qc.invalidateQueries({ queryKey: ["images"] });
}

/**
 * A refetch already out may carry the list from before a change: stop it first. A first
 * load (nothing cached yet) goes on, or the page would stay empty.
 */
async function cancelStorage(qc: QueryClient): Promise<void> {
  const loaded = (q: { state: { data: unknown } }) => q.state.data !== undefined;
  await qc.cancelQueries({ queryKey: storageKeys.overview, predicate: loaded });
}

/** Shows a change at once: an older refetch is stopped, the cache patched, then fetched again. */
export async function applyStorageChange(
  qc: QueryClient,
  patch: (o: StorageOverview) => StorageOverview,
): Promise<void> {
  await cancelStorage(qc);
  patchOverview(qc, patch);
  refetchStorage(qc);
}

/** Gone already, or in a state that refuses: what is on screen is out of date, so fetch again. */
export function refetchWhenStale(qc: QueryClient, e: AppError): void {
  if (e.code === "NotFound" || e.code === "Conflict") refetchStorage(qc);
}

/** An optional description as the API takes it: trimmed, or null when there is none. */
export function optionalText(text: string): string | null {
  return text.trim() || null;
}

export const BILLING_PAGE_SIZE = 10;

/**
 * One snapshot's billing records. `resource_id` narrows the request where Barrack honours
 * it; the records are filtered here too, in case it does not (the filter is inferred).
 */
export function useSnapshotBilling(id: string, page: number) {
  return useQuery({
    queryKey: storageKeys.snapshotBilling(id, page),
    queryFn: async () => {
      const res = await call(commands.getSnapshotBilling({ resource_id: id, page, limit: BILLING_PAGE_SIZE }));
      return { ...res, records: res.records.filter((r) => r.snapshot_id === id) };
    },
    meta: { quiet: true },
    placeholderData: (previous) => previous,
  });
}
