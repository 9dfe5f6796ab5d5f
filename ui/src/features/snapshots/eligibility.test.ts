import { describe, expect, it } from "vitest";
import { snapshotOf, vmOf } from "../storage/fixtures";
import { createVerdict, imageVerdict, restoreVerdict, snapshotableVms, vmLabel } from "./eligibility";

const vms = [
  vmOf("b-train", "ACTIVE"),
  vmOf("a-dev", "ACTIVE", { region: "US-1" }),
  vmOf("stopped", "SHUTOFF"),
  vmOf("hib", "HIBERNATED"),
  vmOf("new", "CREATING"),
];

describe("which VMs can be snapshotted", () => {
  it("only ACTIVE ones, of the region, by name", () => {
    expect(snapshotableVms(vms, "CANADA-1").map((v) => v.name)).toEqual(["b-train"]);
    expect(snapshotableVms(vms, "US-1").map((v) => v.name)).toEqual(["a-dev"]);
    expect(snapshotableVms(vms, "NORWAY-1")).toEqual([]);
    expect(snapshotableVms(vms, "").map((v) => v.name)).toEqual(["a-dev", "b-train"]);
  });

  it("labels a VM with its GPU and region", () => {
    expect(vmLabel(vms[0]!)).toBe("b-train - H100-SXM5-80GB (CANADA-1)");
  });

  it("says why Create is disabled when the region has none", () => {
    expect(createVerdict(snapshotableVms(vms, "CANADA-1"), "CANADA-1")).toBeNull();
    expect(createVerdict([], "NORWAY-1")).toMatch(/No ACTIVE VM in NORWAY-1/);
  });
});

describe("which snapshots can be restored or made into images", () => {
  it("only SUCCESS or available ones, saying why otherwise", () => {
    expect(restoreVerdict(snapshotOf("a", { status: "SUCCESS" }))).toBeNull();
    expect(restoreVerdict(snapshotOf("a", { status: "available" }))).toBeNull();
    expect(restoreVerdict(snapshotOf("a", { status: "CREATING" }))).toMatch(
      /a is CREATING; only a snapshot with status SUCCESS/,
    );
    expect(imageVerdict(snapshotOf("a", { status: "SUCCESS" }))).toBeNull();
    expect(imageVerdict(snapshotOf("b", { status: "ERROR" }))).toMatch(/be made into an image/);
  });
});
