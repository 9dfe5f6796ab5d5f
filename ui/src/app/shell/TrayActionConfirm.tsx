import { useEffect } from "react";
import type { VmActionRequested } from "../../bindings";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { useVmAction } from "../../features/instances/mutations";
import { useActionConsequences } from "../../features/instances/queries";
import { ACTION_LABEL } from "../../features/instances/status";
import { WHAT_HAPPENS } from "../../features/instances/VmActions";

/** The tray's Stop or Hibernate, confirmed in the window (TrayActionDialog). */
export function TrayActionConfirm({ request, close }: { request: VmActionRequested; close: () => void }) {
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
