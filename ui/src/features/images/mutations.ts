// Creating and deleting images. Each dialog shows its own error
// (`quiet`: no toast); on success the cache is patched at once (a new snapshot appears as
// CREATING straight away) and the lists are fetched again; the poller then follows it.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import {
  applyStorageChange,
  optionalText,
  refetchWhenStale,
  type Image,
  type StorageOverview,
} from "../storage/queries";

export type CreateImageInput = { snapshotId: string; name: string; description: string };

export function useCreateImage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ snapshotId, name, description }: CreateImageInput) =>
      call(
        commands.createImage({
          snapshot_id: snapshotId,
          name,
          description: optionalText(description),
        }),
      ),
    onSuccess: (res) => applyStorageChange(qc, withImage(res.image)),
    meta: { quiet: true },
  });
}

/** The overview with a new image, listed under its snapshot too. */
const withImage = (image: Image) => (o: StorageOverview) => {
  if (o.images.some((i) => i.id === image.id)) return o;
  const snapshots = o.snapshots.map((r) =>
    r.snapshot.id === image.snapshot_id ? { ...r, images: [image, ...r.images] } : r,
  );
  return { ...o, images: [image, ...o.images], snapshots };
};

export function useDeleteImage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.deleteImage(id)),
    onSuccess: (_res, id) =>
      applyStorageChange(qc, (o) => ({
        ...o,
        images: o.images.filter((i) => i.id !== id),
        snapshots: o.snapshots.map((r) => ({ ...r, images: r.images.filter((i) => i.id !== id) })),
      })),
    onError: (e) => refetchWhenStale(qc, e),
    meta: { quiet: true },
  });
}
