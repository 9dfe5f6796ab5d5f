// "Clone Volume" (VOL-50, inferred): a new volume from this one, in the same region, under a
// new name that follows the volume name rules (Rust's check_resource_name).

import type { FormEvent } from "react";
import { formatGb } from "../../lib/storageFormat";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { NameField } from "../../components/ui/NameField";
import { toAppError } from "../../lib/ipc";
import { useResourceName } from "../../lib/useResourceName";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { useCloneVolume } from "./mutations";
import type { Volume } from "./queries";

type Props = { volume: Volume; takenNames: readonly string[]; onOpenChange: (open: boolean) => void };

export function CloneVolumeDialog({ volume, takenNames, onOpenChange }: Props) {
  const clone = useCloneVolume(volume.id);
  const guard = useSubmitGuard();
  const name = useResourceName("volume", takenNames);
  const other = clone.error && clone.error.field !== "name" ? clone.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    void guard(() =>
      name.whenAccepted(async (accepted) => {
        try {
          const res = await clone.mutateAsync(accepted);
          toast.success(`Volume ${res.volume.name} is being cloned from ${volume.name}`);
          onOpenChange(false);
        } catch (err) {
          name.refused(toAppError(err));
        }
      }),
    );
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (clone.isPending ? undefined : onOpenChange(o))}
      testId="volume-clone-dialog"
      title={`Clone ${volume.name}`}
      description={`A new ${formatGb(volume.size_gb)} volume with the same data, in ${volume.region}.`}
    >
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
        <NameField id="volume-clone-name" label="New name" name={name} unique="in your account" />
        {other && <ErrorAlert testId="volume-clone-error" error={other} />}
        <ModalActions
          testId="volume-clone-submit"
          label="Clone Volume"
          pendingLabel="Cloning…"
          pending={clone.isPending}
          holdCancel
        />
      </form>
    </Modal>
  );
}
