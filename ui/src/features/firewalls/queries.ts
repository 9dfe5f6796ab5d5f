// The account's firewalls (FW-01, FW-02), the protocols a rule may use (FW-13) and the VMs
// a firewall can be attached to (FW-20).

import { useQuery } from "@tanstack/react-query";
import {
  commands,
  RULE_LIMITS,
  STORAGE_STATES,
  type FirewallResponse_Serialize,
  type FirewallVM_Serialize,
} from "../../bindings";
import { call } from "../../lib/ipc";

export type Firewall = FirewallResponse_Serialize;
export type EligibleVm = FirewallVM_Serialize;

export const firewallKeys = {
  all: ["firewalls"] as const,
  list: ["firewalls", "list"] as const,
  protocols: ["firewalls", "protocols"] as const,
  eligible: (region: string) => ["firewalls", "eligible", region] as const,
};

/** How often a firewall being created or attached is looked at again until it settles (FW-20). */
const WATCH_MS = 5000;

/** Settled: ready, or failed for good. */
function settled(status: string): boolean {
  return (STORAGE_STATES.ready as readonly string[]).includes(status) || status === "ERROR";
}

/** Whether a firewall or one of its attachments is still on its way. */
export function inProgress(f: Firewall): boolean {
  return !settled(f.status) || f.attachments.some((a) => !settled(a.status));
}

/**
 * Every firewall of the account: one page holds them all, since the account has at most the
 * limit. Watched while one is being created or attached (FW-20).
 */
export function useFirewalls() {
  return useQuery({
    queryKey: firewallKeys.list,
    queryFn: async () => (await call(commands.listFirewalls({ limit: RULE_LIMITS.firewallsPerAccount }))).firewalls,
    meta: { quiet: true },
    refetchInterval: (q) => (q.state.data?.some(inProgress) ? WATCH_MS : false),
  });
}

/** The server's protocols for the rule form (FW-13); quiet: the form falls back to Rust's list. */
export function useFirewallProtocols() {
  return useQuery({
    queryKey: firewallKeys.protocols,
    queryFn: async () => (await call(commands.getFirewallProtocols())).protocols,
    meta: { quiet: true },
    staleTime: Infinity,
  });
}

/** The region's VMs, each eligible or with the reason it is not (FW-20). */
export function useEligibleVms(region: string) {
  return useQuery({
    queryKey: firewallKeys.eligible(region),
    queryFn: async () => (await call(commands.listFirewallEligibleInstances({ region }))).instances,
    meta: { quiet: true },
  });
}
