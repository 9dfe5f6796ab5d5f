// The VM queries, their cache keys and the cache patches. Keys start with "instances" or
// "dashboard"; the change feed (app/changeFeed.ts) marks them stale, and a changed VM in
// it, or an action's answer, is also written into the cache at once.

import { useQuery, type QueryClient } from "@tanstack/react-query";
import {
  commands,
  type AccountOverview_Serialize,
  type ActionInfo_Serialize,
  type InstanceRow_Serialize,
  type InstancesOverview_Serialize,
} from "../../bindings";
import { call } from "../../lib/ipc";
import type { VM, VmActionName } from "./status";

export type InstanceRow = InstanceRow_Serialize;
export type InstancesOverview = InstancesOverview_Serialize;
export type AccountOverview = AccountOverview_Serialize;

export const vmKeys = {
  overview: ["instances", "overview"] as const,
  detail: (id: string) => ["instances", "detail", id] as const,
  firewalls: (id: string) => ["instances", "firewalls", id] as const,
  billing: (id: string, page: number) => ["instances", "billing", id, page] as const,
  account: ["dashboard", "account"] as const,
  /** The cost consequences depend on the VM's rate, not its state: not refetched on every change. */
  actions: (id: string) => ["vm-actions", id] as const,
};

/** Every VM with its rates and cost to date. Marks `instances:data` when it arrives (bench). */
export function useInstancesOverview() {
  return useQuery({
    queryKey: vmKeys.overview,
    queryFn: async () => {
      const data = await call(commands.instancesOverview());
      performance.mark("instances:data");
      return data;
    },
    meta: { quiet: true },
  });
}

/** Balance, burn rate, runway and every VM (the dashboard). */
export function useAccountOverview() {
  return useQuery({
    queryKey: vmKeys.account,
    queryFn: () => call(commands.accountOverview()),
    meta: { quiet: true },
  });
}

/** One VM, fresh (volumes, rules, image). */
export function useInstance(id: string) {
  return useQuery({
    queryKey: vmKeys.detail(id),
    queryFn: async () => (await call(commands.getInstance(id))).instance,
    meta: { quiet: true },
  });
}

/** What each action does to the bill (from Rust), by action. */
export function useActionConsequences(id: string | undefined) {
  return useQuery({
    queryKey: vmKeys.actions(id ?? ""),
    queryFn: () => call(commands.instanceActions(id ?? "")),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    meta: { quiet: true },
    select: (list: ActionInfo_Serialize[]) => {
      const by: Partial<Record<VmActionName, string>> = {};
      for (const a of list) by[a.action as VmActionName] = a.consequence;
      return by;
    },
  });
}

export function useInstanceFirewalls(id: string) {
  return useQuery({
    queryKey: vmKeys.firewalls(id),
    queryFn: async () => (await call(commands.getInstanceFirewalls(id))).firewalls,
    meta: { quiet: true },
  });
}

export const BILLING_PAGE_SIZE = 20;

export function useInstanceBilling(id: string, page: number) {
  return useQuery({
    queryKey: vmKeys.billing(id, page),
    queryFn: () => call(commands.getInstanceBilling({ resource_id: id, page, limit: BILLING_PAGE_SIZE })),
    meta: { quiet: true },
    placeholderData: (previous) => previous,
  });
}

// ---------------------------------------------------------------------------------------
// Cache patches

type VmPatch = Partial<VM> | ((vm: VM) => VM);

function applyPatch(vm: VM, patch: VmPatch): VM {
  return typeof patch === "function" ? patch(vm) : { ...vm, ...patch };
}

function patchRows(rows: InstanceRow[], id: string, patch: VmPatch): InstanceRow[] {
  let changed = false;
  const next = rows.map((r) => {
    if (r.vm.id !== id) return r;
    changed = true;
    return { ...r, vm: applyPatch(r.vm, patch) };
  });
  return changed ? next : rows;
}

/** Writes a change to one VM into every cached copy of it (list, dashboard, detail). */
export function patchVm(qc: QueryClient, id: string, patch: VmPatch): void {
  qc.setQueryData<InstancesOverview>(vmKeys.overview, (old) =>
    old ? { ...old, rows: patchRows(old.rows, id, patch) } : old,
  );
  qc.setQueryData<AccountOverview>(vmKeys.account, (old) =>
    old ? { ...old, instances: patchRows(old.instances, id, patch) } : old,
  );
  qc.setQueryData<VM>(vmKeys.detail(id), (old) => (old ? applyPatch(old, patch) : old));
}

/**
 * A balance the poller pushed, written into the dashboard's overview without a request
 * (an idle app makes at most two requests a minute, issue 17: the poller's own). What burns
 * has not changed — a VM's change comes as an `instances` change, which fetches the overview
 * again — and the event carries the runway at that burn rate, computed in Rust
 * (`costs::runway_hours`, poller.rs): taken as it is.
 */
export function patchAccountBalance(
  qc: QueryClient,
  amount: number,
  balances: AccountOverview["balances"],
  runwayHours: number | null,
): void {
  // Dated as the overview was: its VMs, rates and burn are no newer for a new balance (the
  // header's "as of" stays over a last-known overview until the overview itself answers).
  const updatedAt = qc.getQueryState(vmKeys.account)?.dataUpdatedAt;
  qc.setQueryData<AccountOverview>(
    vmKeys.account,
    (old) => {
      if (!old) return old;
      return {
        ...old,
        balance: amount,
        balances: balances.length > 0 ? balances : old.balances,
        runwayHours,
      };
    },
    { updatedAt },
  );
}

/**
 * Stops refetches in flight, so an answer from before a change cannot overwrite it. A
 * first load (nothing cached yet) goes on: cancelling it would leave the page empty.
 */
export async function cancelVmQueries(qc: QueryClient): Promise<void> {
  const loaded = (q: { state: { data: unknown } }) => q.state.data !== undefined;
  await Promise.all([
    qc.cancelQueries({ queryKey: ["instances"], predicate: loaded }),
    qc.cancelQueries({ queryKey: ["dashboard"], predicate: loaded }),
  ]);
}

export function refetchVmQueries(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: ["instances"] });
  void qc.invalidateQueries({ queryKey: ["dashboard"] });
}
