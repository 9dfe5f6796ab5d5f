// Firewalls for tests, shaped as the backend sends them, and a backend that changes them as
// Barrack would.

import type { EligibleVm, Firewall } from "./queries";

type Attachment = Firewall["attachments"][number];
type Rule = Firewall["rules"][number];

export function firewallOf(name: string, patch: Partial<Firewall> = {}): Firewall {
  return {
    id: `fw-${name}`,
    name,
    description: null,
    region: "CANADA-1",
    status: "SUCCESS",
    rules: [],
    attachments: [],
    created_at: "2026-01-05T10:00:00Z",
    ...patch,
  };
}

export function attachmentOf(name: string, patch: Partial<Attachment> = {}): Attachment {
  return {
    instance_id: `vm-${name}`,
    instance_name: name,
    instance_status: "ACTIVE",
    status: "SUCCESS",
    attached_at: "2026-01-05T11:00:00Z",
    ...patch,
  };
}

export function eligibleVmOf(name: string, patch: Partial<EligibleVm> = {}): EligibleVm {
  return {
    id: `vm-${name}`,
    name,
    status: "ACTIVE",
    region: "CANADA-1",
    server_uuid: `srv-${name}`,
    eligible: true,
    reason: null,
    ...patch,
  };
}

const PROTOCOLS = [
  { name: "TCP", value: "tcp", supports_ports: true },
  { name: "UDP", value: "udp", supports_ports: true },
  { name: "ICMP", value: "icmp", supports_ports: false },
];

/** The firewall commands over a list the handlers change. */
export function firewallsSim(initial: Firewall[], vms: EligibleVm[] = []) {
  let firewalls = [...initial];
  let nextRule = 1;
  const ok = { success: true, message: null, request_id: null };
  const change = (id: unknown, f: (fw: Firewall) => Firewall) => {
    firewalls = firewalls.map((fw) => (fw.id === id ? f(fw) : fw));
    return firewalls.find((fw) => fw.id === id)!;
  };
  const attachmentsOf = (ids: string[]) =>
    ids.map((id) => attachmentOf(vms.find((v) => v.id === id)?.name ?? id, { instance_id: id }));
  return {
    list_firewalls: () => ({
      ...ok,
      firewalls: [...firewalls],
      total: firewalls.length,
      page: 1,
      limit: 25,
      total_pages: 1,
    }),
    get_firewall_protocols: { ...ok, protocols: PROTOCOLS },
    list_firewall_eligible_instances: (a: Record<string, unknown>) => ({
      ...ok,
      instances: vms.filter((v) => v.region === (a.query as { region: string }).region),
    }),
    create_firewall: (a: Record<string, unknown>) => {
      const body = a.body as { name: string; region: string; description?: string };
      const firewall = firewallOf(body.name, { region: body.region, description: body.description ?? null });
      firewalls = [...firewalls, firewall];
      return { ...ok, firewall };
    },
    delete_firewall: (a: Record<string, unknown>) => {
      firewalls = firewalls.filter((f) => f.id !== a.firewallId);
      return { ...ok, id: a.firewallId };
    },
    add_firewall_rule: (a: Record<string, unknown>) => {
      const body = a.body as Omit<Rule, "id" | "created_at">;
      const rule: Rule = { ...body, id: `rule-${nextRule++}`, created_at: null };
      change(a.firewallId, (f) => ({ ...f, rules: [...f.rules, rule] }));
      return { ...ok, firewall_id: a.firewallId, rule };
    },
    remove_firewall_rule: (a: Record<string, unknown>) => {
      change(a.firewallId, (f) => ({ ...f, rules: f.rules.filter((r) => r.id !== a.ruleId) }));
      return { ...ok, firewall_id: a.firewallId, rule_id: a.ruleId };
    },
    // Like the backend: the VMs attached now, plus the one asked for.
    attach_firewall_vm: (a: Record<string, unknown>) => {
      const fw = change(a.firewallId, (f) => ({
        ...f,
        attachments: attachmentsOf([...f.attachments.map((x) => x.instance_id), a.instanceId as string]),
      }));
      return { ...ok, firewall_id: fw.id, attachments: fw.attachments };
    },
    detach_firewall: (a: Record<string, unknown>) => {
      const ids = (a.body as { instance_ids: string[] }).instance_ids;
      const fw = change(a.firewallId, (f) => ({
        ...f,
        attachments: f.attachments.filter((x) => !ids.includes(x.instance_id)),
      }));
      return { ...ok, firewall_id: fw.id, attachments: fw.attachments };
    },
  } as Record<string, unknown>;
}
