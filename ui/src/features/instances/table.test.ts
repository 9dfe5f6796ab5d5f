import { describe, expect, it } from "vitest";
import { rowOf, vmOf } from "../../test/vms";
import { bulkConsequence } from "./bulk";
import { NO_FILTERS, facets, filterRows, nextSort, sortRows, type SortColumn } from "./table";

const rows = [
  rowOf(vmOf("train-h100", "ACTIVE", { region: "CANADA-1", public_ip: "203.0.113.10" }), {
    hourlyRate: 4.98,
    runningSince: "2026-03-01T00:00:00Z",
    costToDate: 300,
  }),
  rowOf(
    vmOf("dev-a6000", "SHUTOFF", {
      region: "US-1",
      public_ip: "203.0.113.9",
      flavor: { name: null, cpu_cores: 8, ram_gb: 64, storage_gb: 200, gpu_model: "RTX-A6000", gpu_count: 1 },
    }),
    { hourlyRate: 0.69, runningSince: null, costToDate: 20 },
  ),
  rowOf(
    vmOf("archive-a100", "HIBERNATED", {
      region: "NORWAY-1",
      public_ip: null,
      public_ip_enabled: false,
      flavor: { name: null, cpu_cores: 16, ram_gb: 128, storage_gb: 300, gpu_model: "A100-PCIe-80GB", gpu_count: 4 },
    }),
    { hourlyRate: 0.01, runningSince: null, costToDate: 150 },
  ),
  rowOf(vmOf("Train-2", "ACTIVE", { region: "CANADA-1", public_ip: "198.51.100.7" }), {
    hourlyRate: null,
    runningSince: "2026-03-03T00:00:00Z",
    costToDate: 0,
  }),
];

const names = (list: typeof rows) => list.map((r) => r.vm.name);

describe("filtering", () => {
  it("searches names, IPs, GPUs and regions, case-insensitive, every word", () => {
    expect(names(filterRows(rows, { ...NO_FILTERS, search: "train" }))).toEqual(["train-h100", "Train-2"]);
    expect(names(filterRows(rows, { ...NO_FILTERS, search: "203.0.113.9" }))).toEqual(["dev-a6000"]);
    expect(names(filterRows(rows, { ...NO_FILTERS, search: "a6000" }))).toEqual(["dev-a6000"]);
    expect(names(filterRows(rows, { ...NO_FILTERS, search: "norway" }))).toEqual(["archive-a100"]);
    expect(names(filterRows(rows, { ...NO_FILTERS, search: "train  canada 198" }))).toEqual(["Train-2"]);
    expect(filterRows(rows, { ...NO_FILTERS, search: "nothing-like-this" })).toEqual([]);
    expect(filterRows(rows, NO_FILTERS)).toHaveLength(4);
  });

  it("filters by status, region and GPU, together", () => {
    expect(names(filterRows(rows, { ...NO_FILTERS, status: "ACTIVE" }))).toEqual(["train-h100", "Train-2"]);
    expect(names(filterRows(rows, { ...NO_FILTERS, region: "US-1" }))).toEqual(["dev-a6000"]);
    expect(names(filterRows(rows, { ...NO_FILTERS, gpu: "A100-PCIe-80GB" }))).toEqual(["archive-a100"]);
    expect(
      names(filterRows(rows, { search: "train", status: "ACTIVE", region: "CANADA-1", gpu: "H100-SXM5-80GB" })),
    ).toEqual(["train-h100", "Train-2"]);
    expect(filterRows(rows, { ...NO_FILTERS, status: "SHUTOFF", region: "CANADA-1" })).toEqual([]);
  });

  it("offers the values present, sorted", () => {
    expect(facets(rows)).toEqual({
      statuses: ["ACTIVE", "HIBERNATED", "SHUTOFF"],
      regions: ["CANADA-1", "NORWAY-1", "US-1"],
      gpus: ["A100-PCIe-80GB", "H100-SXM5-80GB", "RTX-A6000"],
    });
  });
});

describe("sorting", () => {
  const CASES: [SortColumn, string[]][] = [
    ["name", ["archive-a100", "dev-a6000", "Train-2", "train-h100"]],
    ["status", ["Train-2", "train-h100", "archive-a100", "dev-a6000"]],
    ["gpu", ["archive-a100", "Train-2", "train-h100", "dev-a6000"]],
    ["region", ["Train-2", "train-h100", "archive-a100", "dev-a6000"]],
    // 198.51.100.7 < 203.0.113.9 < 203.0.113.10 numerically; no public IP last.
    ["public-ip", ["Train-2", "dev-a6000", "train-h100", "archive-a100"]],
    // No price last.
    ["cost-per-hour", ["archive-a100", "dev-a6000", "train-h100", "Train-2"]],
    // Shortest running first; not running last.
    ["running-time", ["Train-2", "train-h100", "archive-a100", "dev-a6000"]],
    ["cost-to-date", ["Train-2", "dev-a6000", "archive-a100", "train-h100"]],
  ];

  it.each(CASES)("by %s, ascending", (column, expected) => {
    expect(names(sortRows(rows, { column, dir: "asc" }))).toEqual(expected);
  });

  it("descending reverses the values but keeps rows without one last", () => {
    expect(names(sortRows(rows, { column: "cost-per-hour", dir: "desc" }))).toEqual([
      "train-h100",
      "dev-a6000",
      "archive-a100",
      "Train-2",
    ]);
    expect(names(sortRows(rows, { column: "public-ip", dir: "desc" }))).toEqual([
      "train-h100",
      "dev-a6000",
      "Train-2",
      "archive-a100",
    ]);
    expect(names(sortRows(rows, { column: "name", dir: "desc" }))).toEqual([
      "train-h100",
      "Train-2",
      "dev-a6000",
      "archive-a100",
    ]);
  });

  it("does not change the rows it is given", () => {
    const before = names(rows);
    sortRows(rows, { column: "cost-to-date", dir: "desc" });
    expect(names(rows)).toEqual(before);
  });

  it("flips the sorted column and starts others ascending", () => {
    expect(nextSort({ column: "name", dir: "asc" }, "name")).toEqual({ column: "name", dir: "desc" });
    expect(nextSort({ column: "name", dir: "desc" }, "name")).toEqual({ column: "name", dir: "asc" });
    expect(nextSort({ column: "name", dir: "desc" }, "region")).toEqual({ column: "region", dir: "asc" });
  });

  it("sorts 2,000 VMs quickly", () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      rowOf(vmOf(`vm-${i}`, i % 3 ? "ACTIVE" : "SHUTOFF"), { costToDate: (i * 7919) % 1000 }),
    );
    const t = performance.now();
    for (let i = 0; i < 10; i++)
      sortRows(filterRows(many, { ...NO_FILTERS, search: `vm-${i}` }), { column: "cost-to-date", dir: "desc" });
    expect((performance.now() - t) / 10).toBeLessThan(50);
  });
});

describe("bulk consequence", () => {
  it("sums the backend's rates of the VMs acted on", () => {
    const two = [rows[0]!, rowOf(vmOf("x"), { fullRate: 2.5, hourlyRate: 2.5 })];
    expect(bulkConsequence("stop", two, "USD")).toBe(
      "Stopped VMs keep billing the full rate (7.48 USD/h in total): they keep their resources.",
    );
    expect(bulkConsequence("start", two, "USD")).toMatch(/7\.48 USD\/h in total/);
    expect(bulkConsequence("delete", two, "USD")).toMatch(/ends their billing \(7\.48 USD\/h now\)/);
    expect(bulkConsequence("hibernate", two, "USD")).toMatch(/hibernation rate/);
  });
});
