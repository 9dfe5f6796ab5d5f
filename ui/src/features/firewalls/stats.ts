// The statistics strip of the Firewalls page (FW-01).

import type { Firewall } from "./queries";

export type FirewallStats = { firewalls: number; rules: number; attachments: number; active: number };

/** Totals over the account's firewalls; "active" ones protect at least one VM. */
export function firewallStats(firewalls: readonly Firewall[]): FirewallStats {
  return {
    firewalls: firewalls.length,
    rules: firewalls.reduce((n, f) => n + f.rules.length, 0),
    attachments: firewalls.reduce((n, f) => n + f.attachments.length, 0),
    active: firewalls.filter((f) => f.attachments.length > 0).length,
  };
}
