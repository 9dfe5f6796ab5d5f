import type { ReactNode } from "react";
import { Button } from "../../components/ui/Button";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import type { AppError } from "../../lib/ipc";
import { formatDateTime, formatMoney } from "../../lib/format";

/** The fields every kind of billing record has. */
type BillingRecord = {
  billing_id: string;
  start_time: string | null;
  end_time?: string | null;
  total_cost?: number | null;
  currency: string;
  status: string;
};

type Query<R> = {
  isPending: boolean;
  error: AppError | null;
  data: { records: R[]; total_pages?: number | null } | undefined;
  refetch: () => unknown;
};

type Props<R extends BillingRecord> = {
  /** One page of the resource's records. */
  query: Query<R>;
  page: number;
  onPage: (page: number) => void;
  /** The columns between "To" and "Cost" (what this kind of resource is billed by). */
  detail: readonly Column<R>[];
  /** Test ids: the table's, and the prefix of its rows, empty row and total. */
  testIds: { table: string; prefix: string };
  empty: string;
  /** The total under the table, or null. */
  total: ReactNode;
};

/** One resource's billing records (a VM's, a snapshot's), a page at a time. */
export function ResourceBilling<R extends BillingRecord>({
  query,
  page,
  onPage,
  detail,
  testIds,
  empty,
  total,
}: Props<R>) {
  if (query.isPending) return <p className="text-sm text-fg-muted">Loading billing…</p>;
  if (query.error && !query.data) {
    return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  }
  const totalPages = Math.max(1, query.data?.total_pages ?? 1);
  const columns: Column<R>[] = [
    { head: "From", cell: (r) => formatDateTime(r.start_time), className: "whitespace-nowrap" },
    {
      head: "To",
      cell: (r) => (r.end_time ? formatDateTime(r.end_time) : "ongoing"),
      className: "whitespace-nowrap",
    },
    ...detail,
    {
      head: "Cost",
      cell: (r) => (r.total_cost != null ? formatMoney(r.total_cost, r.currency) : "—"),
      className: "tabular-nums",
    },
    { head: "Status", cell: (r) => r.status },
  ];
  return (
    <div className="flex flex-col gap-3">
      <DataTable
        testId={testIds.table}
        columns={columns}
        rows={query.data?.records ?? []}
        rowKey={(r) => r.billing_id}
        rowTestId={(r) => `${testIds.prefix}-row-${r.billing_id}`}
        empty={{ testId: `${testIds.prefix}-empty`, text: empty }}
      />
      <div className="flex items-center justify-between text-sm">
        <span data-testid={`${testIds.prefix}-total`} className="text-fg-muted">
          {total}
        </span>
        {totalPages > 1 && (
          <span className="flex items-center gap-2">
            <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
              Previous
            </Button>
            <span className="tabular-nums">
              {page} / {totalPages}
            </span>
            <Button disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
              Next
            </Button>
          </span>
        )}
      </div>
    </div>
  );
}
