import { Link } from "react-router";
import { pagePath } from "../../app/pages";
import { DataTable, type Column } from "../../components/ui/DataTable";
import type { VM } from "../instances/status";

type Volume = VM["volumes"][number];

const COLUMNS: Column<Volume>[] = [
  {
    head: "Name",
    cell: (v) => (
      <Link to={pagePath("volumes")} className="hover:underline">
        {v.volume_name}
      </Link>
    ),
  },
  { head: "Size", cell: (v) => (v.size_gb != null ? `${v.size_gb} GB` : "—"), className: "tabular-nums" },
  { head: "Device", cell: (v) => v.device ?? "—", className: "font-mono text-xs" },
  { head: "Boot", cell: (v) => (v.bootable ? "boot volume" : "") },
];

/** The volumes attached to the VM (DASH-05). */
export function VolumesList({ vm }: { vm: VM }) {
  if (vm.volumes.length === 0) {
    return <p className="text-sm text-fg-muted">No volumes attached.</p>;
  }
  return (
    <DataTable
      testId="volumes-table"
      columns={COLUMNS}
      rows={vm.volumes}
      rowKey={(v) => v.volume_id}
      rowTestId={(v) => `volume-row-${v.volume_name}`}
    />
  );
}
