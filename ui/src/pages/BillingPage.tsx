import { lazy, Suspense, useCallback, useDeferredValue, useState } from "react";
import { useSettings } from "../features/settings/queries";
import { BillingBanners } from "../features/billing/BillingBanners";
import { CreditsInfo } from "../features/billing/CreditsInfo";
import { OverviewCards } from "../features/billing/OverviewCards";
import { PricingSection } from "../features/billing/PricingSection";
import { useBillingOverview, usePrefetchFirstRecords } from "../features/billing/queries";
import { useBalances } from "../features/billing/balance";
import { RecordsSection } from "../features/billing/RecordsSection";
import { StillBillingSection } from "../features/billing/StillBillingSection";
import { TimersList } from "../features/billing/TimersList";
import { Card } from "../components/ui/Card";
import { DataStatus } from "../components/ui/DataStatus";
import { PageHeader } from "../components/ui/PageHeader";

// uPlot and the charts are a chunk of their own, loaded once the records' first page is up.
const BillingCharts = lazy(() => import("../features/billing/BillingCharts"));

/** Runs `then` after the next frame is painted (a task queued from the frame's callback). */
function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame !== "function") return then();
  requestAnimationFrame(() => setTimeout(then, 0));
}

/**
 * Billing & Credits (dashboard.md §11): what the account has and burns, where the money
 * went, what bills while idle and how to stop it, the records, the prices, and credits.
 *
 * The records table comes first: its first page is asked for as the page starts rendering,
 * and the overview (every record of the account summed by the
 * backend) and the prices are asked for only once its first page is on screen, so the
 * table's request never shares the backend or the main thread with them.
 */
export function BillingPage() {
  usePrefetchFirstRecords();
  const [tableUp, setTableUp] = useState(false);
  // Once the frame with the rows is painted: nothing the overview brings shares that frame.
  const onRecordsShown = useCallback(() => afterPaint(() => setTableUp(true)), []);
  const overview = useBillingOverview(tableUp);
  const settings = useSettings();
  // Drawn in an interruptible render: a click on the records while it arrives goes first.
  const o = useDeferredValue(overview.data);
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
            <Suspense fallback={<div data-testid="charts-loading" className="h-[22rem]" />}>
              <BillingCharts charts={o.charts} currency={currency} />
            </Suspense>
            <div className="grid items-start gap-4 xl:grid-cols-2">
              <StillBillingSection overview={o} />
              <TimersList />
            </div>
          </>
        ) : (
          !overview.isError && (
            <Card data-testid="overview-loading" className="text-sm text-fg-muted">
              Loading billing…
            </Card>
          )
        )}
        <RecordsSection overview={o} onShown={onRecordsShown} />
        <PricingSection currency={currency} enabled={tableUp} />
        <CreditsInfo currency={currency} />
      </div>
    </div>
  );
}
