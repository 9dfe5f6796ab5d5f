// Creating, restoring and deleting snapshots. Each dialog shows its own error
// (`quiet`: no toast); on success the cache is patched at once (a new snapshot appears as
// CREATING straight away) and the lists are fetched again; the poller then follows it.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { vmKeys, refetchVmQueries } from "../instances/queries";
import { cancelStorage, patchOverview, refetchStorage, type Snapshot } from "../storage/queries";

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
          description: description.trim() ? description.trim() : null,
          is_image: asImage,
        }),
      ),
    onSuccess: async (res) => {
      await cancelStorage(qc);
      insertSnapshot(qc, res.snapshot);
      refetchStorage(qc);
    },
    meta: { quiet: true },
  });
}

function insertSnapshot(qc: ReturnType<typeof useQueryClient>, snapshot: Snapshot) {
  patchOverview(qc, (o) =>
    o.snapshots.some((r) => r.snapshot.id === snapshot.id)
      ? o
      : { ...o, snapshots: [{ snapshot, hourlyCost: null, images: [] }, ...o.snapshots] },
  );
}

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
    onSuccess: async (_res, id) => {
      await cancelStorage(qc);
      patchOverview(qc, (o) => ({ ...o, snapshots: o.snapshots.filter((r) => r.snapshot.id !== id) }));
      refetchStorage(qc);
    },
    onError: (e) => {
      // Gone already, or in a state that refuses: what is on screen is out of date.
      if (e.code === "NotFound" || e.code === "Conflict") refetchStorage(qc);
    },
    meta: { quiet: true },
  });
}
