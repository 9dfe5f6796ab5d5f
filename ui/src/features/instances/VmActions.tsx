import { useEffect, useState } from "react";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { ActionRow } from "./ActionRow";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useVmAction } from "./mutations";
import { useActionConsequences } from "./queries";
import { SnapshotDialog } from "../snapshots/SnapshotDialog";
import {
  ACTION_LABEL,
  DESTRUCTIVE,
  VM_ACTIONS,
  actionVerdict,
  type PowerAction,
  type VM,
  type VmActionName,
} from "./status";

/**
 * The seven actions of one VM: enabled only when its state allows (VM_ACTION_RULES), each
 * with its cost consequence; stop, hibernate and delete ask first, naming the VM.
 */
export function VmActions({ vm }: { vm: VM }) {
  const consequences = useActionConsequences(vm.id);
  const { run, mutation } = useVmAction();
  const [confirming, setConfirming] = useState<PowerAction | null>(null);
  const [snapshotOpen, setSnapshotOpen] = useState(false);
  const pendingAction = mutation.isPending ? mutation.variables?.action : undefined;

  // Another VM picked: its own errors only.
  const { reset } = mutation;
  useEffect(() => reset(), [vm.id, reset]);

  function click(action: VmActionName) {
    if (action === "snapshot") setSnapshotOpen(true);
    else if (DESTRUCTIVE.has(action)) setConfirming(action);
    else void run({ vm, action });
  }

  async function confirm() {
    if (!confirming) return;
    await run({ vm, action: confirming });
    setConfirming(null);
  }

  const consequenceOf = (a: VmActionName) =>
    consequences.data?.[a] ?? (consequences.isError ? "Cost consequence unavailable." : undefined);

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2" aria-label={`Actions for ${vm.name}`}>
        {VM_ACTIONS.map((action) => (
          <ActionRow
            key={action}
            action={action}
            reason={actionVerdict(vm.status, action)}
            consequence={consequenceOf(action)}
            pending={pendingAction === action}
            busy={mutation.isPending}
            onClick={() => click(action)}
          />
        ))}
      </ul>
      {mutation.error && <ErrorBanner error={mutation.error} />}
      {confirming && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && !mutation.isPending && setConfirming(null)}
          title={`${ACTION_LABEL[confirming]} ${vm.name}?`}
          confirmLabel={`${ACTION_LABEL[confirming]} ${vm.name}`}
          pending={mutation.isPending}
          onConfirm={() => void confirm()}
          typeToConfirm={confirming === "delete" ? vm.name : undefined}
        >
          <ConfirmText action={confirming} vm={vm} consequence={consequenceOf(confirming)} />
        </ConfirmDialog>
      )}
      <SnapshotDialog vm={vm} open={snapshotOpen} onOpenChange={setSnapshotOpen} />
    </div>
  );
}

export const WHAT_HAPPENS: Record<"stop" | "hibernate" | "delete", (name: string) => string> = {
  stop: (name) => `${name} shuts down gracefully; whatever runs on it stops. You can start it again later.`,
  hibernate: (name) =>
    `${name} saves its state and releases its GPUs; whatever runs on it pauses until you restore it (which needs free GPUs in its region).`,
  delete: (name) => `${name} and the data on its local disk are removed for good. This cannot be undone.`,
};

function ConfirmText({ action, vm, consequence }: { action: PowerAction; vm: VM; consequence: string | undefined }) {
  const what =
    action === "stop" || action === "hibernate" || action === "delete" ? WHAT_HAPPENS[action](vm.name) : null;
  return (
    <>
      {what && <p>{what}</p>}
      {consequence && <p className="mt-2 font-medium text-fg">{consequence}</p>}
    </>
  );
}
