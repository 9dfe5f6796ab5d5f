// The ready-made rules the firewall rule form offers (FW-12). Only well-known ports here:
// the protocols are Rust's (RULE_CHOICES), so no protocol name is spelled in TypeScript.

import { RULE_CHOICES } from "../../bindings";
import { takesPorts, type RuleDraft } from "../instances/ruleForm";

/** The first protocol with ports (TCP) and the first without (ICMP), as Rust lists them. */
const PORTED = RULE_CHOICES.portProtocols[0];
const PORTLESS = RULE_CHOICES.protocols.find((p) => !takesPorts(p));

const SERVICES: readonly [string, number][] = [
  ["SSH", 22],
  ["HTTP", 80],
  ["HTTPS", 443],
  ["Jupyter", 8888],
  ["MySQL", 3306],
  ["PostgreSQL", 5432],
  ["Redis", 6379],
];

export type RuleExample = { label: string; patch: Partial<RuleDraft> };

/** Each example fills the protocol and ports; direction, IP version and range stay as typed. */
export const RULE_EXAMPLES: readonly RuleExample[] = [
  ...SERVICES.map(([label, port]) => ({
    label,
    patch: { protocol: PORTED, port_range_min: String(port), port_range_max: String(port) },
  })),
  ...(PORTLESS ? [{ label: "Ping", patch: { protocol: PORTLESS, port_range_min: "", port_range_max: "" } }] : []),
];
