// Changing a VM: power actions, public IP, security rules, snapshots. Each answer is
// written into the cache at once (the VM's transitional state shows immediately); the
// poller's events then follow it until it settles.

import { useRef } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  commands,
  type InstanceActionResponse_Serialize,
  type VMSecurityRuleRequest_Deserialize,
} from "../../bindings";
import { call, type AppError } from "../../lib/ipc";
import { cancelVmQueries, patchVm, refetchVmQueries } from "./queries";
import type { PowerAction, VM } from "./status";

type ActionCommand = (id: string) => Promise<InstanceActionResponse_Serialize>;

// Each a literal call (least privilege: the capability grants exactly the names called).
const RUN: Record<PowerAction, ActionCommand> = {
  start: (id) => call(commands.startInstance(id)),
  stop: (id) => call(commands.stopInstance(id)),
  reboot: (id) => call(commands.rebootInstance(id)),
  hibernate: (id) => call(commands.hibernateInstance(id)),
  restore: (id) => call(commands.restoreInstance(id)),
  delete: (id) => call(commands.deleteInstance(id)),
};

export function runPowerAction(id: string, action: PowerAction): Promise<InstanceActionResponse_Serialize> {
  return RUN[action](id);
}

/** Errors that mean the state on screen is out of date: fetch it again. */
function refreshesState(e: AppError): boolean {
  return e.code === "Conflict" || e.code === "NotFound";
}

/** Only the VM's id is sent (the tray's confirmation knows no more of it). */
export type ActionRequest = { vm: Pick<VM, "id">; action: PowerAction };

/**
 * One power action at a time per VM panel. A second click while one is out is ignored
 * (the button is disabled too, but a double click can arrive before the re-render).
 */
export function useVmAction() {
  const qc = useQueryClient();
  const busy = useRef(false);
  const mutation = useMutation({
    mutationFn: ({ vm, action }: ActionRequest) => runPowerAction(vm.id, action),
    onSuccess: async (res, { vm }) => {
      if (res.status) {
        await cancelVmQueries(qc);
        patchVm(qc, vm.id, { status: res.status });
      } else {
        refetchVmQueries(qc);
      }
    },
    onError: (e) => {
      if (refreshesState(e)) refetchVmQueries(qc);
    },
    // The panel shows the error where the button is (error-banner).
    meta: { quiet: true },
  });

  async function run(req: ActionRequest): Promise<boolean> {
    if (busy.current) return false;
    busy.current = true;
    try {
      await mutation.mutateAsync(req);
      return true;
    } catch {
      return false;
    } finally {
      busy.current = false;
    }
  }

  return { run, mutation };
}

export function useTogglePublicIp(vm: VM) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => call(commands.toggleInstancePublicIp(vm.id, { enabled })),
    onSuccess: async (res) => {
      await cancelVmQueries(qc);
      patchVm(qc, vm.id, { public_ip_enabled: res.public_ip_enabled, public_ip: res.public_ip });
      toast.success(res.public_ip_enabled ? `Public IP on for ${vm.name}` : `Public IP off for ${vm.name}`);
    },
    onError: (e) => {
      if (refreshesState(e)) refetchVmQueries(qc);
    },
  });
}

export function useAddSecurityRule(vm: VM) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rule: VMSecurityRuleRequest_Deserialize) => call(commands.addInstanceSecurityRule(vm.id, rule)),
    onSuccess: async (res) => {
      await cancelVmQueries(qc);
      patchVm(qc, vm.id, (v) => ({
        ...v,
        security_rules: [...v.security_rules.filter((r) => r.id !== res.rule.id), res.rule],
      }));
      toast.success("Security rule added", { description: res.message ?? "It takes effect within 10 minutes." });
    },
    // The form puts field errors at their field and shows the rest itself.
    meta: { quiet: true },
  });
}

export function useRemoveSecurityRule(vm: VM) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => call(commands.removeInstanceSecurityRule(vm.id, ruleId)),
    onSuccess: async (_res, ruleId) => {
      await cancelVmQueries(qc);
      patchVm(qc, vm.id, (v) => ({ ...v, security_rules: v.security_rules.filter((r) => r.id !== ruleId) }));
      toast.success("Security rule removed");
    },
    onError: (e) => {
      if (refreshesState(e)) refetchVmQueries(qc);
    },
  });
}
