// What may be done with what (rules.md §2.3, §3): only ACTIVE VMs can be snapshotted, only
// SUCCESS/available snapshots can be restored or made into images. Each check answers with
// the reason when the answer is no, so a disabled control can say why.

import type { Snapshot, Vm } from "../storage/queries";
import { inRegion } from "../../lib/regions";
import { isSnapshotReady, normalize } from "../storage/status";
import { actionVerdict } from "../instances/status";

/** ACTIVE VMs of the region (all regions for the "" filter), by name. */
export function snapshotableVms(vms: readonly Vm[], region: string): Vm[] {
  return vms
    .filter((vm) => actionVerdict(vm.status, "snapshot") === null && inRegion(vm.region, region))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `my-vm - H100-SXM5-80GB (CANADA-1)` (SNAP-11). */
export function vmLabel(vm: Vm): string {
  return `${vm.name} - ${vm.flavor.gpu_model} (${vm.region})`;
}

/** Why "Create Snapshot" is disabled, or null (SNAP-10; SNAP-06 and ACCT-04: Barrack refuses
 * snapshots while the profile is incomplete, so nothing is sent). */
export function createVerdict(vms: readonly Vm[], region: string, profileComplete = true): string | null {
  if (!profileComplete) return "Your Barrack profile is incomplete: complete it on barrack.ai to create snapshots.";
  if (vms.length > 0) return null;
  return region
    ? `No ACTIVE VM in ${region}: only a running VM can be snapshotted. Start or deploy one in ${region} first.`
    : "No ACTIVE VM: only a running VM can be snapshotted. Start or deploy one first.";
}

function notReady(s: Snapshot, what: string): string {
  return `${s.name} is ${normalize(s.status) || "UNKNOWN"}; only a snapshot with status SUCCESS can ${what}.`;
}

/** Why "Restore" is disabled, or null (SNAP-30). */
export function restoreVerdict(s: Snapshot): string | null {
  return isSnapshotReady(s.status) ? null : notReady(s, "be restored");
}

/** Why it cannot be the source of an image, or null (IMG-02). */
export function imageVerdict(s: Snapshot): string | null {
  return isSnapshotReady(s.status) ? null : notReady(s, "be made into an image");
}
