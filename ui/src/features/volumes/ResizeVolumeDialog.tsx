// "Resize Volume" (VOL-51, inferred): a larger size, within its type's limits; Rust says
// when the size is refused (check_volume_resize).

import { useState, type FormEvent } from "react";
import { formatGb } from "../../lib/storageFormat";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { Field, fieldAria } from "../../components/ui/Field";
import { Input } from "../../components/ui/Input";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { errorAt } from "../../lib/checks";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { withoutFieldPrefix } from "../settings/preferences";
import { resizeCheck } from "./checks";
import { useResizeVolume } from "./mutations";
import { useVolumeTypes, type Volume } from "./queries";

type Props = { volume: Volume; onOpenChange: (open: boolean) => void };

export function ResizeVolumeDialog({ volume, onOpenChange }: Props) {
  const resize = useResizeVolume(volume.id);
  const guard = useSubmitGuard();
  const checkNow = useCheckNow();
  const types = useVolumeTypes();
  const type = (types.data ?? []).find(
    (t) => t.name === volume.volume_type && (volume.tier == null || t.tier === volume.tier),
  );
  const [sizeGb, setSizeGb] = useState(String(volume.size_gb ?? ""));
  const [touched, setTouched] = useState(false);
  const form = {
    currentGb: volume.size_gb ?? null,
    sizeGb,
    bootable: volume.bootable,
    limits: { minGb: type?.min_size_gb ?? null, maxGb: type?.max_size_gb ?? null },
  };
  // Asked once the type's limits are known (or failed to load).
  const answer = useCheck(resizeCheck, form, touched && !types.isPending).data;
  const error =
    errorAt(answer?.errors, "sizeGb") ??
    (resize.error?.field === "size_gb" ? withoutFieldPrefix(resize.error.serverMessage, "size_gb") : null);
  const other = resize.error && resize.error.field !== "size_gb" ? resize.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    void guard(async () => {
      const checked = await checkNow(resizeCheck, form);
      if (!checked.value) return;
      const res = await resize.mutateAsync(checked.value.size_gb ?? 0);
      toast.success(`Volume ${res.volume.name} is now ${formatGb(res.volume.size_gb)}`);
      onOpenChange(false);
    });
  }

  return (
    <Modal
      open
      onOpenChange={(o) => (resize.isPending ? undefined : onOpenChange(o))}
      testId="volume-resize-dialog"
      title={`Resize ${volume.name}`}
      description={`It is ${formatGb(volume.size_gb)} now. A volume can only grow; the file system on it is grown from the VM.`}
    >
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
        <Field id="volume-resize-size" label="New size (GB)" error={error}>
          <Input
            {...fieldAria("volume-resize-size", error)}
            data-testid="volume-resize-size"
            inputMode="numeric"
            autoFocus
            value={sizeGb}
            onChange={(e) => {
              setSizeGb(e.target.value);
              setTouched(true);
            }}
          />
        </Field>
        {other && <ErrorAlert testId="volume-resize-error" error={other} />}
        <ModalActions
          testId="volume-resize-submit"
          label="Resize Volume"
          pendingLabel="Resizing…"
          pending={resize.isPending}
          holdCancel
        />
      </form>
    </Modal>
  );
}
