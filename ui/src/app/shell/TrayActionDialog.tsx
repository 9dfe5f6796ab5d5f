import { useEffect } from "react";
import type { VmActionRequested } from "../../bindings";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useVmAction } from "../../features/instances/mutations";
import { useActionConsequences } from "../../features/instances/queries";
import { ACTION_LABEL } from "../../features/instances/status";
import { WHAT_HAPPENS } from "../../features/instances/VmActions";
import { useTrayActionRequest } from "./useTrayActionRequest";

/**
 * The tray's Stop or Hibernate on a running VM, asked in the window: the same words and
 * cost consequence as the VM's own page, and the same command, sent only on confirm.
 */
export function TrayActionDialog() {
  const { request, close } = useTrayActionRequest();
  if (!request) return null;
  // Keyed: another request starts with a fresh mutation (no earlier error shown).
  return <Confirm key={`${request.action}:${request.instanceId}`} request={request} close={close} />;
}

function Confirm({ request, close }: { request: VmActionRequested; close: () => void }) {
  const { instanceId, instanceName: name, action } = request;
  const { run, mutation } = useVmAction();
  const consequence = useActionConsequences(instanceId).data?.[action];
  const label = ACTION_LABEL[action];

  const { reset } = mutation;
  useEffect(() => reset, [reset]);

  async function confirm() {
    if (await run({ vm: { id: instanceId }, action })) close();
  }

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !mutation.isPending && close()}
      title={`${label} ${name}?`}
      confirmLabel={`${label} ${name}`}
      pending={mutation.isPending}
      onConfirm={() => void confirm()}
      footer={mutation.error ? <ErrorBanner error={mutation.error} /> : undefined}
    >
      <p data-testid="tray-action-what">{WHAT_HAPPENS[action](name)}</p>
      {consequence && <p className="mt-2 font-medium text-fg">{consequence}</p>}
    </ConfirmDialog>
  );
}
