// Formatting used on several pages: one place, so a date or a rate reads the same everywhere.
// The formatters are made once: constructing an Intl formatter costs far more than formatting
// with one (a tenth of a millisecond in the webview; a page of table rows formats dozens).

const MONEY = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const RATE = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumSignificantDigits: 3 });
/** `Date.prototype.toLocaleString()`'s own defaults (ECMA-402 ToDateTimeOptions "any", "all"). */
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** A local date and time; "—" for none, the raw text when it does not parse. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

/** A per-minute rate as Barrack sends it, without float noise: "0.083 USD", "0.000167 USD". */
export function formatRate(value: number | null | undefined, currency: string): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return `${RATE.format(value)} ${currency}`;
}

/** "241.20 USD" (never "-0.00"). */
export function formatMoney(amount: number, currency: string): string {
  return `${MONEY.format(amount + 0)} ${currency}`;
}
