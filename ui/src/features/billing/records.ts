// The records tabs' filter → the query the billing endpoints take (server-side paging), the
// export's filter, and where a record's resource lives in the app.

import type { BillingQuery_Deserialize, CostKind } from "../../bindings";
import { snapshotsPath } from "../snapshots/paths";
import { money, plain, rowRate, rowWhen } from "./format";
import type { RecordsResponse } from "./queries";

/** Rows per page: small enough to render at once, large enough to page rarely. */
export const RECORDS_PAGE_SIZE = 50;

/** The tab the records open on. */
export const FIRST_KIND: CostKind = "instance";

export const RECORD_KINDS: { kind: CostKind; label: string }[] = [
  { kind: "instance", label: "Instances" },
  { kind: "volume", label: "Volumes" },
  { kind: "snapshot", label: "Snapshots" },
];

export type RecordsFilter = {
  page: number;
  /** "" is every resource of the kind. */
  resourceId: string;
  /** `YYYY-MM-DD` from the date inputs, "" when unset; both ends inclusive. */
  from: string;
  to: string;
};

export const EMPTY_FILTER: RecordsFilter = { page: 1, resourceId: "", from: "", to: "" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why the date range cannot be asked for, or null. */
export function rangeError(f: Pick<RecordsFilter, "from" | "to">): string | null {
  if (f.from && !DATE.test(f.from)) return "The start date is not a date.";
  if (f.to && !DATE.test(f.to)) return "The end date is not a date.";
  if (f.from && f.to && f.from > f.to) return "The start date is after the end date.";
  return null;
}

/** The filter without paging: what the export sends (every matching record). */
export function exportFilter(f: RecordsFilter): BillingQuery_Deserialize {
  const q: BillingQuery_Deserialize = {};
  if (f.resourceId) q.resource_id = f.resourceId;
  if (f.from) q.start_date = f.from;
  if (f.to) q.end_date = f.to;
  return q;
}

/** One page of the filter; unset filters are left out rather than sent empty. */
export function recordsQuery(f: RecordsFilter, limit = RECORDS_PAGE_SIZE): BillingQuery_Deserialize {
  return { page: Math.max(1, Math.floor(f.page)), limit, ...exportFilter(f) };
}

/** A changed filter starts again at page 1 (the old page may not exist any more). */
export function withFilter(f: RecordsFilter, patch: Partial<Omit<RecordsFilter, "page">>): RecordsFilter {
  return { ...f, ...patch, page: 1 };
}

/** The next or previous page, kept within 1..totalPages. */
export function turnPage(f: RecordsFilter, delta: number, totalPages: number): RecordsFilter {
  const page = Math.min(Math.max(1, totalPages), Math.max(1, f.page + delta));
  return page === f.page ? f : { ...f, page };
}

/**
 * Where a resource's page is. Volumes have no page of their own yet: the volumes page with
 * `?details=` (the pattern snapshots and images use) is where it will open.
 */
export function resourcePath(kind: CostKind, id: string): string {
  switch (kind) {
    case "instance":
      return `/instances/${encodeURIComponent(id)}`;
    case "volume":
      return `/volumes?details=${encodeURIComponent(id)}`;
    case "snapshot":
      return snapshotsPath({ details: id });
  }
}

// ---------------------------------------------------------------------------------------
// Rows and summary, one shape for the three kinds

export type RecordRow = {
  /** Its place on the page (0…49): the table's row key, so turning a page reuses the rows'
   * elements and only their texts change. */
  slot: string;
  billingId: string;
  resourceId: string;
  resourceName: string;
  /** GPU model × count for instances, size for storage. */
  detail: string;
  tier: string | null;
  start: string | null;
  end: string | null;
  minutes: number | null;
  perMinute: number | null;
  cost: number | null;
  currency: string;
  status: string;
  description: string | null;
  /** The cells' texts, formatted once when the page arrives (a render only places them). */
  text: { from: string; to: string; minutes: string; perMinute: string; cost: string };
};

function size(gb: number | null): string {
  return gb == null ? "—" : `${gb} GB`;
}

/** The page's records as rows, in the API's order. */
export function recordRows(res: RecordsResponse): RecordRow[] {
  return kindRows(res).map((r, i) => ({ ...r, slot: String(i) }));
}

function kindRows(res: RecordsResponse): Omit<RecordRow, "slot">[] {
  const common = (r: RecordsResponse["records"][number]) => ({
    text: {
      from: rowWhen(r.start_time),
      to: r.end_time ? rowWhen(r.end_time) : "ongoing",
      minutes: r.total_duration_minutes == null ? "—" : String(r.total_duration_minutes),
      perMinute: rowRate(r.per_minute_rate, r.currency),
      cost: money(r.total_cost, r.currency),
    },
    billingId: r.billing_id,
    tier: r.tier,
    start: r.start_time,
    end: r.end_time,
    minutes: r.total_duration_minutes,
    perMinute: r.per_minute_rate,
    cost: r.total_cost,
    currency: r.currency,
    status: r.status,
    description: r.description,
  });
  // Volumes and snapshots are billed by size.
  const stored = (r: RecordsResponse["records"][number] & { size_gb: number | null }, id: string, name: string) => ({
    ...common(r),
    resourceId: id,
    resourceName: name,
    detail: size(r.size_gb),
  });
  switch (res.kind) {
    case "instance":
      return res.records.map((r) => ({
        ...common(r),
        resourceId: r.instance_id,
        resourceName: r.vm_name,
        detail: `${r.gpu_type} × ${r.gpu_count}`,
      }));
    case "volume":
      return res.records.map((r) => stored(r, r.volume_id, r.volume_name));
    case "snapshot":
      return res.records.map((r) => stored(r, r.snapshot_id, r.snapshot_name));
  }
}

export type SummaryField = { key: string; label: string; value: number | null; money?: boolean };

/** One page of records as the section shows it: built once per page fetched (the query's `select`). */
export type RecordsView = {
  kind: CostKind;
  rows: RecordRow[];
  /** The summary's fields with their texts. */
  summary: (SummaryField & { text: string })[];
  page: number;
  totalPages: number;
  total: number | null;
  currency: string;
};

export function recordsView(res: RecordsResponse): RecordsView {
  const currency = res.currency ?? "USD";
  return {
    kind: res.kind,
    rows: recordRows(res),
    summary: summaryFields(res).map((f) => ({ ...f, text: f.money ? money(f.value, currency) : plain(f.value) })),
    page: res.page,
    totalPages: Math.max(1, res.total_pages ?? 1),
    total: res.total ?? null,
    currency,
  };
}

/** The summary as the API gives it: its fields in its order, named, nothing derived. */
export function summaryFields(res: RecordsResponse): SummaryField[] {
  if (res.kind === "instance") {
    const s = res.summary;
    return [
      { key: "totalMinutes", label: "Total minutes", value: s.totalMinutes },
      { key: "activeCount", label: "Active", value: s.activeCount },
      { key: "completedCount", label: "Completed", value: s.completedCount },
      { key: "hibernatedCount", label: "Hibernated", value: s.hibernatedCount },
      { key: "averageUsage", label: "Average usage", value: s.averageUsage },
      { key: "totalCost", label: "Total cost", value: s.totalCost, money: true },
    ];
  }
  const s = res.summary;
  return [
    { key: "totalMinutes", label: "Total minutes", value: s.totalMinutes },
    { key: "activeCount", label: "Active", value: s.activeCount },
    { key: "averageUsage", label: "Average usage", value: s.averageUsage },
    { key: "totalSizeGB", label: "Total size (GB)", value: s.totalSizeGB },
    { key: "totalCost", label: "Total cost", value: s.totalCost, money: true },
  ];
}
