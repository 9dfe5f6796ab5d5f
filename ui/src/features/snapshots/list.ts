// The snapshot list as shown: the region's snapshots, searched and sorted.

import type { SnapshotRow } from "../storage/queries";
import { timeOf } from "../../lib/storageFormat";
import { inRegion } from "../../lib/regions";

export type SnapshotSort = "newest" | "oldest" | "name" | "size";

export const SORT_LABEL: Record<SnapshotSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  name: "Name A–Z",
  size: "Largest first",
};

/** The type column: "Create as Image" makes it an Image (rules.md §3). */
export function snapshotType(isImage: boolean): "Image" | "VM Snapshot" {
  return isImage ? "Image" : "VM Snapshot";
}

function haystack(r: SnapshotRow): string {
  const s = r.snapshot;
  return [s.name, s.instance_name ?? "", s.description ?? "", s.region, s.status, snapshotType(s.is_image)]
    .join("\u0000")
    .toLowerCase();
}

/** Every word of the search must appear somewhere (name, source VM, description, …). */
function matches(r: SnapshotRow, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(r);
  return words.every((w) => text.includes(w));
}

const COMPARE: Record<SnapshotSort, (a: SnapshotRow, b: SnapshotRow) => number> = {
  newest: (a, b) => timeOf(b.snapshot.created_at) - timeOf(a.snapshot.created_at),
  oldest: (a, b) => timeOf(a.snapshot.created_at) - timeOf(b.snapshot.created_at),
  name: (a, b) => a.snapshot.name.localeCompare(b.snapshot.name),
  size: (a, b) => (b.snapshot.size_gb ?? 0) - (a.snapshot.size_gb ?? 0),
};

export function inRegionRows(rows: readonly SnapshotRow[], region: string): SnapshotRow[] {
  return rows.filter((r) => inRegion(r.snapshot.region, region));
}

/** The region's rows matching the search, in the chosen order (ties by name). */
export function shownRows(
  rows: readonly SnapshotRow[],
  region: string,
  search: string,
  sort: SnapshotSort,
): SnapshotRow[] {
  return inRegionRows(rows, region)
    .filter((r) => matches(r, search))
    .sort((a, b) => COMPARE[sort](a, b) || a.snapshot.name.localeCompare(b.snapshot.name));
}
