// What a bulk action does to the bill, summed from the rates the backend computed.

import { formatHourly } from "./money";
import type { InstanceRow } from "./queries";
import type { PowerAction } from "./status";

function sum(values: (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v == null) return null;
    total += v;
  }
  return total;
}

export function bulkConsequence(action: PowerAction, rows: readonly InstanceRow[], currency: string): string {
  const full = formatHourly(sum(rows.map((r) => r.fullRate)), currency);
  const now = formatHourly(sum(rows.map((r) => r.hourlyRate)), currency);
  switch (action) {
    case "start":
      return `Billing starts at the full rate once ACTIVE: ${full} in total.`;
    case "stop":
      return `Stopped VMs keep billing the full rate (${full} in total): they keep their resources.`;
    case "hibernate":
      return "Hibernated VMs bill only the reduced hibernation rate and release their GPUs.";
    case "delete":
      return `Deleting ends their billing (${now} now) and loses their local data for good.`;
    case "reboot":
      return `Rebooting does not change billing (${now}).`;
    case "restore":
      return `Restored VMs bill the full rate again once ACTIVE: ${full} in total.`;
  }
}
