import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import {
  RULE_CHOICES,
  type RuleCheck_Serialize,
  type RuleForm_Serialize,
  type RuleProblem_Serialize,
  type VMSecurityRuleRequest_Serialize,
} from "../../bindings";
import { mockBackend, renderWithProviders } from "../../test/backend";
import { casesOf } from "../../test/formCases";
import { RULE_SELECT_CHOICES, RULE_SELECTS, SSH_RULE } from "../../test/rules";
import { RULE_TEST_IDS } from "../firewalls/RuleFields";
import { RULE_FIELDS, takesPorts, type RuleField } from "../instances/ruleForm";
import { SecurityRulesEditor } from "./SecurityRulesEditor";

type Rule = VMSecurityRuleRequest_Serialize;

/** The editor with a list of its own; `rules()` is the latest list. */
function renderEditor(initial: Rule[] = [], error?: string) {
  let latest = initial;
  function Harness() {
    const [rules, setRules] = useState<Rule[]>(initial);
    latest = rules;
    return <SecurityRulesEditor rules={rules} onChange={setRules} error={error} />;
  }
  renderWithProviders(<Harness />);
  return { rules: () => latest };
}

/** Where a field's error shows (ui/Field under the control's DOM id). */
const errorOf = (f: RuleField) => screen.queryByTestId(`deploy-${RULE_TEST_IDS[f]}-error`);

/** Types a text field as a whole (straight to an input of the case table). */
async function fill(user: ReturnType<typeof userEvent.setup>, field: RuleField, text: string) {
  const el = screen.getByTestId(RULE_TEST_IDS[field]);
  await user.clear(el);
  if (text !== "") {
    await user.click(el);
    await user.paste(text);
  }
}

describe("the wizard's rule editor shows exactly what Rust answers (DEP-51)", () => {
  // Choices the selects do not offer, and ports on a protocol whose port fields are
  // disabled, cannot be entered here (the VM page's form walks the latter).
  const enterable = (f: RuleForm_Serialize) =>
    RULE_SELECTS.every((s) => RULE_SELECT_CHOICES[s].includes(f[s])) &&
    (takesPorts(f.protocol) || (f.port_range_min === "" && f.port_range_max === ""));
  const cases = casesOf("check_security_rule").filter((c) => enterable((c.input as { form: RuleForm_Serialize }).form));

  it("walks most of the table", () => {
    expect(cases.length).toBeGreaterThan(casesOf("check_security_rule").length / 2);
  });

  it.each(cases.map((c) => [JSON.stringify(c.input), c] as const))("%s", async (_name, c) => {
    mockBackend({});
    const form = (c.input as { form: RuleForm_Serialize }).form;
    const answer = c.output as RuleCheck_Serialize;
    const { rules } = renderEditor(form.existing);
    const user = userEvent.setup();
    for (const s of RULE_SELECTS) await user.selectOptions(screen.getByTestId(RULE_TEST_IDS[s]), form[s]);
    await fill(user, "remote_ip_prefix", form.remote_ip_prefix);
    if (takesPorts(form.protocol)) {
      await fill(user, "port_range_min", form.port_range_min);
      await fill(user, "port_range_max", form.port_range_max);
    }
    await user.click(screen.getByTestId("rule-add"));

    if (answer.value) {
      await waitFor(() => expect(rules()).toEqual([...form.existing, answer.value]));
      for (const f of RULE_FIELDS) expect(errorOf(f)).not.toBeInTheDocument();
      return;
    }
    await waitFor(() => expect(errorOf(answer.errors[0]!.field as RuleField)).toBeInTheDocument());
    for (const f of RULE_FIELDS) {
      const message = answer.errors.find((e) => e.field === f)?.message;
      if (message) expect(errorOf(f)?.textContent).toBe(message);
      else expect(errorOf(f)).not.toBeInTheDocument();
    }
    expect(rules()).toEqual(form.existing);
  });
});

describe("the wizard's list of rules shows exactly Rust's problems per rule (DEP-51)", () => {
  it.each(casesOf("check_rule_list").map((c) => [JSON.stringify(c.input), c] as const))("%s", async (_name, c) => {
    mockBackend({});
    const rules = (c.input as { rules: Rule[] }).rules;
    const problems = c.output as RuleProblem_Serialize[];
    renderEditor(rules);
    const expected = rules.map((_, i) =>
      problems
        .filter((p) => p.index === i)
        .map((p) => p.message)
        .join(" "),
    );
    await waitFor(() =>
      expect(rules.map((_, i) => screen.queryByTestId(`rule-conflict-${i}`)?.textContent ?? "")).toEqual(expected),
    );
  });
});

describe("Advanced step: security rules (DEP-51)", () => {
  it("refuses a bad CIDR at its field and adds nothing", async () => {
    mockBackend({});
    const { rules } = renderEditor();
    const user = userEvent.setup();
    await fill(user, "remote_ip_prefix", "10.0.0.0/33");
    await fill(user, "port_range_min", "80");
    await fill(user, "port_range_max", "80");
    await user.click(screen.getByTestId("rule-add"));
    expect(await screen.findByTestId("deploy-rule-cidr-error")).toHaveTextContent(
      "An IPv4 prefix must be between 0 and 32.",
    );
    const cidr = screen.getByTestId("rule-cidr");
    expect(cidr).toHaveAttribute("aria-invalid", "true");
    expect(cidr).toHaveAttribute("id", "deploy-rule-cidr");
    await waitFor(() => expect(cidr).toHaveFocus());
    expect(rules()).toEqual([]);
    expect(screen.queryByTestId("rule-item-0")).not.toBeInTheDocument();
  });

  it("checks a field live once it has been left", async () => {
    mockBackend({});
    renderEditor();
    const user = userEvent.setup();
    await fill(user, "port_range_min", "80");
    await fill(user, "port_range_max", "80");
    await fill(user, "remote_ip_prefix", "::/0");
    expect(screen.queryByTestId("deploy-rule-cidr-error")).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByTestId("deploy-rule-cidr-error")).toHaveTextContent(
      "This is an IPv6 range, but the rule is IPv4",
    );
    await user.selectOptions(screen.getByTestId("rule-ethertype"), "IPv6");
    await waitFor(() => expect(screen.queryByTestId("deploy-rule-cidr-error")).not.toBeInTheDocument());
  });

  it("refuses a rule the list already covers, adds one that fits, and removes", async () => {
    mockBackend({});
    const { rules } = renderEditor([SSH_RULE]);
    const user = userEvent.setup();
    expect(screen.getByTestId("rule-item-0")).toHaveTextContent("ingress TCP IPv4 0.0.0.0/0, port 22");
    await fill(user, "remote_ip_prefix", "10.0.0.0/8");
    await fill(user, "port_range_min", "22");
    await fill(user, "port_range_max", "22");
    await user.click(screen.getByTestId("rule-add"));
    expect(await screen.findByTestId("deploy-rule-cidr-error")).toHaveTextContent(
      "Already covered by rule 1 (ingress TCP IPv4 0.0.0.0/0, port 22)",
    );
    expect(rules()).toEqual([SSH_RULE]);

    await user.selectOptions(screen.getByTestId("rule-protocol"), "udp");
    await fill(user, "remote_ip_prefix", "0.0.0.0/0");
    await user.click(screen.getByTestId("rule-add"));
    const udp = { ...SSH_RULE, protocol: "udp" };
    await waitFor(() => expect(rules()).toEqual([SSH_RULE, udp]));
    expect(screen.getByTestId("rule-item-1")).toHaveTextContent("ingress UDP IPv4 0.0.0.0/0, port 22");
    // The kind of rule stays for the next one; the range and ports start empty.
    expect(screen.getByTestId("rule-protocol")).toHaveValue("udp");
    expect(screen.getByTestId("rule-cidr")).toHaveValue("");
    expect(screen.queryByTestId("deploy-rule-cidr-error")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("rule-remove-0"));
    expect(rules()).toEqual([udp]);
  });

  it("takes no ports for a protocol without them, and sends none", async () => {
    mockBackend({});
    const { rules } = renderEditor();
    const user = userEvent.setup();
    await fill(user, "port_range_min", "80");
    const noPorts = RULE_CHOICES.protocols.find((p) => !takesPorts(p))!;
    await user.selectOptions(screen.getByTestId("rule-protocol"), noPorts);
    expect(screen.getByTestId("rule-port-min")).toBeDisabled();
    expect(screen.getByTestId("rule-port-min")).toHaveValue("");
    expect(
      screen.getByText(`Not for ${noPorts.toUpperCase()}`, { selector: "#deploy-rule-port-min-hint" }),
    ).toBeVisible();
    await user.selectOptions(screen.getByTestId("rule-direction"), "egress");
    await user.selectOptions(screen.getByTestId("rule-ethertype"), "IPv6");
    await fill(user, "remote_ip_prefix", "::/0");
    await user.click(screen.getByTestId("rule-add"));
    await waitFor(() =>
      expect(rules()).toEqual([
        { direction: "egress", protocol: noPorts, ethertype: "IPv6", remote_ip_prefix: "::/0" },
      ]),
    );
  });

  it("shows the conflicts of a saved draft next to the rule at fault", async () => {
    mockBackend({});
    renderEditor([SSH_RULE, SSH_RULE], "Rule 2: Repeats rule 1");
    expect(await screen.findByTestId("rule-conflict-1")).toHaveTextContent("Repeats rule 1");
    expect(screen.queryByTestId("rule-conflict-0")).not.toBeInTheDocument();
    expect(screen.getByTestId("deploy-securityRules-error")).toHaveTextContent("Rule 2: Repeats rule 1");
    expect(document.getElementById("deploy-securityRules")).toHaveAttribute("tabindex", "-1");
    expect(
      screen.getByText(/applied automatically once the VM is ACTIVE, and can take up to 10 minutes/),
    ).toBeInTheDocument();
  });
});
