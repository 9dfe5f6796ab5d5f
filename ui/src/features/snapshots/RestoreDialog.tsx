import type { FormEvent } from "react";
import { Server } from "lucide-react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { Alert, ErrorAlert } from "../../components/ui/Alert";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { Fact, Facts } from "../../components/ui/Facts";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { NameField } from "../../components/ui/NameField";
import { useRestoreSnapshot } from "./mutations";
import { useCheck } from "../../lib/useCheck";
import { useResourceName } from "../../lib/useResourceName";
import { restoredNameCheck } from "../storage/checks";
import type { Snapshot } from "../storage/queries";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";

type Props = {
  snapshot: Snapshot;
  /** Every VM name in the account: the new VM's must differ. */
  vmNames: readonly string[];
  onOpenChange: (open: boolean) => void;
};

/**
 * Restores a SUCCESS snapshot to a new VM (SNAP-31…33): what is restored, the new VM's
 * name (`{snapshot}-restored` to start), what changes; then opens the new VM's page.
 */
export function RestoreDialog({ snapshot: s, vmNames, onOpenChange }: Props) {
  const restore = useRestoreSnapshot();
  const guard = useSubmitGuard();
  const navigate = useNavigate();
  // `{snapshot}-restored` (Rust's suggestion) until the user types a name of their own.
  const name = useResourceName("vm", vmNames, useCheck(restoredNameCheck, s.name).data);
  const other = restore.error && restore.error.field !== "name" ? restore.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.known) return;
    // The name as Rust accepted it, for exactly what is shown now (SNAP-31).
    void guard(() =>
      name.whenAccepted((accepted) =>
        restore.mutateAsync(
          { snapshotId: s.id, name: accepted },
          {
            onSuccess: (res) => {
              toast.success(`Restoring ${s.name} to ${accepted}`, {
                description: "A new VM is being created; you are notified when it is running.",
              });
              onOpenChange(false);
              void navigate(`/instances/${encodeURIComponent(res.instance_id)}`);
            },
            onError: name.refused,
          },
        ),
      ),
    );
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (restore.isPending ? undefined : onOpenChange(o))}
      testId="restore-dialog"
      title={`Restore ${s.name}`}
      description="Restoring creates a new VM from this snapshot. The original VM is not touched."
    >
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
        <Facts>
          <Fact label="Snapshot">{s.name}</Fact>
          <Fact label="Size">{formatGb(s.size_gb)}</Fact>
          <Fact label="Source VM">
            <span className="inline-flex items-center gap-1">
              <Server aria-hidden className="size-4 text-fg-muted" />
              {s.instance_name ?? s.instance_id}
            </span>
          </Fact>
          <Fact label="Region">{s.region}</Fact>
          <Fact label="Created">{formatDateTime(s.created_at)}</Fact>
          <Fact label="Status">
            <StorageStatusBadge status={s.status} />
          </Fact>
        </Facts>
        <NameField id="restore-name" label="New VM name" name={name} unique="among your VMs" />
        <Alert
          tone="warning"
          testId="restore-notice"
          title={`The new VM is created in ${s.region}, with new IP addresses`}
        >
          It gets new private and public IPs. Check its SSH access and firewall rules once it is running, and update
          anything that pointed at the old addresses.
        </Alert>
        {other && <ErrorAlert testId="restore-error" error={other} />}
        <ModalActions
          testId="restore-submit"
          label="Restore Snapshot"
          pendingLabel="Restoring…"
          pending={restore.isPending}
          holdCancel
        />
      </form>
    </Modal>
  );
}
