// Snapshot, image and overview fixtures for the storage tests, shaped like the backend's answers.

import type { Image, Snapshot, SnapshotRow, StorageOverview, Vm } from "./queries";
import { vmOf } from "../../test/vms";

export function snapshotOf(name: string, patch: Partial<Snapshot> = {}): Snapshot {
  return {
    id: `snap-${name}`,
    name,
    description: null,
    instance_id: "vm-train-h100",
    instance_name: "train-h100",
    region: "CANADA-1",
    size_gb: 40,
    status: "SUCCESS",
    is_image: false,
    vm_config: { region: "CANADA-1", vcpus: 32, ram_gb: 256, gpu_model: "H100-SXM5-80GB", gpu_count: 2, disk_gb: 500 },
    created_at: "2026-01-02T10:00:00Z",
    ...patch,
  };
}

export function rowOfSnapshot(snapshot: Snapshot, patch: Partial<SnapshotRow> = {}): SnapshotRow {
  return { snapshot, hourlyCost: 0.1, images: [], ...patch };
}

export function imageOf(name: string, patch: Partial<Image> = {}): Image {
  return {
    id: `img-${name}`,
    name,
    description: null,
    region: "CANADA-1",
    size_gb: 40,
    status: "AVAILABLE",
    snapshot_id: null,
    snapshot_name: null,
    created_at: "2026-01-03T10:00:00Z",
    ...patch,
  };
}

export function overviewOf(patch: Partial<StorageOverview> = {}): StorageOverview {
  return { currency: "USD", snapshots: [], images: [], eligible: [], instances: [], profileComplete: true, ...patch };
}

export { vmOf };
export type { Vm };
