// AI amounts as the API gives them: a chat costs fractions of a cent, so a cost keeps the
// API's decimals (up to eight; more would be float noise) instead of rounding to cents; nothing here computes a price.

/** "0.0000084 USD", "1.50 USD"; "—" when the API sent none. */
export function formatAiCost(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null || !Number.isFinite(amount)) return "—";
  const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 8 }).format(amount);
  return currency ? `${text} ${currency}` : text;
}

/** "12,345"; "—" when the API sent none. */
export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return new Intl.NumberFormat("en-US").format(n);
}
