// The per-instance security rule form (VM-07): its draft, the checks the platform documents
// (rules.md §6, the same as barrack-api's validate::security_rule) and the request it sends.

import type { VMSecurityRuleRequest_Deserialize } from "../../bindings";

export const DIRECTIONS = ["ingress", "egress"] as const;
export const PROTOCOLS = ["tcp", "udp", "icmp"] as const;
export const ETHERTYPES = ["IPv4", "IPv6"] as const;

export type RuleDraft = {
  direction: (typeof DIRECTIONS)[number];
  protocol: (typeof PROTOCOLS)[number];
  ethertype: (typeof ETHERTYPES)[number];
  remote_ip_prefix: string;
  port_range_min: string;
  port_range_max: string;
};

export type RuleField = keyof RuleDraft;
export type RuleErrors = Partial<Record<RuleField, string>>;

export const RULE_FIELDS: readonly RuleField[] = [
  "direction",
  "protocol",
  "ethertype",
  "remote_ip_prefix",
  "port_range_min",
  "port_range_max",
];

export const EMPTY_RULE: RuleDraft = {
  direction: "ingress",
  protocol: "tcp",
  ethertype: "IPv4",
  remote_ip_prefix: "",
  port_range_min: "",
  port_range_max: "",
};

/** Dotted quad, each octet 0–255 without leading zeros. */
export function isIPv4(addr: string): boolean {
  const parts = addr.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Eight hex groups, one "::" allowed for a run of zeros, an IPv4 tail allowed. */
export function isIPv6(addr: string): boolean {
  if (addr.split("::").length > 2) return false;
  const [head = "", tail] = addr.split("::") as [string, string | undefined];
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const all = [...groups(head), ...(tail === undefined ? [] : groups(tail))];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i] ?? "";
    if (i === all.length - 1 && g.includes(".")) {
      if (!isIPv4(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return tail === undefined ? count === 8 : count < 8;
}

/** `null` when `value` is a CIDR range of the rule's IP version, otherwise what is wrong. */
export function cidrError(value: string, ethertype: RuleDraft["ethertype"]): string | null {
  const v = value.trim();
  if (v === "") return "Required: a range such as 203.0.113.1/32, 0.0.0.0/0 or ::/0.";
  const slash = v.indexOf("/");
  if (slash < 0) return "Use CIDR notation, such as 203.0.113.1/32 (IPv4) or 2001:db8::/32 (IPv6).";
  const addr = v.slice(0, slash);
  const prefixText = v.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return "The prefix after / must be a whole number.";
  const prefix = Number(prefixText);
  const v4 = isIPv4(addr);
  const v6 = !v4 && isIPv6(addr);
  if (!v4 && !v6) return `"${addr}" is not an IPv4 or IPv6 address.`;
  if (v4 && prefix > 32) return "An IPv4 prefix must be between 0 and 32.";
  if (v6 && prefix > 128) return "An IPv6 prefix must be between 0 and 128.";
  if (ethertype === "IPv4" && v6) return "This is an IPv6 range, but the rule is IPv4: pick IPv6 or use an IPv4 range.";
  if (ethertype === "IPv6" && v4) return "This is an IPv4 range, but the rule is IPv6: pick IPv4 or use an IPv6 range.";
  return null;
}

function portValue(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 65535 ? n : null;
}

/** Ports: TCP and UDP need both, 1–65535, min ≤ max; ICMP takes none. */
export function portErrors(d: Pick<RuleDraft, "protocol" | "port_range_min" | "port_range_max">): RuleErrors {
  const errors: RuleErrors = {};
  const min = d.port_range_min.trim();
  const max = d.port_range_max.trim();
  if (d.protocol === "icmp") {
    if (min !== "") errors.port_range_min = "Ports do not apply to ICMP; leave this empty.";
    if (max !== "") errors.port_range_max = "Ports do not apply to ICMP; leave this empty.";
    return errors;
  }
  const lo = portValue(min);
  const hi = portValue(max);
  if (min === "") errors.port_range_min = "Required for TCP and UDP (for one port, use it in both fields).";
  else if (lo === null) errors.port_range_min = "A whole number between 1 and 65535.";
  if (max === "") errors.port_range_max = "Required for TCP and UDP (for one port, use it in both fields).";
  else if (hi === null) errors.port_range_max = "A whole number between 1 and 65535.";
  if (lo !== null && hi !== null && lo > hi) errors.port_range_max = `Must not be less than the minimum port (${lo}).`;
  return errors;
}

export function validateRule(d: RuleDraft): RuleErrors {
  const errors: RuleErrors = { ...portErrors(d) };
  if (!DIRECTIONS.includes(d.direction)) errors.direction = "Pick ingress or egress.";
  if (!PROTOCOLS.includes(d.protocol)) errors.protocol = "Pick TCP, UDP or ICMP.";
  if (!ETHERTYPES.includes(d.ethertype)) errors.ethertype = "Pick IPv4 or IPv6.";
  const cidr = cidrError(d.remote_ip_prefix, d.ethertype);
  if (cidr) errors.remote_ip_prefix = cidr;
  return errors;
}

/** The request for a draft that passed `validateRule`. */
export function ruleRequest(d: RuleDraft): VMSecurityRuleRequest_Deserialize {
  const ports = d.protocol !== "icmp";
  return {
    direction: d.direction,
    protocol: d.protocol,
    ethertype: d.ethertype,
    remote_ip_prefix: d.remote_ip_prefix.trim(),
    port_range_min: ports ? Number(d.port_range_min.trim()) : null,
    port_range_max: ports ? Number(d.port_range_max.trim()) : null,
  };
}

/** "22", "8000–8100", "—" (ICMP or none). */
export function formatPorts(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null && max == null) return "—";
  if (min === max || max == null) return String(min);
  if (min == null) return String(max);
  return `${min}–${max}`;
}
