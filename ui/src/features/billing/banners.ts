// Which warnings the billing page shows above everything (rules.md §10, BILL-08).

/** Below a day of runway the user has to act today. */
export const RUNWAY_WARNING_HOURS = 24;

export type BillingBanner = "zero-balance" | "low-balance" | "runway";

/**
 * At zero the resources are being hibernated (rules.md §10), which says more than "low":
 * the low-balance banner is not repeated then. Runway is independent of the threshold (a
 * large balance can still run out within a day at a high burn rate).
 */
export function billingBanners({
  balance,
  threshold,
  runwayHours,
}: {
  balance: number | null;
  threshold: number | null;
  runwayHours: number | null;
}): BillingBanner[] {
  const out: BillingBanner[] = [];
  if (balance != null && balance <= 0) out.push("zero-balance");
  else if (balance != null && threshold != null && threshold > 0 && balance < threshold) out.push("low-balance");
  if (runwayHours != null && runwayHours < RUNWAY_WARNING_HOURS && !(balance != null && balance <= 0))
    out.push("runway");
  return out;
}
