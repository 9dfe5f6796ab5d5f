// "Delete" (VOL-40, GEN-01): only a detached volume; names it and warns that its data is lost.

import { toast } from "sonner";
import { formatGb } from "../../lib/storageFormat";
import { ErrorAlert } from "../../components/ui/Alert";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { useDeleteVolume } from "./mutations";
import type { Volume } from "./queries";

export function DeleteVolumeDialog({ volume, onOpenChange }: { volume: Volume; onOpenChange: (o: boolean) => void }) {
  const deletion = useDeleteVolume();
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (deletion.isPending ? undefined : onOpenChange(o))}
      title={`Delete volume ${volume.name}?`}
      confirmLabel={deletion.isPending ? "Deleting…" : "Delete"}
      pending={deletion.isPending}
      onConfirm={() =>
        deletion.mutate(volume.id, {
          onSuccess: () => {
            toast.success(`Volume ${volume.name} deleted`);
            onOpenChange(false);
          },
        })
      }
      footer={deletion.error && <ErrorAlert testId="volume-delete-error" error={deletion.error} />}
    >
      <p data-testid="volume-delete-warning">
        The volume <span className="font-semibold break-all text-fg">{volume.name}</span> ({formatGb(volume.size_gb)})
        will be deleted permanently. This action cannot be undone, and all the data on it will be lost.
      </p>
    </ConfirmDialog>
  );
}
