import { CreateSnapshotDialog } from "./CreateSnapshotDialog";
import { useStorageOverview } from "../storage/queries";
import type { VM } from "../instances/status";

type Props = { vm: VM; open: boolean; onOpenChange: (open: boolean) => void };

/**
 * "Snapshot" on a VM's page: the Snapshots page's dialog with this VM fixed (one dialog,
 * so description and "Create as Image" are here too). The account's snapshot names are
 * read only once it opens, for the live uniqueness check.
 */
export function SnapshotDialog({ vm, open, onOpenChange }: Props) {
  const overview = useStorageOverview({ enabled: open });
  const taken = overview.data?.snapshots.map((r) => r.snapshot.name) ?? [];
  return (
    <CreateSnapshotDialog
      open={open}
      onOpenChange={onOpenChange}
      vms={[vm]}
      fixedVm
      takenNames={taken}
      profileComplete={overview.data?.profileComplete}
      legacyIds
    />
  );
}
