import { formatDateTime, formatGb } from "../../lib/storageFormat";
import type { SnapshotRow } from "../storage/queries";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { snapshotType } from "./list";
import { SnapshotActions, type SnapshotAction } from "./SnapshotActions";

type Props = { rows: readonly SnapshotRow[]; onAction: (row: SnapshotRow, a: SnapshotAction) => void };

/** The compact view for many snapshots: one line each, same facts and actions as a card. */
export function SnapshotTable({ rows, onAction }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table data-testid="snapshot-table" className="w-full text-left text-sm [&_td]:px-3 [&_th]:px-3">
        <thead className="bg-surface-2 text-xs text-fg-muted">
          <tr>
            <th className="py-2 font-medium">Name</th>
            <th className="py-2 font-medium">Status</th>
            <th className="py-2 font-medium">Size</th>
            <th className="py-2 font-medium">Region</th>
            <th className="py-2 font-medium">Created</th>
            <th className="py-2 font-medium">Type</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const s = row.snapshot;
            return (
              <tr key={s.id} data-testid={`snapshot-card-${s.name}`} className="border-t border-border">
                <td className="py-2 font-medium break-all">{s.name}</td>
                <td className="py-2">
                  <StorageStatusBadge status={s.status} testId={`snapshot-status-${s.name}`} />
                </td>
                <td className="py-2 tabular-nums">{formatGb(s.size_gb)}</td>
                <td className="py-2">{s.region}</td>
                <td className="py-2 whitespace-nowrap">{formatDateTime(s.created_at)}</td>
                <td className="py-2">{snapshotType(s.is_image)}</td>
                <td className="py-2">
                  <SnapshotActions snapshot={s} onAction={(a) => onAction(row, a)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
