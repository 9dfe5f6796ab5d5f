// A VM's state and what it allows, from the Rust state table exported into the bindings
// (VM_ACTION_RULES): the UI never decides on its own which action a state permits.

import { TRANSITIONAL_VM_STATES, VM_ACTION_RULES, type VMInstance_Serialize } from "../../bindings";

export type VM = VMInstance_Serialize;

/** The seven actions a VM's page offers, in the order they are shown. */
export const VM_ACTIONS = ["start", "stop", "reboot", "hibernate", "restore", "snapshot", "delete"] as const;
export type VmActionName = (typeof VM_ACTIONS)[number];

/** Actions sent to Barrack as a state change (snapshot opens its own dialog). */
export type PowerAction = Exclude<VmActionName, "snapshot">;

/** Actions that stop work or lose data: they ask first, naming the VM (GEN-01). */
export const DESTRUCTIVE: ReadonlySet<VmActionName> = new Set(["stop", "hibernate", "delete"]);

export const ACTION_LABEL: Record<VmActionName, string> = {
  start: "Start",
  stop: "Stop",
  reboot: "Reboot",
  hibernate: "Hibernate",
  restore: "Restore",
  snapshot: "Snapshot",
  delete: "Delete",
};

/** "Stopping…" while the request is out (GEN-02). */
export const ACTION_PROGRESS: Record<VmActionName, string> = {
  start: "Starting…",
  stop: "Stopping…",
  reboot: "Rebooting…",
  hibernate: "Hibernating…",
  restore: "Restoring…",
  snapshot: "Creating…",
  delete: "Deleting…",
};

/** "started", for "3 VMs will be started". */
export const ACTION_PAST: Record<VmActionName, string> = {
  start: "started",
  stop: "stopped",
  reboot: "rebooted",
  hibernate: "hibernated",
  restore: "restored",
  snapshot: "snapshotted",
  delete: "deleted",
};

type KnownStatus = keyof typeof VM_ACTION_RULES;

/** Statuses as the API spells them (upper case). */
export function normalizeStatus(status: string): string {
  return status.trim().toUpperCase();
}

export function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(VM_ACTION_RULES, normalizeStatus(status));
}

/** `null` when `action` is allowed in `status`, otherwise why not, in words. */
export function actionVerdict(status: string, action: VmActionName): string | null {
  const s = normalizeStatus(status);
  if (!isKnownStatus(s)) return `A VM in state ${status || "(none)"} cannot be asked to ${action}.`;
  return VM_ACTION_RULES[s][action];
}

const TRANSITIONAL: ReadonlySet<string> = new Set(TRANSITIONAL_VM_STATES);

/** Between two stable states (rules.md §2.1): the poller follows it until it settles. */
export function isTransitional(status: string): boolean {
  return TRANSITIONAL.has(normalizeStatus(status));
}

/** The settings that change only while the VM is ACTIVE (rules.md §2.3), from the Rust state table. */
export type ActiveOnlySetting = "toggle_public_ip" | "change_security_rules";

/** `null` when `setting` can be changed in `status`, otherwise why not (the Rust state table's words). */
export function settingVerdict(status: string, setting: ActiveOnlySetting): string | null {
  const s = normalizeStatus(status);
  if (!isKnownStatus(s)) return `A VM in state ${status || "(none)"} cannot be changed now.`;
  return VM_ACTION_RULES[s][setting];
}

export type BulkPlan = {
  /** The VMs the action will be sent to. */
  act: VM[];
  /** The VMs left alone, each with why. */
  skip: { vm: VM; reason: string }[];
};

/** Which of the selected VMs an action applies to, and why the others are skipped. */
export function planBulk(vms: readonly VM[], action: VmActionName): BulkPlan {
  const plan: BulkPlan = { act: [], skip: [] };
  for (const vm of vms) {
    const reason = actionVerdict(vm.status, action);
    if (reason === null) plan.act.push(vm);
    else plan.skip.push({ vm, reason });
  }
  return plan;
}

export type StatusTone = "success" | "progress" | "warning" | "danger" | "muted";

/** Badge colour (VM-03: green for ACTIVE). */
export function statusTone(status: string): StatusTone {
  const s = normalizeStatus(status);
  if (s === "ACTIVE") return "success";
  if (isTransitional(s)) return "progress";
  if (s === "SHUTOFF" || s === "HIBERNATED") return "warning";
  if (s === "ERROR" || s === "UNKNOWN") return "danger";
  return "muted";
}
