// AI amounts as the API gives them: a chat costs fractions of a cent, so a cost keeps the
// API's decimals (up to eight; more would be float noise) instead of rounding to cents; nothing here computes a price.

/** "0.0000084 USD", "1.50 USD"; "—" when the API sent none. */
export function formatAiCost(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null || !Number.isFinite(amount)) return "—";
  // Below the last decimal shown it is nothing: never "-0.00" (a total of no requests can
  // come as -0.0, or as float noise below zero).
  const shown = Math.abs(amount) < 5e-9 ? 0 : amount;
  const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 8 }).format(shown);
  return currency ? `${text} ${currency}` : text;
}

/** "12,345"; "—" when the API sent none. */
export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return new Intl.NumberFormat("en-US").format(n);
}
