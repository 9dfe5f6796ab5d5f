// The statistics strip of the Firewalls page (FW-01).

import { isSnapshotReady } from "../storage/status";
import type { Firewall } from "./queries";

export type FirewallStats = { firewalls: number; rules: number; attachments: number; active: number };

/** Totals over the account's firewalls (FW-01: "in the account", whatever the region filter);
 * "active" ones protect at least one VM now (an attachment that succeeded, not one still
 * attaching or failed). */
export function firewallStats(firewalls: readonly Firewall[]): FirewallStats {
  return {
    firewalls: firewalls.length,
    rules: firewalls.reduce((n, f) => n + f.rules.length, 0),
    attachments: firewalls.reduce((n, f) => n + f.attachments.length, 0),
    active: firewalls.filter((f) => f.attachments.some((a) => isSnapshotReady(a.status))).length,
  };
}
