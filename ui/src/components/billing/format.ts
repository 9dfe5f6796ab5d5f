// Labels for billing figures. Amounts come from the backend as they are; these only format.

import { formatMoney } from "../../api";

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

/** A rate as Barrack sends it, without float noise: "0.083", "0.000167". */
export function rate(value: number | null | undefined, currency: string): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumSignificantDigits: 3 }).format(value);
  return `${text} ${currency}`;
}

/** A number as the API gives it (summary fields): grouped, up to 2 decimals. */
export function plain(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value);
}

/** A local date and time for a record or a timer; the raw text when it does not parse. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
