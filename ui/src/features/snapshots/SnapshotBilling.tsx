import { useState } from "react";
import { formatMoney } from "../../lib/format";
import { Button } from "../../components/ui/Button";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import { useSnapshotBilling } from "../storage/queries";

/** This snapshot's storage billing records, a page at a time (SNAP-20, BILL). */
export function SnapshotBilling({ snapshotId }: { snapshotId: string }) {
  const [page, setPage] = useState(1);
  const billing = useSnapshotBilling(snapshotId, page);
  if (billing.isPending) return <p className="text-sm text-fg-muted">Loading billing…</p>;
  if (billing.isError && !billing.data)
    return <ErrorBanner error={billing.error} onRetry={() => void billing.refetch()} />;
  const records = billing.data?.records ?? [];
  const totalPages = Math.max(1, billing.data?.total_pages ?? 1);
  // Summed here: the response's summary may cover every snapshot when the filter is ignored.
  const total = records.reduce((sum, r) => sum + (r.total_cost ?? 0), 0);
  const currency = records[0]?.currency ?? billing.data?.currency ?? null;
  return (
    <div className="flex flex-col gap-2">
      <table data-testid="snapshot-billing" className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th className="py-1 font-medium">From</th>
            <th className="py-1 font-medium">To</th>
            <th className="py-1 font-medium">Size</th>
            <th className="py-1 font-medium">Cost</th>
            <th className="py-1 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {records.length === 0 && (
            <tr className="border-t border-border">
              <td data-testid="snapshot-billing-empty" colSpan={5} className="py-2 text-fg-muted">
                No billing records for this snapshot yet.
              </td>
            </tr>
          )}
          {records.map((r) => (
            <tr
              key={r.billing_id}
              data-testid={`snapshot-billing-row-${r.billing_id}`}
              className="border-t border-border"
            >
              <td className="py-1 whitespace-nowrap">{formatDateTime(r.start_time)}</td>
              <td className="py-1 whitespace-nowrap">{r.end_time ? formatDateTime(r.end_time) : "ongoing"}</td>
              <td className="py-1 tabular-nums">{formatGb(r.size_gb)}</td>
              <td className="py-1 tabular-nums">
                {r.total_cost != null ? formatMoney(r.total_cost, r.currency) : "—"}
              </td>
              <td className="py-1">{r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center justify-between text-sm">
        <span data-testid="snapshot-billing-total" className="text-fg-muted">
          {records.length > 0 && currency ? `Total on this page ${formatMoney(total, currency)}` : null}
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
