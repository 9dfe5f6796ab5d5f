// The instances table's filtering, sorting and facets: pure functions over the rows the
// backend sends. Sorting and the search index are per list (memoised by the page); a
// keystroke only scans the index, off the input's path (deferred).

import { normalizeStatus } from "./status";
import type { InstanceRow } from "./queries";

export const SORT_COLUMNS = [
  "name",
  "status",
  "gpu",
  "region",
  "public-ip",
  "cost-per-hour",
  "running-time",
  "cost-to-date",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDir = "asc" | "desc";
export type SortState = { column: SortColumn; dir: SortDir };

export const DEFAULT_SORT: SortState = { column: "name", dir: "asc" };

/** "" means any. */
export type Filters = { search: string; status: string; region: string; gpu: string };
export const NO_FILTERS: Filters = { search: "", status: "", region: "", gpu: "" };

/** Everything a search matches in one row, lower case. */
function haystack({ vm }: InstanceRow): string {
  return [vm.name, vm.id, vm.status, vm.region, vm.flavor.gpu_model, vm.public_ip ?? "", vm.private_ip ?? ""]
    .join("\u0000")
    .toLowerCase();
}

/**
 * The rows with their lower-cased haystacks, built once per list (a change to the data,
 * a renamed VM included, makes a new list and so a new index): a keystroke only scans it.
 */
export type SearchIndex = { readonly rows: readonly InstanceRow[]; readonly texts: readonly string[] };

export function searchIndex(rows: readonly InstanceRow[]): SearchIndex {
  return { rows, texts: rows.map(haystack) };
}

/** Rows matching every filter, in the index's order; the search needs every word somewhere in the row. */
export function filterIndexed(index: SearchIndex, f: Filters): InstanceRow[] {
  const words = f.search.toLowerCase().split(/\s+/).filter(Boolean);
  const status = f.status ? normalizeStatus(f.status) : "";
  if (words.length === 0 && !status && !f.region && !f.gpu) return index.rows as InstanceRow[];
  const out: InstanceRow[] = [];
  index.rows.forEach((row, i) => {
    const { vm } = row;
    if (status && normalizeStatus(vm.status) !== status) return;
    if (f.region && vm.region !== f.region) return;
    if (f.gpu && vm.flavor.gpu_model !== f.gpu) return;
    const text = index.texts[i]!;
    if (words.every((w) => text.includes(w))) out.push(row);
  });
  return out;
}

/** [`filterIndexed`] over rows not indexed yet (one-off filters, tests). */
export function filterRows(rows: readonly InstanceRow[], f: Filters): InstanceRow[] {
  return filterIndexed(searchIndex(rows), f).slice();
}

/** One string that changes whenever a filter does (what the bench's filter measure follows). */
export function filtersKey(f: Filters): string {
  return `${f.search}\u0000${f.status}\u0000${f.region}\u0000${f.gpu}`;
}

/** IPv4 as a number, so 10.0.0.9 sorts before 10.0.0.10. */
function ipKey(ip: string): number | string {
  const parts = ip.split(".");
  if (parts.length === 4 && parts.every((p) => p !== "" && Number.isInteger(Number(p)))) {
    return parts.reduce((n, p) => n * 256 + Number(p), 0);
  }
  return ip;
}

type Key = number | string | null;

function sortKey(row: InstanceRow, column: SortColumn): Key {
  const { vm } = row;
  switch (column) {
    case "name":
      return vm.name;
    case "status":
      return normalizeStatus(vm.status);
    case "gpu":
      return `${vm.flavor.gpu_model}\u0000${String(vm.flavor.gpu_count).padStart(3, "0")}`;
    case "region":
      return vm.region;
    case "public-ip":
      return vm.public_ip_enabled && vm.public_ip ? ipKey(vm.public_ip) : null;
    case "cost-per-hour":
      return row.hourlyRate;
    case "running-time": {
      // Running longer = started earlier = a larger key.
      const t = row.runningSince ? Date.parse(row.runningSince) : Number.NaN;
      return Number.isNaN(t) ? null : -t;
    }
    case "cost-to-date":
      return row.costToDate;
  }
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function compareKeys(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorted by one column; rows with no value (no public IP, not running, no price) go last
 * in both directions, and ties keep the name order.
 */
export function sortRows(rows: readonly InstanceRow[], sort: SortState): InstanceRow[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column) }));
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key === y.key) return collator.compare(x.row.vm.name, y.row.vm.name);
      return x.key === null ? 1 : -1;
    }
    const c = compareKeys(x.key, y.key);
    return c !== 0 ? sign * c : collator.compare(x.row.vm.name, y.row.vm.name);
  });
  return keyed.map((k) => k.row);
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, dir: current.dir === "asc" ? "desc" : "asc" };
  return { column, dir: "asc" };
}

/** The values each filter offers, from the rows themselves. */
export function facets(rows: readonly InstanceRow[]): { statuses: string[]; regions: string[]; gpus: string[] } {
  const statuses = new Set<string>();
  const regions = new Set<string>();
  const gpus = new Set<string>();
  for (const { vm } of rows) {
    statuses.add(normalizeStatus(vm.status));
    regions.add(vm.region);
    gpus.add(vm.flavor.gpu_model);
  }
  const sorted = (s: Set<string>) => [...s].filter(Boolean).sort(collator.compare);
  return { statuses: sorted(statuses), regions: sorted(regions), gpus: sorted(gpus) };
}
