// Cost labels. Every amount comes from the backend (pricing endpoint, billing records):
// these functions only format them and say what a state means for the bill (rules.md §2.1).

import { formatMoney } from "../../lib/format";
import { VM_STATE_BILLING } from "../../bindings";
import { normalizeStatus } from "./status";

/** "4.98 USD/h"; "—" when Barrack's pricing does not list the VM. */
export function formatHourly(rate: number | null | undefined, currency: string): string {
  if (rate == null || !Number.isFinite(rate)) return "—";
  // `+ 0` turns a negative zero (an empty sum in Rust) into 0: never "-0.00".
  return `${formatMoney(rate + 0, currency)}/h`;
}

/** "0.0830 USD/min" (billing is per minute, DASH-04); tiny rates keep 6 decimals. */
export function formatPerMinute(hourly: number | null | undefined, currency: string): string {
  if (hourly == null || !Number.isFinite(hourly)) return "—";
  const perMinute = hourly / 60 + 0;
  const digits = perMinute > 0 && perMinute < 0.001 ? 6 : 4;
  const text = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(perMinute);
  return `${text} ${currency}/min`;
}

/** How a state bills (barrack-api costs::state_billing, generated): a state this app does not know bills in full. */
export function stateBilling(status: string): { bills: string; billedWhileIdle: boolean; note: string } {
  const table = VM_STATE_BILLING.byState as Record<string, { bills: string; billedWhileIdle: boolean; note: string }>;
  const s = normalizeStatus(status);
  return Object.hasOwn(table, s) ? table[s]! : VM_STATE_BILLING.unknownToApp;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

/**
 * How long the balance lasts at the burn rate: "12 days 5 hours", "5 hours 30 minutes",
 * "less than a minute"; `null` (nothing billing) is "No running costs".
 */
export function formatRunway(hours: number | null | undefined): string {
  if (hours == null || !Number.isFinite(hours)) return "No running costs";
  const totalMinutes = Math.max(0, Math.floor(hours * 60));
  const days = Math.floor(totalMinutes / (24 * 60));
  const h = Math.floor((totalMinutes % (24 * 60)) / 60);
  const m = totalMinutes % 60;
  if (days > 0) return `${plural(days, "day")} ${plural(h, "hour")}`;
  if (h > 0) return `${plural(h, "hour")} ${plural(m, "minute")}`;
  if (m > 0) return plural(m, "minute");
  return "less than a minute";
}

/** "3d 4h", "2h 05m", "12m", "<1m": time since `since`; "—" when not running. */
export function formatRunningTime(since: string | null | undefined, now: number): string {
  if (!since) return "—";
  const start = Date.parse(since);
  if (Number.isNaN(start)) return "—";
  const minutes = Math.max(0, Math.floor((now - start) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m`;
  return "<1m";
}

/** "14:05" (24-hour, local time) for "last updated". */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
