import { Link } from "react-router";
import { pagePath } from "../../app/pages";
import type { VM } from "../instances/status";

/** The volumes attached to the VM (DASH-05). */
export function VolumesList({ vm }: { vm: VM }) {
  if (vm.volumes.length === 0) {
    return <p className="text-sm text-fg-muted">No volumes attached.</p>;
  }
  return (
    <table data-testid="volumes-table" className="w-full text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
      <thead className="text-xs text-fg-muted">
        <tr>
          <th className="py-2 font-medium">Name</th>
          <th className="py-2 font-medium">Size</th>
          <th className="py-2 font-medium">Device</th>
          <th className="py-2 font-medium">Boot</th>
        </tr>
      </thead>
      <tbody>
        {vm.volumes.map((v) => (
          <tr key={v.volume_id} data-testid={`volume-row-${v.volume_name}`} className="border-t border-border">
            <td className="py-1.5">
              <Link to={pagePath("volumes")} className="hover:underline">
                {v.volume_name}
              </Link>
            </td>
            <td className="py-1.5 tabular-nums">{v.size_gb != null ? `${v.size_gb} GB` : "—"}</td>
            <td className="py-1.5 font-mono text-xs">{v.device ?? "—"}</td>
            <td className="py-1.5">{v.bootable ? "boot volume" : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
