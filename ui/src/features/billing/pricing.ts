// The pricing table (BILL-10) in the account's currency, and the calculator's maths. No
// price is written here: every figure comes from getPricing or deployQuote.

import type { Price_Serialize, PricingResponse_Serialize } from "../../bindings";

export type GpuPriceRow = {
  tier: string;
  model: string;
  price: number | null;
  maxCount: number | null;
  unit: string | null;
};
export type VolumePriceRow = { tier: string; type: string; price: number | null; unit: string | null };
export type SnapshotPriceRow = { tier: string; price: number | null; fixedSizeGb: number | null; unit: string | null };

function priceIn(p: Price_Serialize, currency: string): number | null {
  const v = p.prices[currency];
  return v == null || !Number.isFinite(v) ? null : v;
}

/** Tiers in the order the metadata lists them, then any others alphabetically. */
function tierOrder(pricing: PricingResponse_Serialize, tiers: string[]): string[] {
  const listed = pricing.pricing_data.metadata.supported_tiers ?? [];
  const rank = (t: string) => {
    const i = listed.indexOf(t);
    return i < 0 ? listed.length : i;
  };
  return [...tiers].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function gpuRows(pricing: PricingResponse_Serialize, currency: string): GpuPriceRow[] {
  const byTier = pricing.pricing_data.gpus.pricing;
  return tierOrder(pricing, Object.keys(byTier)).flatMap((tier) =>
    Object.entries(byTier[tier] ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([model, p]) => ({ tier, model, price: priceIn(p, currency), maxCount: p.max_count ?? null, unit: p.unit })),
  );
}

export function volumeRows(pricing: PricingResponse_Serialize, currency: string): VolumePriceRow[] {
  const byTier = pricing.pricing_data.volumes.pricing;
  return tierOrder(pricing, Object.keys(byTier)).flatMap((tier) =>
    Object.entries(byTier[tier] ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, p]) => ({ tier, type, price: priceIn(p, currency), unit: p.unit })),
  );
}

export function snapshotRows(pricing: PricingResponse_Serialize, currency: string): SnapshotPriceRow[] {
  const byTier = pricing.pricing_data.snapshots.pricing;
  return tierOrder(pricing, Object.keys(byTier)).flatMap((tier) => {
    const p = byTier[tier];
    return p ? [{ tier, price: priceIn(p, currency), fixedSizeGb: p.fixed_size_gb ?? null, unit: p.unit }] : [];
  });
}

/** `tier|name` as one select value (a model or type can exist in several tiers). */
export function optionKey(tier: string, name: string): string {
  return `${tier}|${name}`;
}

export function parseOptionKey(key: string): { tier: string; name: string } | null {
  const i = key.indexOf("|");
  return i <= 0 ? null : { tier: key.slice(0, i), name: key.slice(i + 1) };
}
