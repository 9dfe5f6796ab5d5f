import { useMemo } from "react";
import { formatGb } from "../../lib/storageFormat";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { typeLabel } from "./VolumeCard";
import { VolumeActions, type VolumeAction } from "./VolumeActions";
import { VolumeCost } from "./VolumeCost";
import type { Volume } from "./queries";

type Props = { volumes: readonly Volume[]; currency: string; onAction: (v: Volume, a: VolumeAction) => void };

/** The table view of the volumes (every one of the region, no pages). */
export function VolumeTable({ volumes, currency, onAction }: Props) {
  const columns = useMemo<Column<Volume>[]>(
    () => [
      { head: "Name", cell: (v) => <span className="font-medium break-all">{v.name}</span> },
      { head: "Status", cell: (v) => <StorageStatusBadge status={v.status} /> },
      { head: "Attached to", cell: (v) => v.instance_name ?? (v.instance_id ? v.instance_id : "—") },
      { head: "Size", cell: (v) => `${formatGb(v.size_gb)}`, className: "tabular-nums" },
      { head: "Region", cell: (v) => v.region },
      { head: "Type", cell: (v) => typeLabel(v.volume_type) },
      { head: "Bootable", cell: (v) => (v.bootable ? "Yes" : "No") },
      {
        head: "Cost",
        cell: (v) => <VolumeCost volume={v} currency={currency} testId={`volume-table-cost-${v.name}`} />,
      },
      {
        head: <span className="sr-only">Actions</span>,
        cell: (v) => <VolumeActions volume={v} onAction={(a) => onAction(v, a)} />,
      },
    ],
    [currency, onAction],
  );
  return (
    <DataTable
      testId="volume-table"
      look="boxed"
      columns={columns}
      rows={volumes}
      rowKey={(v) => v.id}
      rowTestId={(v) => `volume-row-${v.name}`}
    />
  );
}
