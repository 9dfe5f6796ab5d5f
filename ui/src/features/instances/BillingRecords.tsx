import { useState } from "react";
import { formatMoney } from "../../lib/format";
import { formatDateTime, formatRate } from "../../lib/format";
import { Button } from "../../components/ui/Button";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useInstanceBilling } from "./queries";

/** This VM's billing records (VM-08), a page at a time. */
export function BillingRecords({ vmId }: { vmId: string }) {
  const [page, setPage] = useState(1);
  const billing = useInstanceBilling(vmId, page);
  if (billing.isPending) return <p className="text-sm text-fg-muted">Loading billing…</p>;
  if (billing.isError && !billing.data) {
    return <ErrorBanner error={billing.error} onRetry={() => void billing.refetch()} />;
  }
  const data = billing.data;
  const records = data?.records ?? [];
  const totalPages = Math.max(1, data?.total_pages ?? 1);
  return (
    <div className="flex flex-col gap-3">
      <table data-testid="billing-table" className="w-full text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th className="py-2 font-medium">From</th>
            <th className="py-2 font-medium">To</th>
            <th className="py-2 font-medium">Minutes</th>
            <th className="py-2 font-medium">Per minute</th>
            <th className="py-2 font-medium">Cost</th>
            <th className="py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {records.length === 0 && (
            <tr className="border-t border-border">
              <td data-testid="billing-empty" colSpan={6} className="py-2 text-fg-muted">
                No billing records for this VM yet.
              </td>
            </tr>
          )}
          {records.map((r) => (
            <tr key={r.billing_id} data-testid={`billing-row-${r.billing_id}`} className="border-t border-border">
              <td className="py-1.5 whitespace-nowrap">{formatDateTime(r.start_time)}</td>
              <td className="py-1.5 whitespace-nowrap">{r.end_time ? formatDateTime(r.end_time) : "ongoing"}</td>
              <td className="py-1.5 tabular-nums">{r.total_duration_minutes ?? "—"}</td>
              <td className="py-1.5 tabular-nums">
                {r.per_minute_rate != null ? formatRate(r.per_minute_rate, r.currency) : "—"}
              </td>
              <td className="py-1.5 tabular-nums">
                {r.total_cost != null ? formatMoney(r.total_cost, r.currency) : "—"}
              </td>
              <td className="py-1.5">{r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center justify-between text-sm">
        <span data-testid="billing-total" className="text-fg-muted">
          {data?.summary.totalCost != null && data.currency
            ? `Total ${formatMoney(data.summary.totalCost, data.currency)}`
            : null}
        </span>
        {totalPages > 1 && (
          <span className="flex items-center gap-2">
            <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              Previous
            </Button>
            <span className="tabular-nums">
              {page} / {totalPages}
            </span>
            <Button disabled={page >= totalPages} onClick={() => setPage((p) => p + 1)}>
              Next
            </Button>
          </span>
        )}
      </div>
    </div>
  );
}
