// VM fixtures for the dashboard and instances tests, shaped like the backend's answers.

import type {
  AccountOverview_Serialize,
  ActionInfo_Serialize,
  InstanceRow_Serialize,
  InstancesOverview_Serialize,
  VMInstance_Serialize,
} from "../bindings";

export type VM = VMInstance_Serialize;
export type Row = InstanceRow_Serialize;

let next = 1;

export function vmOf(name: string, status = "ACTIVE", patch: Partial<VM> = {}): VM {
  const n = next++;
  return {
    id: `vm-${name}`,
    name,
    status,
    region: "CANADA-1",
    tier: "advanced",
    flavor: { name: "h100x2", cpu_cores: 32, ram_gb: 256, storage_gb: 500, gpu_model: "H100-SXM5-80GB", gpu_count: 2 },
    image: { id: "img-1", name: "Ubuntu 22.04", type: "os", default_user: "ubuntu" },
    private_ip: `10.0.0.${n % 250}`,
    public_ip: `203.0.113.${n % 250}`,
    public_ip_enabled: true,
    server_uuid: `srv-${n}`,
    ssh_key_ids: ["key-1"],
    volumes: [],
    security_rules: [],
    firewall_ids: [],
    jupyter_enabled: false,
    created_at: "2026-01-01T10:00:00Z",
    updated_at: "2026-01-01T10:00:00Z",
    status_changed_at: "2026-01-01T10:00:00Z",
    deployment_id: null,
    ...patch,
  };
}

export function rowOf(vm: VM, patch: Partial<Row> = {}): Row {
  const active = vm.status === "ACTIVE";
  return {
    vm,
    hourlyRate: active || vm.status === "SHUTOFF" ? 4.98 : vm.status === "HIBERNATED" ? 0.01 : 0,
    fullRate: 4.98,
    runningSince: active ? vm.status_changed_at : null,
    costToDate: 12.5,
    unknownState: false,
    ...patch,
  };
}

export function instancesOverviewOf(rows: Row[], currency = "USD"): InstancesOverview_Serialize {
  return { currency, rows };
}

export function accountOverviewOf(
  rows: Row[],
  patch: Partial<AccountOverview_Serialize> = {},
): AccountOverview_Serialize {
  return {
    accountId: "BRK-100234",
    currency: "USD",
    balances: [{ currency: "USD", amount: 241.2 }],
    balance: 241.2,
    burn: { instances: 4.99, volumes: 0.3, snapshots: 0.1, total: 5.39 },
    runwayHours: 241.2 / 5.39,
    profileComplete: true,
    instances: rows,
    ...patch,
  };
}

/** What `instance_actions` answers: the consequences, by action. */
export function consequencesOf(): ActionInfo_Serialize[] {
  const text: Record<string, string> = {
    start: "Starts billing the full rate (4.98 USD/h) once ACTIVE.",
    stop: "Stop keeps billing the full rate (4.98 USD/h): a stopped VM keeps its resources.",
    reboot: "Reboot does not change billing (4.98 USD/h).",
    hibernate: "Hibernate bills 0.01 USD/h and keeps only the root disk; GPUs are released.",
    restore: "Restore bills the full rate (4.98 USD/h) again once ACTIVE.",
    snapshot: "The snapshot is billed as storage while it exists; the VM keeps running.",
    delete: "Delete ends billing for this VM and loses its local data for good.",
  };
  return Object.entries(text).map(([action, consequence]) => ({
    action: action as ActionInfo_Serialize["action"],
    allowed: true,
    reason: null,
    consequence,
  }));
}

/** An action's answer: the VM in its transitional state. */
export function actionAnswer(id: string, status: string) {
  return { success: true, message: "initiated", instance_id: id, status, tier: "advanced", request_id: "req-a" };
}

/**
 * A small stateful backend for VMs: actions move a VM to its transitional state, and the
 * list, dashboard and detail commands answer with the current state (as Barrack would).
 */
export function simulatedVms(rows: Row[]) {
  const state = new Map(rows.map((r) => [r.vm.id, r]));
  const patch = (id: string, p: Partial<VM>) => {
    const r = state.get(id);
    if (r) state.set(id, { ...r, vm: { ...r.vm, ...p } });
  };
  const act = (status: string) => (a: Record<string, unknown>) => {
    const id = a.instanceId as string;
    patch(id, { status });
    return actionAnswer(id, status);
  };
  const all = () => [...state.values()];
  return {
    handlers: {
      instances_overview: () => instancesOverviewOf(all()),
      account_overview: () => accountOverviewOf(all()),
      get_instance: (a: Record<string, unknown>) => {
        const r = state.get(a.instanceId as string);
        if (!r) throw { code: "NotFound", message: `Instance ${String(a.instanceId)} not found` };
        return { success: true, message: null, instance: r.vm, request_id: "req-g" };
      },
      instance_actions: consequencesOf(),
      start_instance: act("STARTING"),
      stop_instance: act("STOPPING"),
      reboot_instance: act("REBOOTING"),
      hibernate_instance: act("HIBERNATING"),
      restore_instance: act("RESTORING"),
      delete_instance: act("DELETING"),
    } as Record<string, unknown>,
    patch,
    vm: (id: string) => state.get(id)?.vm,
  };
}
