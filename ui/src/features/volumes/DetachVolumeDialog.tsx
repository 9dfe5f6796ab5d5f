// "Detach" (VOL-30/31, GEN-01): the volume's facts and the warning that running applications
// may be disrupted. The VM is the one the volume says it is attached to; Rust's rules say
// when it cannot be detached now (the VM not ACTIVE, or the boot volume of a running VM).

import { toast } from "sonner";
import { formatGb } from "../../lib/storageFormat";
import { ErrorAlert } from "../../components/ui/Alert";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import type { VM } from "../instances/status";
import { attachmentCheck, attachmentForm } from "./checks";
import { useDetachVolume } from "./mutations";
import type { Volume } from "./queries";

type Props = { volume: Volume; vms: readonly VM[]; onOpenChange: (open: boolean) => void };

export function DetachVolumeDialog({ volume, vms, onOpenChange }: Props) {
  const detach = useDetachVolume();
  const form = attachmentForm(volume, vms);
  const rules = useCheck(attachmentCheck, form).data;
  const checkNow = useCheckNow();
  const guard = useSubmitGuard();
  const vmId = volume.instance_id ?? "";
  const vmName = vms.find((v) => v.id === vmId)?.name ?? volume.instance_name ?? vmId;
  const refusal = rules?.detach ?? null;

  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (detach.isPending ? undefined : onOpenChange(o))}
      title={`Detach ${volume.name} from ${vmName}?`}
      confirmLabel={detach.isPending ? "Detaching…" : "Detach"}
      pending={detach.isPending}
      onConfirm={() =>
        void guard(async () => {
          // Rust's answer for exactly this volume and VM: a refused detach sends nothing (VOL-31).
          if ((await checkNow(attachmentCheck, form)).detach) return;
          await detach.mutateAsync({ vmId, volumeId: volume.id });
          toast.success(`Volume ${volume.name} detached from ${vmName}`);
          onOpenChange(false);
        })
      }
      footer={
        <>
          {refusal && (
            <p data-testid="volume-detach-refused" role="alert" className="font-medium text-danger">
              {refusal}
            </p>
          )}
          {detach.error && <ErrorAlert testId="volume-detach-error" error={detach.error} />}
        </>
      }
    >
      <p>
        {volume.name} ({formatGb(volume.size_gb)}, {volume.region}) will be detached from {vmName}.
      </p>
      <p data-testid="volume-detach-warning" className="mt-2 font-medium text-fg">
        Applications on {vmName} that use this volume may be disrupted: unmount it first. The data stays on the volume.
      </p>
    </ConfirmDialog>
  );
}
