// Creating and deleting firewalls, adding and removing rules, attaching and detaching VMs.
// Each dialog shows its own error (`quiet`). After each change the firewall queries and the
// VMs' firewall lists are fetched again.

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { commands, type VMSecurityRuleRequest_Deserialize } from "../../bindings";
import { call } from "../../lib/ipc";
import { firewallKeys } from "./queries";

function refetch(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: firewallKeys.all });
  void qc.invalidateQueries({ queryKey: ["instances", "firewalls"] });
}

function useFirewallMutation<V, R>(send: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => refetch(qc), meta: { quiet: true } });
}

export type FirewallInput = { name: string; description: string; region: string };

export function useCreateFirewall() {
  return useFirewallMutation(({ name, description, region }: FirewallInput) => {
    const text = description.trim();
    return call(commands.createFirewall({ name, region, ...(text ? { description: text } : {}) }));
  });
}

export function useDeleteFirewall() {
  return useFirewallMutation((id: string) => call(commands.deleteFirewall(id)));
}

export function useAddFirewallRule(firewallId: string) {
  return useFirewallMutation((rule: VMSecurityRuleRequest_Deserialize) =>
    call(commands.addFirewallRule(firewallId, rule)),
  );
}

export function useRemoveFirewallRule(firewallId: string) {
  return useFirewallMutation((ruleId: string) => call(commands.removeFirewallRule(firewallId, ruleId)));
}

/** The attach body is the complete set: the VMs attached now and the new one. */
/** Adds one VM; the backend keeps the VMs the firewall protects now (read fresh, not from
 * the page's list: the API's attach takes the complete set). */
export function useAttachFirewall(firewallId: string) {
  return useFirewallMutation((instanceId: string) => call(commands.attachFirewallVm(firewallId, instanceId)));
}

/** Names only the VMs to take off (the inferred detach operation). */
export function useDetachFirewall(firewallId: string) {
  return useFirewallMutation((instanceIds: string[]) =>
    call(commands.detachFirewall(firewallId, { instance_ids: instanceIds })),
  );
}
