// Security-rule test support: the rule forms' selects and what they offer, and an SSH rule
// as the wizard's draft and requests carry it.

import { RULE_CHOICES, type VMSecurityRuleRequest_Serialize } from "../bindings";

export const RULE_SELECTS = ["direction", "protocol", "ethertype"] as const;
/** What each select offers: Rust's choices. */
export const RULE_SELECT_CHOICES: Record<(typeof RULE_SELECTS)[number], readonly string[]> = {
  direction: RULE_CHOICES.directions,
  protocol: RULE_CHOICES.protocols,
  ethertype: RULE_CHOICES.ethertypes,
};

/** SSH from anywhere, as a rule request. */
export const SSH_RULE: VMSecurityRuleRequest_Serialize = {
  direction: "ingress",
  protocol: "tcp",
  ethertype: "IPv4",
  remote_ip_prefix: "0.0.0.0/0",
  port_range_min: 22,
  port_range_max: 22,
};
