// Labels for billing figures. Amounts come from the backend as they are; these only format.

import { formatDateTime, formatMoney, formatRate } from "../../lib/format";

// The amounts, rates and dates are lib/format's (one place); these add what billing needs
// around them ("—" for an amount the backend could not work out, "/day").
const PLAIN = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "12.40 USD" (lib/format's `formatMoney`); "—" when the backend could not work it out. */
export function money(amount: number | null | undefined, currency: string): string {
  if (amount == null || !Number.isFinite(amount)) return "—";
  return formatMoney(amount, currency);
}

/** "9.96 USD/day". */
export function perDay(amount: number | null | undefined, currency: string): string {
  const m = money(amount, currency);
  return m === "—" ? m : `${m}/day`;
}

/** A number as the API gives it (summary fields): grouped, up to 2 decimals. */
export function plain(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return PLAIN.format(value);
}

/** A record's date and time (lib/format's `formatDateTime`). */
export const rowWhen = formatDateTime;

/** A record's per-minute rate (lib/format's `formatRate`). */
export const rowRate = formatRate;
