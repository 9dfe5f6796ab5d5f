import { toast } from "sonner";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { useDeleteSnapshot } from "./mutations";
import type { Snapshot } from "../storage/queries";

/** Deletes one snapshot after asking (SNAP-40/41); a refusal stays in the dialog. */
export function DeleteSnapshotDialog({
  snapshot,
  onOpenChange,
}: {
  snapshot: Snapshot;
  onOpenChange: (open: boolean) => void;
}) {
  const del = useDeleteSnapshot();
  const guard = useSubmitGuard();
  // The awaited form: the list drops the snapshot (unmounting this dialog) before a
  // `mutate` callback would run.
  const confirm = () =>
    void guard(async () => {
      await del.mutateAsync(snapshot.id);
      toast.success(`Snapshot ${snapshot.name} deleted`);
      onOpenChange(false);
    });
  return (
    <DeleteDialog
      open
      onOpenChange={onOpenChange}
      noun="snapshot"
      name={snapshot.name}
      pending={del.isPending}
      error={del.error}
      onConfirm={confirm}
    >
      VMs restored from it and images made from it are not affected. Do not delete a snapshot while a restore from it is
      still running.
    </DeleteDialog>
  );
}
