import { describe, expect, it } from "vitest";
import { billingBanners } from "./banners";
import { formatDateTime, formatMoney, formatRate } from "../../lib/format";
import { money, rowRate, rowWhen } from "./format";
import { gpuRows, snapshotRows, volumeRows } from "./pricing";
import {
  EMPTY_FILTER,
  exportFilter,
  rangeError,
  recordRows,
  recordsQuery,
  recordsView,
  resourcePath,
  summaryFields,
  turnPage,
  withFilter,
} from "./records";
import { isStillBilling, stillActions } from "./stillBilling";
import { PRICING, SNAPSHOT_PAGE, VOLUME_PAGE, instancePage, stillOf } from "./testFixtures";
import { atAfterHours, atFromLocalInput, describeTimer, timeUntil, timerBlocked, toLocalInput } from "./timers";

describe("price table", () => {
  it("lists GPUs per tier (metadata order) in the account's currency with max counts", () => {
    const rows = gpuRows(PRICING, "EUR");
    expect(rows.map((r) => `${r.tier}/${r.model}`)).toEqual([
      "legacy/H100-PCIe-NVLink-80GB",
      "legacy/RTX-A6000",
      "advanced/B300-262GB",
      "advanced/H100-SXM5-80GB",
    ]);
    expect(rows[3]).toMatchObject({ price: 2.69, maxCount: 8 });
    expect(gpuRows(PRICING, "INR")[1]).toMatchObject({ model: "RTX-A6000", price: 49, maxCount: 4 });
  });

  it("lists volume types per tier and snapshots with their fixed size; a missing currency is null", () => {
    expect(volumeRows(PRICING, "USD").map((r) => [r.tier, r.type, r.price])).toEqual([
      ["legacy", "SSD", 0.1],
      ["advanced", "HDD", 0.08],
      ["advanced", "NVMe", 0.3],
    ]);
    expect(snapshotRows(PRICING, "USD")).toEqual([
      { tier: "legacy", price: 0.1, fixedSizeGb: 100, unit: "per hour (fixed 100GB)" },
    ]);
    expect(gpuRows(PRICING, "GBP")[0]?.price).toBeNull();
  });
});

describe("banners", () => {
  it("warns when the runway is under 24 hours, not at 24", () => {
    expect(billingBanners({ balance: 100, threshold: 10, runwayHours: 23.9 })).toEqual(["runway"]);
    expect(billingBanners({ balance: 100, threshold: 10, runwayHours: 24 })).toEqual([]);
    expect(billingBanners({ balance: 100, threshold: 10, runwayHours: null })).toEqual([]);
  });

  it("warns below the threshold, not at it, and not with no threshold", () => {
    expect(billingBanners({ balance: 9.99, threshold: 10, runwayHours: 100 })).toEqual(["low-balance"]);
    expect(billingBanners({ balance: 10, threshold: 10, runwayHours: 100 })).toEqual([]);
    expect(billingBanners({ balance: 5, threshold: 0, runwayHours: null })).toEqual([]);
    expect(billingBanners({ balance: 5, threshold: 10, runwayHours: 2 })).toEqual(["low-balance", "runway"]);
  });

  it("at zero says the VMs are hibernated instead of low or runway", () => {
    expect(billingBanners({ balance: 0, threshold: 10, runwayHours: 0 })).toEqual(["zero-balance"]);
    expect(billingBanners({ balance: -1.5, threshold: 10, runwayHours: null })).toEqual(["zero-balance"]);
  });
});

describe("still billing", () => {
  it("offers start-then-hibernate for stopped VMs, delete for the rest, and leaves running VMs out", () => {
    expect(stillActions(stillOf("a", "instance", "SHUTOFF", 1))).toEqual(["startThenHibernate", "deleteInstance"]);
    expect(stillActions(stillOf("a", "instance", "shutoff", 1))[0]).toBe("startThenHibernate");
    expect(stillActions(stillOf("a", "instance", "HIBERNATED", 1))).toEqual(["deleteInstance"]);
    expect(stillActions(stillOf("a", "volume", "available", 1))).toEqual(["deleteVolume"]);
    expect(stillActions(stillOf("a", "snapshot", "SUCCESS", 1))).toEqual(["deleteSnapshot"]);
    expect(isStillBilling(stillOf("a", "instance", "ACTIVE", 1))).toBe(false);
    expect(isStillBilling(stillOf("a", "volume", "ACTIVE", 1))).toBe(true);
  });
});

describe("timers", () => {
  const now = new Date("2026-03-01T10:00:00Z");

  it("turns 'after N hours' into an RFC 3339 instant", () => {
    expect(atAfterHours(3, now)).toBe("2026-03-01T13:00:00.000Z");
    expect(atAfterHours(1.5, now)).toBe("2026-03-01T11:30:00.000Z");
    expect(atAfterHours(0, now)).toBeNull();
    expect(atAfterHours(NaN, now)).toBeNull();
  });

  it("reads a datetime-local value as local time", () => {
    const local = new Date(2026, 2, 1, 22, 30);
    expect(toLocalInput(local)).toBe("2026-03-01T22:30");
    expect(atFromLocalInput("2026-03-01T22:30")).toBe(local.toISOString());
    expect(atFromLocalInput("")).toBeNull();
    expect(atFromLocalInput("tomorrow")).toBeNull();
  });

  it("says less than a minute as such", () => {
    const now = Date.parse("2026-11-27T10:00:00Z");
    expect(timeUntil("2026-11-27T10:00:20Z", now)).toBe("in under a minute");
    expect(timeUntil("2026-11-27T10:01:00Z", now)).toBe("in 1 min");
    expect(timeUntil("2026-11-27T09:59:00Z", now)).toBe("due now");
  });

  it("says when a timer fires", () => {
    expect(timeUntil("2026-03-01T12:05:00Z", now.getTime())).toBe("in 2 h 05 min");
    expect(timeUntil("2026-03-01T10:04:00Z", now.getTime())).toBe("in 4 min");
    expect(timeUntil("2026-03-01T09:00:00Z", now.getTime())).toBe("due now");
    expect(
      describeTimer(
        { id: "t", profile: "p", vmId: "v", vmName: "n", kind: "hibernateWhenActive", at: "", warned: false },
        0,
      ),
    ).toMatch(/as soon as it is ACTIVE/);
  });

  it("allows a timer only on a VM that is or becomes ACTIVE", () => {
    expect(timerBlocked("ACTIVE")).toBeNull();
    expect(timerBlocked("starting")).toBeNull();
    expect(timerBlocked("SHUTOFF")).toMatch(/start it/);
    expect(timerBlocked("HIBERNATED")).toMatch(/already hibernated/);
    expect(timerBlocked("ERROR")).toMatch(/cannot be hibernated/);
  });
});

describe("records query", () => {
  it("sends the page and limit, and only the filters that are set", () => {
    expect(recordsQuery(EMPTY_FILTER)).toEqual({ page: 1, limit: 50 });
    const f = { page: 3, resourceId: "vm-1", from: "2026-01-01", to: "2026-01-31" };
    expect(recordsQuery(f, 100)).toEqual({
      page: 3,
      limit: 100,
      resource_id: "vm-1",
      start_date: "2026-01-01",
      end_date: "2026-01-31",
    });
    expect(exportFilter(f)).toEqual({ resource_id: "vm-1", start_date: "2026-01-01", end_date: "2026-01-31" });
    expect(exportFilter({ ...EMPTY_FILTER, page: 4 })).toEqual({});
  });

  it("goes back to page 1 when a filter changes, and keeps pages within range", () => {
    const onPage3 = { ...EMPTY_FILTER, page: 3 };
    expect(withFilter(onPage3, { from: "2026-01-01" })).toEqual({ ...EMPTY_FILTER, from: "2026-01-01", page: 1 });
    expect(turnPage(onPage3, 1, 5).page).toBe(4);
    expect(turnPage(onPage3, 1, 3)).toBe(onPage3);
    expect(turnPage({ ...EMPTY_FILTER }, -1, 3).page).toBe(1);
  });

  it("refuses an end before the start", () => {
    expect(rangeError({ from: "2026-02-01", to: "2026-01-01" })).toMatch(/after the end/);
    expect(rangeError({ from: "2026-01-01", to: "2026-01-01" })).toBeNull();
    expect(rangeError({ from: "", to: "" })).toBeNull();
  });

  it("links each kind to its page", () => {
    expect(resourcePath("instance", "vm 1")).toBe("/instances/vm%201");
    expect(resourcePath("snapshot", "snap-1")).toBe("/snapshots?details=snap-1");
    expect(resourcePath("volume", "vol-1")).toBe("/volumes?details=vol-1");
  });
});

describe("records rows and summary", () => {
  it("reads every kind into one row shape", () => {
    const [inst] = recordRows({ kind: "instance", ...instancePage(1, 1, 1) });
    expect(inst).toMatchObject({
      resourceId: "vm-train",
      resourceName: "train-h100",
      detail: "H100-SXM5-80GB × 4",
      cost: 1195.2,
    });
    const [vol] = recordRows({ kind: "volume", ...VOLUME_PAGE });
    expect(vol).toMatchObject({
      billingId: "VBILL_a1b2c3d4e5",
      resourceName: "storage1",
      detail: "1000 GB",
      perMinute: 0.0002,
    });
    const [snap] = recordRows({ kind: "snapshot", ...SNAPSHOT_PAGE });
    expect(snap).toMatchObject({ resourceId: "snap-1", detail: "100 GB" });
  });

  it("gives the summary's fields as the API has them", () => {
    expect(summaryFields({ kind: "instance", ...instancePage(1, 1) }).map((f) => [f.key, f.value])).toEqual([
      ["totalMinutes", 19110],
      ["activeCount", 3],
      ["completedCount", 12],
      ["hibernatedCount", 1],
      ["averageUsage", 1124.12],
      ["totalCost", 1810.95],
    ]);
    expect(summaryFields({ kind: "volume", ...VOLUME_PAGE }).map((f) => f.key)).toEqual([
      "totalMinutes",
      "activeCount",
      "averageUsage",
      "totalSizeGB",
      "totalCost",
    ]);
  });
});

describe("row texts", () => {
  it("reads as the app's general formatters do, with formatters built once", () => {
    for (const iso of ["2026-03-01T10:05:09Z", "2026-11-27T23:59:59.123456Z", "not a date", null]) {
      expect(rowWhen(iso)).toBe(formatDateTime(iso));
    }
    for (const v of [0.083, 0.000167, 1, 12345.678, null, NaN]) {
      expect(rowRate(v, "USD")).toBe(formatRate(v, "USD"));
    }
    for (const v of [0, 241.2, 1234567.891, -3.005]) expect(money(v, "EUR")).toBe(formatMoney(v, "EUR"));
    expect(money(null, "EUR")).toBe("—");
  });

  it("formats a page's cells once, when the page arrives", () => {
    const view = recordsView({ kind: "instance", ...instancePage(1, 1, 1) });
    const [row] = view.rows;
    expect(row!.text.cost).toBe(money(1195.2, "USD"));
    expect(row!.text.from).toBe(formatDateTime(row!.start));
    expect(view.summary.find((f) => f.key === "totalCost")?.text).toBe(money(1810.95, "USD"));
    expect(view.summary.find((f) => f.key === "totalMinutes")?.text).toBe("19,110");
    expect(view).toMatchObject({ kind: "instance", page: 1 });
  });
});
