import { describe, expect, it } from "vitest";
import { rowOfSnapshot, snapshotOf, vmOf } from "../storage/fixtures";
import { inRegionRows, shownRows } from "./list";
import { snapshotStats } from "./stats";

const rows = [
  rowOfSnapshot(snapshotOf("base", { size_gb: 40, created_at: "2026-01-01T00:00:00Z" }), { hourlyCost: 0.1 }),
  rowOfSnapshot(snapshotOf("nightly", { size_gb: 12.5, status: "CREATING", created_at: "2026-01-05T00:00:00Z" }), {
    hourlyCost: null,
  }),
  rowOfSnapshot(snapshotOf("eu", { region: "NORWAY-1", size_gb: 100, status: "available" }), { hourlyCost: 0.2 }),
];

describe("snapshot statistics", () => {
  it("counts, sums storage and cost, restorable and available VMs for the region", () => {
    const stats = snapshotStats(inRegionRows(rows, "CANADA-1"), [vmOf("train")]);
    expect(stats).toEqual({ total: 2, storageGb: 52.5, availableVms: 1, restorable: 1, hourlyCost: 0.1 });
  });

  it("covers every region with the empty filter", () => {
    const stats = snapshotStats(inRegionRows(rows, ""), []);
    expect(stats.total).toBe(3);
    expect(stats.restorable).toBe(2);
    expect(stats.hourlyCost).toBeCloseTo(0.3);
    expect(stats.availableVms).toBe(0);
  });

  it("is all zero for an empty region", () => {
    expect(snapshotStats([], [])).toEqual({ total: 0, storageGb: 0, availableVms: 0, restorable: 0, hourlyCost: 0 });
  });
});

describe("the list as shown", () => {
  it("searches every word, sorts newest first by default order", () => {
    expect(shownRows(rows, "", "", "newest").map((r) => r.snapshot.name)).toEqual(["nightly", "eu", "base"]);
    expect(shownRows(rows, "", "", "name").map((r) => r.snapshot.name)).toEqual(["base", "eu", "nightly"]);
    expect(shownRows(rows, "", "", "size").map((r) => r.snapshot.name)).toEqual(["eu", "base", "nightly"]);
    expect(shownRows(rows, "CANADA-1", "train creat", "newest").map((r) => r.snapshot.name)).toEqual(["nightly"]);
  });
});
