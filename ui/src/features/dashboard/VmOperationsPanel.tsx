import { Card, CardTitle } from "../../components/ui/Card";
import type { InstanceRow } from "../instances/queries";
import { VmActions } from "../instances/VmActions";
import { VmPrice } from "../instances/VmPrice";
import { VmSelector } from "./VmSelector";

type Props = {
  rows: readonly InstanceRow[];
  row: InstanceRow;
  currency: string;
  onSelect: (id: string) => void;
};

/** DASH-01 centre: which VM, what it costs (DASH-04), and what can be done with it. */
export function VmOperationsPanel({ rows, row, currency, onSelect }: Props) {
  return (
    <Card data-testid="vm-operations-panel">
      <CardTitle>VM Operations</CardTitle>
      <div className="flex flex-col gap-5">
        <VmSelector rows={rows} selectedId={row.vm.id} onSelect={onSelect} />
        <section aria-label="Pricing">
          <h3 className="mb-1 text-xs font-medium text-fg-muted uppercase">Pricing now</h3>
          <VmPrice
            status={row.vm.status}
            hourlyRate={row.hourlyRate}
            fullRate={row.fullRate}
            currency={currency}
            unknownState={row.unknownState}
          />
        </section>
        <section aria-label="Actions">
          <h3 className="mb-2 text-xs font-medium text-fg-muted uppercase">Actions</h3>
          <VmActions vm={row.vm} />
        </section>
      </div>
    </Card>
  );
}
