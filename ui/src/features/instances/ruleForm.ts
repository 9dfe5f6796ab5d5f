// What a VM's rule form (RuleForm.tsx, VM-07) and the deploy wizard's rule editor (DEP-51)
// share: the empty draft, the fields in the form's order, the backend's answer by field, and
// how a rule and its ports are shown. What is valid is Rust's alone (checks.ts); the choices,
// the protocols with ports and the port limits come from the generated constants.

import { RULE_CHOICES, RULE_LIMITS, type FieldError } from "../../bindings";
import type { RuleDraft } from "./checks";

export type { RuleDraft } from "./checks";
export type RuleField = keyof RuleDraft;
export type RuleErrors = Partial<Record<RuleField, string>>;

/** The fields in the form's order (the first at fault gets the focus). */
export const RULE_FIELDS: readonly RuleField[] = [
  "direction",
  "protocol",
  "ethertype",
  "remote_ip_prefix",
  "port_range_min",
  "port_range_max",
];

/** A new rule: the first of each choice (as Rust lists them) and nothing typed. */
export const EMPTY_RULE: RuleDraft = {
  direction: RULE_CHOICES.directions[0],
  protocol: RULE_CHOICES.protocols[0],
  ethertype: RULE_CHOICES.ethertypes[0],
  remote_ip_prefix: "",
  port_range_min: "",
  port_range_max: "",
};

/** Whether rules of `protocol` carry ports; for the others the port fields stay empty. */
export function takesPorts(protocol: string): boolean {
  return (RULE_CHOICES.portProtocols as readonly string[]).includes(protocol);
}

/** The answer's errors by field (the first of each); none before the first answer. */
export function ruleErrors(errors: readonly FieldError[] | undefined): RuleErrors {
  const found: RuleErrors = {};
  for (const e of errors ?? []) {
    const field = RULE_FIELDS.find((f) => f === e.field);
    if (field && !found[field]) found[field] = e.message;
  }
  return found;
}

/** The first field the answer refuses, in the form's order. */
export function firstRuleFieldAtFault(errors: RuleErrors): RuleField | undefined {
  return RULE_FIELDS.find((f) => errors[f]);
}

// Display only: a choice without a label here is shown as the API spells it.
const DIRECTION_LABELS: Partial<Record<string, string>> = {
  ingress: "Ingress (inbound)",
  egress: "Egress (outbound)",
};
const CIDR_EXAMPLES: Partial<Record<string, string>> = {
  IPv4: "e.g. 203.0.113.1/32, or 0.0.0.0/0 for everyone",
  IPv6: "e.g. 2001:db8::/32, or ::/0 for everyone",
};

export function directionLabel(direction: string): string {
  return DIRECTION_LABELS[direction] ?? direction;
}

/** Examples of a range of the rule's IP version. */
export function cidrHint(ethertype: string): string {
  return CIDR_EXAMPLES[ethertype] ?? "A range in CIDR notation, such as 203.0.113.1/32";
}

/** The port fields' hints: the range Rust allows, or that the protocol takes none. */
export function portHints(protocol: string): { min: string; max: string } {
  if (!takesPorts(protocol)) {
    const none = `Not for ${protocol.toUpperCase()}`;
    return { min: none, max: none };
  }
  return { min: `${RULE_LIMITS.portMin}–${RULE_LIMITS.portMax}`, max: "Same as “from” for one port" };
}

/** "22", "8000–8100", "—" (ICMP or none). */
export function formatPorts(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null && max == null) return "—";
  if (min === max || max == null) return String(min);
  if (min == null) return String(max);
  return `${min}–${max}`;
}

/** The fields a rule of a list is shown by (a draft's rule, a request, a stored rule). */
export type RuleLike = {
  direction: string;
  protocol: string;
  ethertype: string;
  remote_ip_prefix: string;
  port_range_min?: number | null;
  port_range_max?: number | null;
};

/** "ingress TCP IPv4 0.0.0.0/0, port 22" (how the backend's messages name a rule too). */
export function ruleSummary(r: RuleLike): string {
  const base = `${r.direction} ${r.protocol.toUpperCase()} ${r.ethertype} ${r.remote_ip_prefix.trim()}`;
  const none = r.port_range_min == null && r.port_range_max == null;
  if (none && !takesPorts(r.protocol)) return base;
  const lo = r.port_range_min ?? RULE_LIMITS.portMin;
  const hi = r.port_range_max ?? RULE_LIMITS.portMax;
  if (lo === RULE_LIMITS.portMin && hi === RULE_LIMITS.portMax) return `${base}, all ports`;
  return lo === hi ? `${base}, port ${lo}` : `${base}, ports ${lo}–${hi}`;
}

/** One line naming a rule, as the confirmations quote it: "ingress TCP 22 IPv4 from 0.0.0.0/0". */
export function describeRule(r: {
  direction: string;
  protocol: string;
  ethertype: string;
  remote_ip_prefix: string;
  port_range_min?: number | null;
  port_range_max?: number | null;
}): string {
  const ports = formatPorts(r.port_range_min, r.port_range_max);
  return `${r.direction} ${r.protocol.toUpperCase()}${ports === "—" ? "" : ` ${ports}`} ${r.ethertype} from ${r.remote_ip_prefix}`;
}
