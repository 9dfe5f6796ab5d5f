// Creating, restoring and deleting snapshots. Each dialog shows its own error
// (`quiet`: no toast); on success the cache is patched at once (a new snapshot appears as
// CREATING straight away) and the lists are fetched again; the poller then follows it.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { vmKeys, refetchVmQueries } from "../instances/queries";
import {
  applyStorageChange,
  optionalText,
  refetchStorage,
  refetchWhenStale,
  type Snapshot,
  type StorageOverview,
} from "../storage/queries";

export type CreateSnapshotInput = {
  instanceId: string;
  name: string;
  description: string;
  asImage: boolean;
};

export function useCreateSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceId, name, description, asImage }: CreateSnapshotInput) =>
      call(
        commands.createSnapshot({
          instance_id: instanceId,
          name,
          description: optionalText(description),
          is_image: asImage,
        }),
      ),
    onSuccess: (res) => applyStorageChange(qc, withSnapshot(res.snapshot)),
    meta: { quiet: true },
  });
}

/** The overview with a new snapshot first. */
const withSnapshot = (snapshot: Snapshot) => (o: StorageOverview) =>
  o.snapshots.some((r) => r.snapshot.id === snapshot.id)
    ? o
    : { ...o, snapshots: [{ snapshot, hourlyCost: null, images: [] }, ...o.snapshots] };

export function useRestoreSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ snapshotId, name }: { snapshotId: string; name: string }) =>
      call(commands.restoreSnapshot(snapshotId, { name })),
    onSuccess: (res) => {
      // The VM page opens on what Barrack answered instead of an empty "Loading".
      if (res.instance) qc.setQueryData(vmKeys.detail(res.instance_id), res.instance);
      refetchVmQueries(qc);
      refetchStorage(qc);
    },
    meta: { quiet: true },
  });
}

export function useDeleteSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.deleteSnapshot(id)),
    onSuccess: (_res, id) =>
      applyStorageChange(qc, (o) => ({ ...o, snapshots: o.snapshots.filter((r) => r.snapshot.id !== id) })),
    onError: (e) => refetchWhenStale(qc, e),
    meta: { quiet: true },
  });
}
