import { useState } from "react";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import type { InstanceRow } from "./queries";
import { ACTION_LABEL, ACTION_PAST, ACTION_PROGRESS, planBulk, type BulkPlan, type PowerAction } from "./status";
import { bulkConsequence } from "./bulk";
import { useBulkAction } from "./useBulkAction";

const BULK_ACTIONS = ["start", "stop", "hibernate", "delete"] as const satisfies readonly PowerAction[];

type Props = { selected: readonly InstanceRow[]; currency: string; onClear: () => void };

/** What to type to delete several VMs at once (one VM: its name). */
export function bulkDeletePhrase(count: number, onlyName: string | undefined): string {
  return count === 1 && onlyName !== undefined ? onlyName : `delete ${count} VMs`;
}

type Asking = { action: PowerAction; plan: BulkPlan; rows: InstanceRow[] };

function count(n: number): string {
  return `${n} VM${n === 1 ? "" : "s"}`;
}

/** "a, b, c and 12 more". */
function names(list: string[], shown = 8): string {
  if (list.length <= shown) return list.join(", ");
  return `${list.slice(0, shown).join(", ")} and ${list.length - shown} more`;
}

function summary(action: PowerAction, plan: BulkPlan): string {
  const skipped = plan.skip.length > 0 ? `, ${plan.skip.length} skipped` : "";
  return `${plan.act.length} will be ${ACTION_PAST[action]}${skipped}`;
}

/**
 * Start, stop, hibernate or delete the selected VMs: each button counts the VMs whose
 * state allows it; the confirmation lists those acted on and those skipped, with why.
 */
export function BulkBar({ selected, currency, onClear }: Props) {
  const bulk = useBulkAction();
  // The plan is fixed when asked: states change under it while the requests are out.
  const [asking, setAsking] = useState<Asking | null>(null);
  const vms = selected.map((r) => r.vm);

  if (selected.length === 0 && !bulk.running) {
    return <p className="text-sm text-fg-muted">Select VMs to start, stop, hibernate or delete several at once.</p>;
  }

  function ask(action: PowerAction) {
    const plan = planBulk(vms, action);
    const ids = new Set(plan.act.map((vm) => vm.id));
    setAsking({ action, plan, rows: selected.filter((r) => ids.has(r.vm.id)) });
  }

  async function confirm() {
    if (!asking) return;
    await bulk.run(asking.action, asking.plan.act);
    setAsking(null);
  }

  return (
    <div data-testid="bulk-bar" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium">{selected.length} selected</span>
      {BULK_ACTIONS.map((action) => {
        const p = planBulk(vms, action);
        const running = bulk.progress?.action === action;
        return (
          <Button
            key={action}
            data-testid={`bulk-${action}`}
            variant={action === "delete" ? "danger" : "secondary"}
            disabled={p.act.length === 0 || bulk.running}
            pending={running}
            title={summary(action, p)}
            onClick={() => ask(action)}
          >
            {running && bulk.progress
              ? `${ACTION_PROGRESS[action]} ${bulk.progress.done}/${bulk.progress.total}`
              : `${ACTION_LABEL[action]} (${p.act.length})`}
          </Button>
        );
      })}
      <Button variant="ghost" onClick={onClear} disabled={bulk.running}>
        Clear selection
      </Button>
      {asking && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && !bulk.running && setAsking(null)}
          title={`${ACTION_LABEL[asking.action]} ${count(asking.plan.act.length)}?`}
          confirmLabel={`${ACTION_LABEL[asking.action]} ${count(asking.plan.act.length)}`}
          pending={bulk.running}
          onConfirm={() => void confirm()}
          typeToConfirm={
            asking.action === "delete" ? bulkDeletePhrase(asking.plan.act.length, asking.plan.act[0]?.name) : undefined
          }
          footer={<SkippedList plan={asking.plan} />}
        >
          <p data-testid="bulk-summary">{summary(asking.action, asking.plan)}.</p>
          <p className="mt-1">{names(asking.plan.act.map((vm) => vm.name))}</p>
          <p className="mt-2 font-medium text-fg">{bulkConsequence(asking.action, asking.rows, currency)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** How many skipped VMs are named before "and N more" (a list length, not a rule). */
const SKIPPED_SHOWN = 50;

function SkippedList({ plan }: { plan: BulkPlan }) {
  if (plan.skip.length === 0) return null;
  return (
    <div data-testid="bulk-skipped">
      <p className="font-medium">Skipped:</p>
      <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-fg-muted">
        {plan.skip.slice(0, SKIPPED_SHOWN).map(({ vm, reason }) => (
          <li key={vm.id}>
            <span className="text-fg">{vm.name}</span>: {reason}
          </li>
        ))}
        {plan.skip.length > SKIPPED_SHOWN && <li>and {plan.skip.length - SKIPPED_SHOWN} more</li>}
      </ul>
    </div>
  );
}
