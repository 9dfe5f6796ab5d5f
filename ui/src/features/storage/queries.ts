// The one read behind the Snapshots and Images pages: `storageOverview` (every snapshot
// with its storage cost and images, every image, the snapshot-able VMs, every VM).
//
// The poller's `resourcesChanged` event (events.ts) marks keys starting with "snapshots"
// stale when snapshots change and keys starting with "images" when images change. One key
// cannot start with both, so each page keeps its own copy under its own word: the page
// follows the kind it is about (CREATING → SUCCESS, Creating → Available) without a click.
// Changes made here write into both copies and mark both stale.

import { useQuery, type QueryClient } from "@tanstack/react-query";
import {
  commands,
  type Image_Serialize,
  type Snapshot_Serialize,
  type SnapshotRow_Serialize,
  type StorageOverview_Serialize,
  type VMInstance_Serialize,
} from "../../bindings";
import { call } from "../../lib/ipc";

export type Snapshot = Snapshot_Serialize;
export type SnapshotRow = SnapshotRow_Serialize;
export type Image = Image_Serialize;
export type StorageOverview = StorageOverview_Serialize;
export type Vm = VMInstance_Serialize;

export type StorageView = "snapshots" | "images";

export const storageKeys = {
  overview: (view: StorageView) => [view, "storage"] as const,
  snapshotBilling: (id: string, page: number) => ["snapshots", "billing", id, page] as const,
};

const VIEWS: StorageView[] = ["snapshots", "images"];

export function useStorageOverview(view: StorageView, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: storageKeys.overview(view),
    enabled,
    queryFn: () => call(commands.storageOverview()),
    // The page shows the error above its list (DataStatus), with the last data kept.
    meta: { quiet: true },
  });
}

/** Writes a change into every cached copy of the overview (both pages). */
export function patchOverview(qc: QueryClient, patch: (o: StorageOverview) => StorageOverview): void {
  for (const view of VIEWS) {
    qc.setQueryData<StorageOverview>(storageKeys.overview(view), (old) => (old ? patch(old) : old));
  }
}

/** Both pages' copies (and billing) are fetched again. */
export function refetchStorage(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: ["snapshots"] });
  void qc.invalidateQueries({ queryKey: ["images"] });
}

/**
 * A refetch already out may carry the list from before a change: stop it first. A first
 * load (nothing cached yet) goes on, or the page would stay empty.
 */
export async function cancelStorage(qc: QueryClient): Promise<void> {
  const loaded = (q: { state: { data: unknown } }) => q.state.data !== undefined;
  await Promise.all(VIEWS.map((v) => qc.cancelQueries({ queryKey: storageKeys.overview(v), predicate: loaded })));
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
