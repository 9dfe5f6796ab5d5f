import { Link } from "react-router";
import type { CostKind } from "../../bindings";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { money, rate, when } from "./format";
import { RECORD_KINDS, resourcePath, type RecordRow } from "./records";

const DETAIL_HEAD: Record<CostKind, string> = { instance: "GPU", volume: "Size", snapshot: "Size" };

function columnsFor(kind: CostKind): Column<RecordRow>[] {
  return [
    {
      head: "Resource",
      cell: (r) => (
        <Link to={resourcePath(kind, r.resourceId)} className="font-medium text-primary hover:underline">
          {r.resourceName || r.resourceId}
        </Link>
      ),
    },
    { head: DETAIL_HEAD[kind], cell: (r) => r.detail, className: "whitespace-nowrap" },
    { head: "Tier", cell: (r) => r.tier ?? "—" },
    { head: "From", cell: (r) => when(r.start), className: "whitespace-nowrap" },
    { head: "To", cell: (r) => (r.end ? when(r.end) : "ongoing"), className: "whitespace-nowrap" },
    { head: "Minutes", cell: (r) => r.minutes ?? "—", ...NUMBER },
    { head: "Per minute", cell: (r) => rate(r.perMinute, r.currency), ...NUMBER },
    { head: "Cost", cell: (r) => money(r.cost, r.currency), ...NUMBER },
    { head: "Status", cell: (r) => r.status },
  ];
}

const NUMBER = { className: "text-right tabular-nums", headClassName: "text-right" };

/** Built once per kind, so the table's memoised rows stay as they are across refetches. */
const COLUMNS = Object.fromEntries(RECORD_KINDS.map(({ kind }) => [kind, columnsFor(kind)])) as Record<
  CostKind,
  Column<RecordRow>[]
>;

/**
 * One page of records (50 rows): a plain table renders that in a frame or two, so no
 * virtualisation; rows are memoised so a refetch with the same records repaints nothing.
 */
export function RecordsTable({ kind, rows }: { kind: CostKind; rows: readonly RecordRow[] }) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        testId="records-table"
        columns={COLUMNS[kind]}
        rows={rows}
        rowKey={(r) => r.billingId}
        rowTestId={(r) => `record-row-${r.billingId}`}
        rowTitle={(r) => r.description ?? undefined}
        empty={{ testId: "records-empty", text: "No records match." }}
      />
    </div>
  );
}
