// Labels for billing figures. Amounts come from the backend as they are; these only format.

import { formatMoney } from "../../lib/format";

// Shared with the other pages under the names this page uses.
export { formatDateTime as when, formatRate as rate } from "../../lib/format";

/** "12.40 USD"; "—" when the backend could not work it out. */
export function money(amount: number | null | undefined, currency: string): string {
  if (amount == null || !Number.isFinite(amount)) return "—";
  return formatMoney(amount + 0, currency);
}

/** "9.96 USD/day". */
export function perDay(amount: number | null | undefined, currency: string): string {
  const m = money(amount, currency);
  return m === "—" ? m : `${m}/day`;
}

/** A number as the API gives it (summary fields): grouped, up to 2 decimals. */
export function plain(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value);
}
