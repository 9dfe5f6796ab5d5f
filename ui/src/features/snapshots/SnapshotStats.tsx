import { formatHourly } from "../instances/money";
import { formatGb } from "../../lib/storageFormat";
import { Stat } from "../../components/ui/Stat";
import type { SnapshotStats as Stats } from "./stats";

/** The region's figures (SNAP-02) and what its snapshots cost per hour. */
export function SnapshotStats({ stats, currency }: { stats: Stats; currency: string }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Stat label="Total Snapshots" value={stats.total} testId="stat-total" />
      <Stat
        label="Total Storage"
        value={formatGb(stats.storageGb)}
        testId="stat-storage"
        hint="Real size after compression"
      />
      <Stat
        label="Available VMs"
        value={stats.availableVms}
        testId="stat-available-vms"
        hint="ACTIVE VMs that can be snapshotted"
      />
      <Stat label="Restorable" value={stats.restorable} testId="stat-restorable" hint="Snapshots with status SUCCESS" />
      <Stat
        label="Storage cost"
        value={formatHourly(stats.hourlyCost, currency)}
        testId="stat-storage-cost"
        hint="Billed hourly on the real size, from Barrack's pricing"
      />
    </div>
  );
}
