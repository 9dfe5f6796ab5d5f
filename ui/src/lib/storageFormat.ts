// How sizes and times read on the storage pages.

/** Local date and time, full (SNAP-20 "full creation time"). */
export { formatDateTime } from "./format";

/** "42.5 GB"; "—" when Barrack has not measured it yet (a snapshot still CREATING). */
export function formatGb(gb: number | null | undefined): string {
  if (gb == null || !Number.isFinite(gb)) return "—";
  const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(gb);
  return `${text} GB`;
}

/** Milliseconds for sorting; unknown times sort as the oldest. */
export function timeOf(iso: string | null | undefined): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}
