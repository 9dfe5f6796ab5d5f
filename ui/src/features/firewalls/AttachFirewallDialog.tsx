// Attaching a firewall to one VM of its region (FW-20). The attachable-instances endpoint
// says which VMs can take it; the others are listed, disabled, with the reason. The backend
// sends the complete set the API takes, from the firewall as the server has it now.

import { useState, type FormEvent } from "react";
import { Check } from "lucide-react";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { useAttachFirewall } from "./mutations";
import { useEligibleVms, type Firewall } from "./queries";

export function AttachFirewallDialog({
  firewall,
  onOpenChange,
}: {
  firewall: Firewall;
  onOpenChange: (o: boolean) => void;
}) {
  const vms = useEligibleVms(firewall.region);
  const attach = useAttachFirewall(firewall.id);
  const guard = useSubmitGuard();
  const [picked, setPicked] = useState<string | null>(null);
  const attached = new Set(firewall.attachments.map((a) => a.instance_id));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!picked) return;
    const vm = vms.data?.find((v) => v.id === picked);
    void guard(async () => {
      try {
        await attach.mutateAsync(picked);
        toast.success(`${firewall.name} is being attached to ${vm?.name ?? picked}`);
        onOpenChange(false);
      } catch {
        // Shown in the dialog, which stays open.
      }
    });
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (attach.isPending ? undefined : onOpenChange(o))}
      testId="attach-dialog"
      wide
      title={`Attach ${firewall.name}`}
      description={`Only running (ACTIVE) VMs in ${firewall.region} can take a firewall.`}
    >
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-3">
        {vms.isPending && <p className="text-sm text-fg-muted">Loading VMs…</p>}
        {vms.isError && <ErrorBanner error={vms.error} onRetry={() => void vms.refetch()} />}
        {vms.data?.length === 0 && (
          <p data-testid="attach-none" className="text-sm text-fg-muted">
            No VM in {firewall.region}.
          </p>
        )}
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">VM</legend>
          {vms.data?.map((vm) => {
            const isAttached = attached.has(vm.id);
            return (
              <label
                key={vm.id}
                data-testid={`attach-vm-${vm.name}`}
                className="flex items-center gap-3 rounded-md border border-border px-3 py-2 text-sm"
              >
                <input
                  type="radio"
                  name="attach-vm"
                  value={vm.id}
                  data-testid={`attach-pick-${vm.name}`}
                  disabled={!vm.eligible || isAttached}
                  checked={picked === vm.id}
                  onChange={() => setPicked(vm.id)}
                />
                <span className="font-medium break-all">{vm.name}</span>
                <span className="text-fg-muted">{vm.status}</span>
                {isAttached ? (
                  <span className="ml-auto flex items-center gap-1 text-success">
                    <Check aria-hidden className="size-4" /> Attached
                  </span>
                ) : (
                  !vm.eligible && (
                    <span data-testid={`attach-reason-${vm.name}`} className="ml-auto text-fg-muted">
                      {vm.reason ?? "Not eligible"}
                    </span>
                  )
                )}
              </label>
            );
          })}
        </fieldset>
        {attach.error && <ErrorAlert testId="attach-error" error={attach.error} />}
        <ModalActions
          testId="attach-submit"
          label="Attach Firewall"
          pendingLabel="Attaching…"
          pending={attach.isPending}
          disabled={picked === null}
          holdCancel
        />
      </form>
    </Modal>
  );
}
