import { DataTable, type Column } from "../../components/ui/DataTable";
import { actionsColumn, storageColumns } from "../storage/columns";
import type { SnapshotRow } from "../storage/queries";
import { snapshotType } from "./list";
import { SnapshotActions, type SnapshotAction } from "./SnapshotActions";

type Props = { rows: readonly SnapshotRow[]; onAction: (row: SnapshotRow, a: SnapshotAction) => void };

/** The compact view for many snapshots: one line each, same facts and actions as a card. */
export function SnapshotTable({ rows, onAction }: Props) {
  const columns: Column<SnapshotRow>[] = [
    ...storageColumns<SnapshotRow>(
      (row) => `snapshot-status-${row.snapshot.name}`,
      (row) => row.snapshot,
    ),
    { head: "Type", cell: (row) => snapshotType(row.snapshot.is_image) },
    actionsColumn((row) => <SnapshotActions snapshot={row.snapshot} onAction={(a) => onAction(row, a)} />),
  ];
  return (
    <DataTable
      look="boxed"
      testId="snapshot-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.snapshot.id}
      rowTestId={(row) => `snapshot-card-${row.snapshot.name}`}
    />
  );
}
