// "Attach" (VOL-20…22): the volume's facts and the VMs of its region, one picked with a radio
// button; only those Rust's rules allow can be picked, the others show why. The first one
// allowed is pre-selected.

import { useState } from "react";
import { formatGb } from "../../lib/storageFormat";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { StatusBadge } from "../../components/ui/StatusBadge";
import { useCheck } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import type { VM } from "../instances/status";
import { attachmentCheck, attachmentForm } from "./checks";
import { useAttachVolume } from "./mutations";
import type { Volume } from "./queries";
import { typeLabel } from "./VolumeCard";

type Props = { volume: Volume; vms: readonly VM[]; onOpenChange: (open: boolean) => void };

export function AttachVolumeDialog({ volume, vms, onOpenChange }: Props) {
  const attach = useAttachVolume();
  const guard = useSubmitGuard();
  const rules = useCheck(attachmentCheck, attachmentForm(volume, vms)).data;
  const [picked, setPicked] = useState<string | null>(null);
  const choice = picked ?? rules?.preselected ?? null;
  const byId = new Map(vms.map((vm) => [vm.id, vm]));

  function submit() {
    if (!choice) return;
    void guard(async () => {
      await attach.mutateAsync({ vmId: choice, volumeId: volume.id });
      toast.success(`Volume ${volume.name} attached to ${byId.get(choice)?.name ?? choice}`);
      onOpenChange(false);
    });
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (attach.isPending ? undefined : onOpenChange(o))}
      testId="volume-attach-dialog"
      title={`Attach ${volume.name}`}
      description="A volume attaches to one running (ACTIVE) VM of its own region."
    >
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-fg-muted">Size</dt>
        <dd>{formatGb(volume.size_gb)}</dd>
        <dt className="text-fg-muted">Region</dt>
        <dd>{volume.region}</dd>
        <dt className="text-fg-muted">Type</dt>
        <dd>{typeLabel(volume.volume_type)}</dd>
      </dl>
      {rules?.attach && (
        <p data-testid="volume-attach-refused" role="alert" className="mt-3 text-sm font-medium text-danger">
          {rules.attach}
        </p>
      )}
      {rules && rules.choices.length === 0 ? (
        <p data-testid="volume-attach-none" className="mt-3 text-sm text-fg-muted">
          No VM in {volume.region}: deploy one there first.
        </p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-fg-muted">
              <th className="py-1 pr-2">
                <span className="sr-only">Pick</span>
              </th>
              <th className="py-1 pr-2">Name</th>
              <th className="py-1 pr-2">Status</th>
              <th className="py-1">Region</th>
            </tr>
          </thead>
          <tbody>
            {(rules?.choices ?? []).map((c) => {
              const vm = byId.get(c.id);
              const allowed = c.reason === null && !rules?.attach;
              return (
                <tr key={c.id} data-testid={`volume-attach-vm-${vm?.name ?? c.id}`} className="align-top">
                  <td className="py-1 pr-2">
                    <input
                      type="radio"
                      name="attach-vm"
                      aria-label={vm?.name ?? c.id}
                      data-testid={`volume-attach-pick-${vm?.name ?? c.id}`}
                      checked={choice === c.id}
                      disabled={!allowed}
                      onChange={() => setPicked(c.id)}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    {vm?.name ?? c.id}
                    {c.reason && (
                      <span
                        data-testid={`volume-attach-reason-${vm?.name ?? c.id}`}
                        className="block text-xs text-fg-muted"
                      >
                        {c.reason}
                      </span>
                    )}
                  </td>
                  <td className="py-1 pr-2">{vm && <StatusBadge status={vm.status} />}</td>
                  <td className="py-1">{vm?.region}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {attach.error && (
        <div className="mt-3">
          <ErrorAlert testId="volume-attach-error" error={attach.error} />
        </div>
      )}
      <ModalActions
        className="mt-5"
        testId="volume-attach-submit"
        label="Attach Volume"
        pendingLabel="Attaching…"
        pending={attach.isPending}
        disabled={!choice || Boolean(rules?.attach)}
        onClick={submit}
        holdCancel
      />
    </Modal>
  );
}
