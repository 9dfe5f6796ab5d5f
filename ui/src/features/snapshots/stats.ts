// The four figures above the snapshot cards (SNAP-02) and the storage cost per hour, for
// the region shown. Costs come from the backend (pricing table); this only adds them up.

import type { SnapshotRow, Vm } from "../storage/queries";
import { isSnapshotReady } from "../storage/status";

export type SnapshotStats = {
  total: number;
  storageGb: number;
  availableVms: number;
  restorable: number;
  hourlyCost: number;
};

export function snapshotStats(rows: readonly SnapshotRow[], snapshotableVms: readonly Vm[]): SnapshotStats {
  let storageGb = 0;
  let restorable = 0;
  let hourlyCost = 0;
  for (const r of rows) {
    storageGb += r.snapshot.size_gb ?? 0;
    if (isSnapshotReady(r.snapshot.status)) restorable += 1;
    hourlyCost += r.hourlyCost ?? 0;
  }
  return { total: rows.length, storageGb, availableVms: snapshotableVms.length, restorable, hourlyCost };
}
