// Image "versions" (IMG-04/05): images whose source snapshots were taken of the same VM
// belong together, newest first, under that VM's name. The chain is image → snapshot_id →
// the snapshot's instance_id, with the VM's name from the snapshot (or the VM list when the
// snapshot lacks it).

import type { Image, SnapshotRow, Vm } from "../storage/queries";
import { timeOf } from "../../lib/storageFormat";
import { inRegion } from "../../lib/regions";
import { isImageReady } from "../storage/status";

export type ImageGroup = {
  /** The source VM's id, or a stand-in when the source is unknown. */
  key: string;
  vmName: string;
  images: Image[];
};

export const UNKNOWN_SOURCE = "Unknown source VM";

function newestFirst(a: Image, b: Image): number {
  return timeOf(b.created_at) - timeOf(a.created_at) || a.name.localeCompare(b.name);
}

/** Groups by source VM; groups ordered by their newest image, the unknown group last. */
export function groupBySourceVm(
  images: readonly Image[],
  snapshots: readonly SnapshotRow[],
  vms: readonly Vm[],
): ImageGroup[] {
  const snapshotById = new Map(snapshots.map((r) => [r.snapshot.id, r.snapshot]));
  const vmName = new Map(vms.map((vm) => [vm.id, vm.name]));
  const groups = new Map<string, ImageGroup>();
  for (const image of images) {
    const snap = image.snapshot_id ? snapshotById.get(image.snapshot_id) : undefined;
    const key = snap?.instance_id || "";
    const name = snap ? (snap.instance_name ?? vmName.get(snap.instance_id) ?? snap.instance_id) : UNKNOWN_SOURCE;
    const group = groups.get(key) ?? { key: key || "unknown", vmName: key ? name : UNKNOWN_SOURCE, images: [] };
    group.images.push(image);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  for (const g of list) g.images.sort(newestFirst);
  return list.sort((a, b) => {
    if (a.vmName === UNKNOWN_SOURCE) return 1;
    if (b.vmName === UNKNOWN_SOURCE) return -1;
    return timeOf(b.images[0]?.created_at) - timeOf(a.images[0]?.created_at) || a.vmName.localeCompare(b.vmName);
  });
}

export function imagesInRegion(images: readonly Image[], region: string): Image[] {
  return images.filter((i) => inRegion(i.region, region)).sort(newestFirst);
}

/** Storage used by the images shown (IMG-04). */
export function totalImageStorage(images: readonly Image[]): number {
  return images.reduce((sum, i) => sum + (i.size_gb ?? 0), 0);
}

/** Why "Deploy from this image" is unavailable, or null (IMG-05). */
export function deployVerdict(image: Image): string | null {
  return isImageReady(image.status)
    ? null
    : `${image.name} is ${image.status || "not ready"}; only an Available image can boot a VM.`;
}
