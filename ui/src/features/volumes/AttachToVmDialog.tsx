// "Attach volume" on a VM's page: the VM's region's volumes that are not attached, one
// picked with a radio button; Rust's rules (check_volume_attachment) say why one cannot be.

import { useState } from "react";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { formatGb } from "../../lib/storageFormat";
import { useCheck } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import type { VM } from "../instances/status";
import { attachmentCheck, attachmentForm } from "./checks";
import { useAttachVolume } from "./mutations";
import { useVolumes, type Volume } from "./queries";

type Props = { vm: VM; onOpenChange: (open: boolean) => void };

/** Why `volume` cannot be attached to `vm`, or null, as Rust says; undefined until it has. */
function useReason(volume: Volume, vm: VM): string | null | undefined {
  const rules = useCheck(attachmentCheck, attachmentForm(volume, [vm])).data;
  if (!rules) return undefined;
  return rules.attach ?? rules.choices.find((c) => c.id === vm.id)?.reason ?? null;
}

function Choice({ volume, vm, picked, onPick }: { volume: Volume; vm: VM; picked: boolean; onPick: () => void }) {
  const reason = useReason(volume, vm);
  return (
    <li data-testid={`vm-attach-volume-${volume.name}`} className="flex items-start gap-2 text-sm">
      <input
        type="radio"
        name="attach-volume"
        aria-label={volume.name}
        data-testid={`vm-attach-pick-${volume.name}`}
        checked={picked}
        disabled={reason !== null}
        onChange={onPick}
        className="mt-1"
      />
      <span className="flex-1">
        <span className="font-medium">{volume.name}</span> · {formatGb(volume.size_gb)}
        {volume.bootable ? " · bootable" : ""}
        {reason && (
          <span data-testid={`vm-attach-reason-${volume.name}`} className="block text-xs text-fg-muted">
            {reason}
          </span>
        )}
      </span>
      <StorageStatusBadge status={volume.status} />
    </li>
  );
}

export function AttachToVmDialog({ vm, onOpenChange }: Props) {
  const volumes = useVolumes();
  const attach = useAttachVolume();
  const guard = useSubmitGuard();
  const [picked, setPicked] = useState<string | null>(null);
  const free = (volumes.data?.volumes ?? []).filter((v) => v.region === vm.region && v.instance_id == null);
  const volume = free.find((v) => v.id === picked);

  function submit() {
    if (!volume) return;
    void guard(async () => {
      await attach.mutateAsync({ vmId: vm.id, volumeId: volume.id });
      toast.success(`Volume ${volume.name} attached to ${vm.name}`);
      onOpenChange(false);
    });
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (attach.isPending ? undefined : onOpenChange(o))}
      testId="vm-attach-dialog"
      title={`Attach a volume to ${vm.name}`}
      description={`The volumes of ${vm.region} that are not attached. A volume attaches only while the VM is ACTIVE.`}
    >
      {volumes.isPending ? (
        <p className="mt-3 text-sm text-fg-muted">Loading volumes…</p>
      ) : free.length === 0 ? (
        <p data-testid="vm-attach-none" className="mt-3 text-sm text-fg-muted">
          No free volume in {vm.region}: create one first.
        </p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {free.map((v) => (
            <Choice key={v.id} volume={v} vm={vm} picked={picked === v.id} onPick={() => setPicked(v.id)} />
          ))}
        </ul>
      )}
      {attach.error && (
        <div className="mt-3">
          <ErrorAlert testId="vm-attach-error" error={attach.error} />
        </div>
      )}
      <ModalActions
        className="mt-5"
        testId="vm-attach-submit"
        label="Attach Volume"
        pendingLabel="Attaching…"
        pending={attach.isPending}
        disabled={!volume}
        onClick={submit}
        holdCancel
      />
    </Modal>
  );
}
