import { Select } from "../../components/ui/Input";
import type { InstanceRow } from "../instances/queries";
import { normalizeStatus } from "../instances/status";

type Props = { rows: readonly InstanceRow[]; selectedId: string; onSelect: (id: string) => void };

/** DASH-02: the VM every panel shows (a native select). */
export function VmSelector({ rows, selectedId, onSelect }: Props) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      Virtual machine
      <Select data-testid="vm-selector" value={selectedId} onChange={(e) => onSelect(e.target.value)}>
        {rows.map(({ vm }) => (
          <option key={vm.id} value={vm.id}>
            {vm.name} — {normalizeStatus(vm.status)} · {vm.flavor.gpu_model} × {vm.flavor.gpu_count} ({vm.region})
          </option>
        ))}
      </Select>
    </label>
  );
}
