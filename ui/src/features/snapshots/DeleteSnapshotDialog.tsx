import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { useDeleteSnapshot } from "./mutations";
import type { Snapshot } from "../storage/queries";

type Props = { snapshot: Snapshot; onOpenChange: (open: boolean) => void };

/** Deletes one snapshot after asking (SNAP-40/41); a refusal stays in the dialog. */
export function DeleteSnapshotDialog({ snapshot, onOpenChange }: Props) {
  return (
    <DeleteDialog
      onOpenChange={onOpenChange}
      noun="snapshot"
      id={snapshot.id}
      name={snapshot.name}
      deletion={useDeleteSnapshot()}
    >
      VMs restored from it and images made from it are not affected. Do not delete a snapshot while a restore from it is
      still running.
    </DeleteDialog>
  );
}
