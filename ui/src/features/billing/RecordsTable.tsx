import { Link } from "react-router";
import type { CostKind } from "../../bindings";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { RECORD_KINDS, resourcePath, type RecordRow } from "./records";

const DETAIL_HEAD: Record<CostKind, string> = { instance: "GPU", volume: "Size", snapshot: "Size" };

// The cells place texts formatted once per page (records.ts `recordRows`): nothing is
// formatted while rendering.
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
    { head: "From", cell: (r) => r.text.from, className: "whitespace-nowrap" },
    { head: "To", cell: (r) => r.text.to, className: "whitespace-nowrap" },
    { head: "Minutes", cell: (r) => r.text.minutes, ...NUMBER },
    { head: "Per minute", cell: (r) => r.text.perMinute, ...NUMBER },
    { head: "Cost", cell: (r) => r.text.cost, ...NUMBER },
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
 * One page of records (50 rows), never more: the API pages them, and the table renders the
 * page it is given. Rows are memoised so a refetch with the same records repaints nothing.
 */
export function RecordsTable({ kind, rows }: { kind: CostKind; rows: readonly RecordRow[] }) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        testId="records-table"
        columns={COLUMNS[kind]}
        rows={rows}
        rowKey={(r) => r.slot}
        rowTestId={(r) => `record-row-${r.billingId}`}
        rowTitle={(r) => r.description ?? undefined}
        empty={{ testId: "records-empty", text: "No records match." }}
      />
    </div>
  );
}
