// What Barrack's credits pages say about buying credits (dashboard.md §11 BILL-01…05,
// rules.md §9). The app takes no payment: "Add credits" opens Barrack's page.

export { CREDITS_URL } from "../../lib/barrackSite";

export type CurrencyTerms = { currency: string; minimum: number; methods: string[]; tax: string | null };

/** Per currency (BILL-03, BILL-04, BILL-02; source: docs.barrack.ai/account/credits-system). */
export const CURRENCY_TERMS: CurrencyTerms[] = [
  { currency: "USD", minimum: 5, methods: ["Credit or debit card"], tax: null },
  { currency: "EUR", minimum: 5, methods: ["Card", "SEPA"], tax: null },
  { currency: "INR", minimum: 100, methods: ["UPI", "Card", "Net banking"], tax: "18% GST for Indian customers" },
];

/** BILL-05, shown as the dashboard states it. */
export const CREDIT_RULES = [
  "Purchases are final and non-refundable.",
  "Credits never expire.",
  "Credits have no cash value.",
  "Each currency has its own balance; credits cannot be moved between currencies.",
];
