import { useEffect, useMemo } from "react";
import { markStart } from "../lib/startMarks";
import { useSearchParams } from "react-router";
import { AccountPanel } from "../features/dashboard/AccountPanel";
import { DashboardEmpty } from "../features/dashboard/DashboardEmpty";
import { InstanceDetailsPanel } from "../features/dashboard/InstanceDetailsPanel";
import { VmOperationsPanel } from "../features/dashboard/VmOperationsPanel";
import { Card } from "../components/ui/Card";
import { DataStatus } from "../components/ui/DataStatus";
import { useAccountOverview } from "../features/instances/queries";
import { normalizeStatus } from "../features/instances/status";
import { PageHeader } from "../components/ui/PageHeader";

/**
 * DASH-01: Instance Details, VM Operations, Account & Actions. The VM picked in the
 * selector (kept in the address, `?vm=`) drives the first two (DASH-02).
 */
export function DashboardPage() {
  const overview = useAccountOverview();
  useEffect(() => markStart("page"), []);
  const [params, setParams] = useSearchParams();
  const rows = useMemo(
    () => (overview.data?.instances ?? []).filter((r) => normalizeStatus(r.vm.status) !== "DELETED"),
    [overview.data],
  );
  const wanted = params.get("vm");
  const row = rows.find((r) => r.vm.id === wanted) ?? rows[0];
  const currency = overview.data?.currency ?? "USD";

  function select(id: string) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set("vm", id);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <div data-testid="page-dashboard" className="flex flex-col gap-4">
      <PageHeader page="dashboard" />
      <DataStatus query={overview} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        {overview.isPending ? (
          <Card className="text-sm text-fg-muted lg:col-span-2">Loading your VMs…</Card>
        ) : row ? (
          <>
            <InstanceDetailsPanel vm={row.vm} />
            <VmOperationsPanel rows={rows} row={row} currency={currency} onSelect={select} />
          </>
        ) : overview.data ? (
          <DashboardEmpty />
        ) : (
          <div className="lg:col-span-2" />
        )}
        <AccountPanel overview={overview.data} />
      </div>
    </div>
  );
}
