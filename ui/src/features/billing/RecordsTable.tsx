import { memo } from "react";
import { Link } from "react-router";
import type { CostKind } from "../../bindings";
import { money, rate, when } from "./format";
import { resourcePath, type RecordRow } from "./records";

const DETAIL_HEAD: Record<CostKind, string> = { instance: "GPU", volume: "Size", snapshot: "Size" };

/**
 * One page of records (50 rows): a plain table renders that in a frame or two, so no
 * virtualisation; rows are memoised so a refetch with the same records repaints nothing.
 */
export function RecordsTable({ kind, rows }: { kind: CostKind; rows: readonly RecordRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table data-testid="records-table" className="w-full text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th className="py-2 font-medium">Resource</th>
            <th className="py-2 font-medium">{DETAIL_HEAD[kind]}</th>
            <th className="py-2 font-medium">Tier</th>
            <th className="py-2 font-medium">From</th>
            <th className="py-2 font-medium">To</th>
            <th className="py-2 text-right font-medium">Minutes</th>
            <th className="py-2 text-right font-medium">Per minute</th>
            <th className="py-2 text-right font-medium">Cost</th>
            <th className="py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="border-t border-border">
              <td data-testid="records-empty" colSpan={9} className="py-3 text-fg-muted">
                No records match.
              </td>
            </tr>
          ) : (
            rows.map((r) => <Row key={r.billingId} kind={kind} row={r} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

const Row = memo(function Row({ kind, row: r }: { kind: CostKind; row: RecordRow }) {
  return (
    <tr data-testid={`record-row-${r.billingId}`} className="border-t border-border" title={r.description ?? undefined}>
      <td className="py-1.5">
        <Link to={resourcePath(kind, r.resourceId)} className="font-medium text-primary hover:underline">
          {r.resourceName || r.resourceId}
        </Link>
      </td>
      <td className="py-1.5 whitespace-nowrap">{r.detail}</td>
      <td className="py-1.5">{r.tier ?? "—"}</td>
      <td className="py-1.5 whitespace-nowrap">{when(r.start)}</td>
      <td className="py-1.5 whitespace-nowrap">{r.end ? when(r.end) : "ongoing"}</td>
      <td className="py-1.5 text-right tabular-nums">{r.minutes ?? "—"}</td>
      <td className="py-1.5 text-right tabular-nums">{rate(r.perMinute, r.currency)}</td>
      <td className="py-1.5 text-right tabular-nums">{money(r.cost, r.currency)}</td>
      <td className="py-1.5">{r.status}</td>
    </tr>
  );
});
