// Creating, restoring and deleting snapshots and images. Each dialog shows its own error
// (`quiet`: no toast); on success the cache is patched at once (a new snapshot appears as
// CREATING straight away) and the lists are fetched again; the poller then follows it.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../api";
import { vmKeys, refetchVmQueries } from "../vm/queries";
import { cancelStorage, patchOverview, refetchStorage, type Image, type Snapshot } from "./queries";

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

export type CreateImageInput = { snapshotId: string; name: string; description: string };

export function useCreateImage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ snapshotId, name, description }: CreateImageInput) =>
      call(
        commands.createImage({
          snapshot_id: snapshotId,
          name,
          description: description.trim() ? description.trim() : null,
        }),
      ),
    onSuccess: async (res) => {
      await cancelStorage(qc);
      insertImage(qc, res.image);
      refetchStorage(qc);
    },
    meta: { quiet: true },
  });
}

function insertImage(qc: ReturnType<typeof useQueryClient>, image: Image) {
  patchOverview(qc, (o) => {
    if (o.images.some((i) => i.id === image.id)) return o;
    const snapshots = o.snapshots.map((r) =>
      r.snapshot.id === image.snapshot_id ? { ...r, images: [image, ...r.images] } : r,
    );
    return { ...o, images: [image, ...o.images], snapshots };
  });
}

export function useDeleteImage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.deleteImage(id)),
    onSuccess: async (_res, id) => {
      await cancelStorage(qc);
      patchOverview(qc, (o) => ({
        ...o,
        images: o.images.filter((i) => i.id !== id),
        snapshots: o.snapshots.map((r) => ({ ...r, images: r.images.filter((i) => i.id !== id) })),
      }));
      refetchStorage(qc);
    },
    onError: (e) => {
      if (e.code === "NotFound" || e.code === "Conflict") refetchStorage(qc);
    },
    meta: { quiet: true },
  });
}
