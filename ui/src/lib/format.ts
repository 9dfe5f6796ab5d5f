// Formatting used on several pages: one place, so a date or a rate reads the same everywhere.

/** A local date and time; "—" for none, the raw text when it does not parse. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** A per-minute rate as Barrack sends it, without float noise: "0.083 USD", "0.000167 USD". */
export function formatRate(value: number | null | undefined, currency: string): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumSignificantDigits: 3 }).format(value);
  return `${text} ${currency}`;
}

/** "241.20 USD". */
export function formatMoney(amount: number, currency: string): string {
  const text = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
  return `${text} ${currency}`;
}
