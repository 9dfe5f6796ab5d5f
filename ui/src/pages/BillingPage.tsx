import { useSettings } from "../features/settings/queries";
import { BillingBanners } from "../features/billing/BillingBanners";
import { CreditsInfo } from "../features/billing/CreditsInfo";
import { DailyCostChart } from "../features/billing/DailyCostChart";
import { OverviewCards } from "../features/billing/OverviewCards";
import { PricingSection } from "../features/billing/PricingSection";
import { useBillingOverview } from "../features/billing/queries";
import { useBalances } from "../features/billing/balance";
import { RecordsSection } from "../features/billing/RecordsSection";
import { StillBillingSection } from "../features/billing/StillBillingSection";
import { TimersList } from "../features/billing/TimersList";
import { TopResourcesChart } from "../features/billing/TopResourcesChart";
import { Card, CardTitle } from "../components/ui/Card";
import { DataStatus } from "../components/ui/DataStatus";
import { PageHeader } from "../components/ui/PageHeader";

/**
 * Billing & Credits (dashboard.md §11): what the account has and burns, where the money
 * went, what bills while idle and how to stop it, the records, the prices, and credits.
 */
export function BillingPage() {
  const overview = useBillingOverview();
  const settings = useSettings();
  const o = overview.data;
  const currency = o?.currency ?? "USD";
  // The one balance query (the header's too); the overview's copy only until it has loaded.
  const balance = useBalances(o);
  // The threshold as just edited in Settings; the overview's copy is from its last fetch.
  const threshold = settings.data?.lowBalanceThreshold ?? o?.lowBalanceThreshold ?? null;

  return (
    // `page-billing` is every page's root id (the shell's tests); `billing-page` is this page's own.
    <div data-testid="page-billing">
      <div data-testid="billing-page" className="flex flex-col gap-4">
        <PageHeader page="billing" />
        <DataStatus query={overview} />
        {o ? (
          <>
            <BillingBanners
              balance={balance.amount}
              currency={currency}
              threshold={threshold}
              runwayHours={o.runwayHours}
            />
            <OverviewCards overview={o} balance={balance} />
            <div className="grid gap-4 xl:grid-cols-2">
              <Card>
                <CardTitle>Cost per day</CardTitle>
                <DailyCostChart daily={o.daily} currency={currency} />
              </Card>
              <Card>
                <CardTitle>Top resources by cost</CardTitle>
                <TopResourcesChart top={o.top} currency={currency} />
              </Card>
            </div>
            <div className="grid items-start gap-4 xl:grid-cols-2">
              <StillBillingSection overview={o} />
              <TimersList />
            </div>
          </>
        ) : (
          overview.isPending && <Card className="text-sm text-fg-muted">Loading billing…</Card>
        )}
        <RecordsSection overview={o} />
        <PricingSection currency={currency} />
        <CreditsInfo currency={currency} />
      </div>
    </div>
  );
}
