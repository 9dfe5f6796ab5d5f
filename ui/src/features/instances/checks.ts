// The security rules' checks (a VM's rule form, VM-07; the deploy wizard's rule editor and
// its Advanced step, DEP-51): each asks barrack-api's forms::rule / forms::rule_list through
// its command, so no rule of a rule is kept in TypeScript.

import {
  commands,
  type RuleCheck_Serialize,
  type RuleForm_Deserialize,
  type RuleProblem_Serialize,
  type VMSecurityRuleRequest_Deserialize,
} from "../../bindings";
import type { Check } from "../../lib/useCheck";

/** The rule form's fields as typed (the selects' values included): every one is text. */
export type RuleDraft = Omit<RuleForm_Deserialize, "existing">;

/**
 * One rule as typed, refused at its range field when it conflicts with `existing` (the
 * rules of the list it joins). The answer's `value` is the request to send.
 */
export const securityRuleCheck: Check<RuleForm_Deserialize, RuleCheck_Serialize> = {
  name: "securityRule",
  run: (form) => commands.checkSecurityRule(form),
};

/** A list of rules: each rule's own faults, then duplicates and covered rules, by rule index. */
export const ruleListCheck: Check<VMSecurityRuleRequest_Deserialize[], RuleProblem_Serialize[]> = {
  name: "ruleList",
  run: (rules) => commands.checkRuleList(rules),
};
