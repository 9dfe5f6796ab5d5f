import type { BillingCharts as Charts } from "../../bindings";
import { Card, CardTitle } from "../../components/ui/Card";
import { DailyCostChart } from "./DailyCostChart";
import { TopResourcesChart } from "./TopResourcesChart";

/**
 * The overview's two charts, side by side. The default export is the lazy chunk the page
 * loads after the records' first page (uPlot comes with it); the columns are the backend's
 * (barrack-core `billing::charts`), drawn as they come.
 */
export default function BillingCharts({ charts, currency }: { charts: Charts; currency: string }) {
  return (
    <div data-testid="billing-charts" className="grid gap-4 xl:grid-cols-2">
      <Card>
        <CardTitle>Cost per day</CardTitle>
        <DailyCostChart chart={charts.daily} stack={charts.stack} currency={currency} />
      </Card>
      <Card>
        <CardTitle>Top resources by cost</CardTitle>
        <TopResourcesChart chart={charts.top} stack={charts.stack} currency={currency} />
      </Card>
    </div>
  );
}
