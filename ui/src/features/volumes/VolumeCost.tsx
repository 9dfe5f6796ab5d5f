import { useCalculation } from "../billing/calculation";
import { formatHourly } from "../instances/money";
import { usePricing } from "../billing/queries";
import { pricePerTbHour, type Volume } from "./queries";

/**
 * A volume's storage cost per hour: its type's price per TB-hour from the pricing table,
 * times its size, computed by Rust's calculator (costs::calculate) — never a price here.
 */
export function VolumeCost({ volume, currency, testId }: { volume: Volume; currency: string; testId: string }) {
  const pricing = usePricing().data;
  const price = pricePerTbHour(pricing, volume, currency);
  const cost = useCalculation(
    { gpuPerHour: null, hours: 1, volumePricePerTbHour: price, volumeSizeGb: volume.size_gb ?? 0 },
    price !== null,
  );
  return (
    <span data-testid={testId} className="tabular-nums" title="Billed hourly on the provisioned size">
      {price === null ? "—" : formatHourly(cost?.volume, currency)}
    </span>
  );
}
