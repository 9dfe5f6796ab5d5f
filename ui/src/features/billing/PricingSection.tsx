import { Card, CardTitle } from "../../components/ui/Card";
import { OFFSCREEN_UNTIL_NEAR } from "./layout";
import { DataStatus } from "../../components/ui/DataStatus";
import { Calculator } from "./Calculator";
import { PricingTable } from "./PricingTable";
import { usePricing } from "./queries";

/** BILL-10: the price list and a calculator, both from Barrack's pricing endpoint. */
export function PricingSection({ currency, enabled = true }: { currency: string; enabled?: boolean }) {
  const pricing = usePricing(enabled);
  return (
    // Below the records: laid out and painted only when scrolled near (a page change's
    // layout then stops at the records).
    <Card data-testid="pricing" className={OFFSCREEN_UNTIL_NEAR}>
      <CardTitle>Prices ({currency})</CardTitle>
      <div className="flex flex-col gap-6">
        <DataStatus query={pricing} />
        {pricing.data ? (
          <>
            <PricingTable pricing={pricing.data} currency={currency} />
            <div>
              <h3 className="mb-3 text-sm font-semibold">Cost calculator</h3>
              <Calculator pricing={pricing.data} currency={currency} />
            </div>
          </>
        ) : (
          pricing.isPending && <p className="text-sm text-fg-muted">Loading prices…</p>
        )}
      </div>
    </Card>
  );
}
