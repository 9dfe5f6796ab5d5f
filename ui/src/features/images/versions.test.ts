import { describe, expect, it } from "vitest";
import { imageOf, rowOfSnapshot, snapshotOf, vmOf } from "../storage/fixtures";
import { deployVerdict, groupBySourceVm, imagesInRegion, totalImageStorage, UNKNOWN_SOURCE } from "./versions";

const trainA = snapshotOf("train-a", { instance_id: "vm-train", instance_name: "train" });
const trainB = snapshotOf("train-b", { instance_id: "vm-train", instance_name: "train" });
const devA = snapshotOf("dev-a", { instance_id: "vm-dev", instance_name: null });
const rows = [trainA, trainB, devA].map((s) => rowOfSnapshot(s));
const vms = [vmOf("dev", "ACTIVE", { id: "vm-dev" })];

const images = [
  imageOf("train-v1", { snapshot_id: trainA.id, created_at: "2026-01-01T00:00:00Z" }),
  imageOf("train-v2", { snapshot_id: trainB.id, created_at: "2026-02-01T00:00:00Z" }),
  imageOf("dev-v1", { snapshot_id: devA.id, created_at: "2026-01-15T00:00:00Z" }),
  imageOf("orphan", { snapshot_id: "snap-gone", created_at: "2026-03-01T00:00:00Z" }),
];

describe("image versions", () => {
  it("groups images by the VM their snapshots were taken of, newest first", () => {
    const groups = groupBySourceVm(images, rows, vms);
    expect(groups.map((g) => g.vmName)).toEqual(["train", "dev", UNKNOWN_SOURCE]);
    expect(groups[0]!.images.map((i) => i.name)).toEqual(["train-v2", "train-v1"]);
    // The VM name comes from the VM list when the snapshot does not carry it.
    expect(groups[1]!.images.map((i) => i.name)).toEqual(["dev-v1"]);
    expect(groups[2]!.images.map((i) => i.name)).toEqual(["orphan"]);
  });

  it("filters by region, sums storage, deploys only Available images", () => {
    const list = [imageOf("a", { size_gb: 10 }), imageOf("b", { region: "US-1", size_gb: 5, status: "CREATING" })];
    expect(imagesInRegion(list, "US-1").map((i) => i.name)).toEqual(["b"]);
    expect(totalImageStorage(list)).toBe(15);
    expect(deployVerdict(list[0]!)).toBeNull();
    expect(deployVerdict(list[1]!)).toMatch(/only an Available image/);
  });
});
