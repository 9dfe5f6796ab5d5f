import { describe, expect, it } from "vitest";
import { RULE_CHOICES } from "../../bindings";
import { casesOf } from "../../test/formCases";
import { EMPTY_RULE, firstRuleFieldAtFault, formatPorts, ruleErrors, ruleSummary, takesPorts } from "./ruleForm";

// The rules themselves are Rust's (crates/barrack-api/src/forms/rule.rs, rule_list.rs, with
// their tests); this file covers how the UI reads the answers and shows rules.

describe("the rule form's pieces", () => {
  it("starts a rule with the first of each of Rust's choices", () => {
    expect(EMPTY_RULE).toEqual({
      direction: RULE_CHOICES.directions[0],
      protocol: RULE_CHOICES.protocols[0],
      ethertype: RULE_CHOICES.ethertypes[0],
      remote_ip_prefix: "",
      port_range_min: "",
      port_range_max: "",
    });
  });

  it("knows which protocols take ports from Rust's list", () => {
    const withPorts = RULE_CHOICES.protocols.filter(takesPorts);
    expect(withPorts).toEqual([...RULE_CHOICES.portProtocols]);
    expect(withPorts.length).toBeLessThan(RULE_CHOICES.protocols.length);
  });

  it("puts each answer's first error at its field, in the form's order", () => {
    const answer = casesOf("check_security_rule")
      .map((c) => c.output as { errors: { field: string; message: string }[] })
      .find((o) => o.errors.length >= 2)!;
    const errors = ruleErrors(answer.errors);
    for (const e of answer.errors) expect(Object.values(errors)).toContain(e.message);
    expect(firstRuleFieldAtFault(errors)).toBe(answer.errors[0]!.field);
    expect(ruleErrors([{ field: "existing", message: "Too many" }])).toEqual({});
    expect(ruleErrors(undefined)).toEqual({});
  });

  it("shows ports and rules as the list and the table do", () => {
    expect(formatPorts(22, 22)).toBe("22");
    expect(formatPorts(8000, 8100)).toBe("8000–8100");
    expect(formatPorts(null, undefined)).toBe("—");
    const ssh = {
      direction: "ingress",
      protocol: "tcp",
      ethertype: "IPv4",
      remote_ip_prefix: " 0.0.0.0/0 ",
      port_range_min: 22,
      port_range_max: 22,
    };
    expect(ruleSummary(ssh)).toBe("ingress TCP IPv4 0.0.0.0/0, port 22");
    expect(ruleSummary({ ...ssh, port_range_max: 25 })).toBe("ingress TCP IPv4 0.0.0.0/0, ports 22–25");
    expect(ruleSummary({ ...ssh, port_range_min: null, port_range_max: null })).toBe(
      "ingress TCP IPv4 0.0.0.0/0, all ports",
    );
    const noPorts = RULE_CHOICES.protocols.find((p) => !takesPorts(p))!;
    expect(ruleSummary({ ...ssh, protocol: noPorts, port_range_min: null, port_range_max: null })).toBe(
      `ingress ${noPorts.toUpperCase()} IPv4 0.0.0.0/0`,
    );
  });
});
