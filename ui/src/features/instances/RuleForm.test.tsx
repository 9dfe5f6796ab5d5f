import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RuleCheck_Serialize, RuleForm_Serialize } from "../../bindings";
import { mockBackend, renderWithProviders } from "../../test/backend";
import { casesOf } from "../../test/formCases";
import { RULE_SELECT_CHOICES, RULE_SELECTS } from "../../test/rules";
import { RULE_TEST_IDS } from "../firewalls/RuleFields";
import { vmOf } from "../../test/vms";
import { RuleForm } from "./RuleForm";
import { RULE_FIELDS, type RuleField } from "./ruleForm";

const TEXTS = ["remote_ip_prefix", "port_range_min", "port_range_max"] as const;

describe("a VM's rule form shows exactly what Rust answers (VM-07)", () => {
  // A VM's form compares with no list, and its selects offer only Rust's choices.
  const cases = casesOf("check_security_rule").filter((c) => {
    const f = (c.input as { form: RuleForm_Serialize }).form;
    return f.existing.length === 0 && RULE_SELECTS.every((s) => RULE_SELECT_CHOICES[s].includes(f[s]));
  });

  it("walks most of the table", () => {
    expect(cases.length).toBeGreaterThan(casesOf("check_security_rule").length / 2);
  });

  it.each(cases.map((c) => [JSON.stringify(c.input), c] as const))("%s", async (_name, c) => {
    const vm = vmOf("train");
    const backend = mockBackend({
      add_instance_security_rule: (a: Record<string, unknown>) => ({
        success: true,
        message: null,
        request_id: null,
        tier: null,
        instance_id: vm.id,
        rule: { ...(a.body as object), id: "R-9", created_at: null },
      }),
    });
    const form = (c.input as { form: RuleForm_Serialize }).form;
    const answer = c.output as RuleCheck_Serialize;
    renderWithProviders(<RuleForm vm={vm} disabledReason={null} />);
    const user = userEvent.setup();
    for (const s of RULE_SELECTS) await user.selectOptions(screen.getByTestId(RULE_TEST_IDS[s]), form[s]);
    for (const t of TEXTS) {
      const el = screen.getByTestId(RULE_TEST_IDS[t]);
      await user.clear(el);
      if (form[t] !== "") {
        await user.click(el);
        await user.paste(form[t]);
      }
    }
    await user.click(screen.getByTestId("rule-add"));

    if (answer.value) {
      // What is sent is Rust's request, not one built here from the fields.
      await waitFor(() =>
        expect(backend.called("add_instance_security_rule").map((call) => call.args)).toEqual([
          { instanceId: vm.id, body: answer.value },
        ]),
      );
      for (const f of RULE_FIELDS) expect(screen.queryByTestId(`rule-error-${f}`)).not.toBeInTheDocument();
      return;
    }
    await screen.findByTestId(`rule-error-${answer.errors[0]!.field}`);
    for (const f of RULE_FIELDS) {
      const message = answer.errors.find((e) => e.field === f)?.message;
      const shown = screen.queryByTestId(`rule-error-${f}`);
      if (message) expect(shown?.textContent).toBe(message);
      else expect(shown).not.toBeInTheDocument();
    }
    expect(screen.getByTestId(RULE_TEST_IDS[answer.errors[0]!.field as RuleField])).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(backend.called("add_instance_security_rule")).toEqual([]);
  });
});
