// Security rules chosen before the VM exists (DEP-51): kept in the draft. Rust checks each
// new rule as it is typed, against the rules already in the list (a conflicting one is
// refused at its range field), and checks the list as a whole (each rule's own faults,
// repeats and covered rules, shown beside the rule at fault) — instances/checks.ts.

import { leavingForSubmit, SUBMIT_ATTR } from "../../components/ui/leavingFor";
import { useFocusRequest } from "../../components/ui/useFocusRequest";
import { useState, type FocusEvent, type KeyboardEvent } from "react";
import type { RuleProblem_Serialize, VMSecurityRuleRequest_Serialize } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { ruleListCheck, securityRuleCheck, type RuleDraft } from "../instances/checks";
import {
  RULE_FIELDS,
  EMPTY_RULE,
  firstRuleFieldAtFault,
  ruleErrors,
  ruleSummary,
  type RuleErrors,
  type RuleField,
} from "../instances/ruleForm";
import { RULE_TEST_IDS, RuleFields } from "../firewalls/RuleFields";
import { fieldDomId } from "./wizard";

/** A rule as the draft keeps it: the request Rust built from the form. */
type DraftRule = VMSecurityRuleRequest_Serialize;

type Props = {
  rules: readonly DraftRule[];
  onChange: (rules: DraftRule[]) => void;
  /** The step's error about the list (shown once the user tried to go on). */
  error?: string | undefined;
};

/** A rule field's DOM id: the wizard's prefix on its test id, e.g. `deploy-rule-cidr`. */
const ruleDomId = (field: RuleField) => fieldDomId(RULE_TEST_IDS[field]);

/** The list's problems by rule index, in the order Rust gave them. */
function problemsByRule(problems: readonly RuleProblem_Serialize[] | undefined): Map<number, string[]> {
  const byRule = new Map<number, string[]>();
  for (const p of problems ?? []) byRule.set(p.index, [...(byRule.get(p.index) ?? []), p.message]);
  return byRule;
}

export function SecurityRulesEditor({ rules, onChange, error }: Props) {
  const listId = fieldDomId("securityRules");
  // The same question the wizard asks for the step's error: one answer for both.
  const problems = problemsByRule(useCheck(ruleListCheck, [...rules]).data);
  return (
    <div className="flex flex-col gap-3">
      <div
        id={listId}
        // Focusable, so the wizard can bring the user here when a rule is at fault.
        tabIndex={-1}
        aria-label="Security rules"
        aria-describedby={error ? `${listId}-error` : undefined}
        className="flex flex-col gap-2 outline-none"
      >
        {rules.length === 0 && <p className="text-sm text-fg-muted">No rules added.</p>}
        {rules.map((r, i) => (
          <RuleItem
            key={i}
            index={i}
            rule={r}
            problems={problems.get(i)}
            onRemove={() => onChange(rules.filter((_, j) => j !== i))}
          />
        ))}
      </div>
      {error && (
        <p
          id={`${listId}-error`}
          role="alert"
          data-testid={`${listId}-error`}
          className="text-xs font-medium text-danger"
        >
          {error}
        </p>
      )}
      <NewRule rules={rules} onAdd={(r) => onChange([...rules, r])} />
      <p className="text-xs text-fg-muted">
        Rules are applied automatically once the VM is ACTIVE, and can take up to 10 minutes to take effect.
      </p>
    </div>
  );
}

type ItemProps = { index: number; rule: DraftRule; problems: string[] | undefined; onRemove: () => void };

function RuleItem({ index, rule, problems, onRemove }: ItemProps) {
  return (
    <div
      data-testid={`rule-item-${index}`}
      className="flex flex-col gap-1 rounded-md border border-border px-3 py-2 text-sm"
    >
      <div className="flex items-center justify-between gap-3">
        <span>
          <span className="text-fg-muted">{index + 1}.</span> {ruleSummary(rule)}
        </span>
        <Button
          variant="ghost"
          data-testid={`rule-remove-${index}`}
          aria-label={`Remove rule ${index + 1}`}
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
      {problems && (
        <p data-testid={`rule-conflict-${index}`} role="alert" className="text-xs font-medium text-danger">
          {problems.join(" ")}
        </p>
      )}
    </div>
  );
}

type Touched = Partial<Record<RuleField, boolean>>;

/** The new rule's fields. Not a <form>: the wizard may be in one, and forms cannot nest. */
function NewRule({ rules, onAdd }: { rules: readonly DraftRule[]; onAdd: (r: DraftRule) => void }) {
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE);
  // A field's error shows once it was left (or "Add" was tried), then follows every change.
  const [touched, setTouched] = useState<Touched>({});
  const [tried, setTried] = useState(false);
  const focusOn = useFocusRequest();
  const checkNow = useCheckNow();
  const guard = useSubmitGuard();
  // Compared with the list it joins: a rule that repeats, covers or is covered by one is refused.
  const form = { ...draft, existing: [...rules] };
  const errors = ruleErrors(useCheck(securityRuleCheck, form).data?.errors);
  const shown: RuleErrors = Object.fromEntries(
    RULE_FIELDS.filter((f) => tried || touched[f]).map((f) => [f, errors[f]]),
  );

  function edit(patch: Partial<RuleDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
  }

  function add() {
    setTried(true);
    void guard(async () => {
      // The answer for exactly these fields and this list; a failed check adds nothing.
      const answer = await checkNow(securityRuleCheck, form);
      if (!answer.value) {
        // Focus the first field at fault, in the form's order (a conflict is the range's).
        focusOn(ruleDomId(firstRuleFieldAtFault(ruleErrors(answer.errors)) ?? "remote_ip_prefix"));
        return;
      }
      onAdd(answer.value);
      // Keep the kind of rule: several of the same sort are often added in a row.
      setDraft((d) => ({ ...d, remote_ip_prefix: "", port_range_min: "", port_range_max: "" }));
      setTouched({});
      setTried(false);
    });
  }

  function enter(e: KeyboardEvent) {
    if (e.key === "Enter" && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      add();
    }
  }

  const blur = (f: RuleField) => (e: FocusEvent) => leavingForSubmit(e) || setTouched((t) => ({ ...t, [f]: true }));
  return (
    <div
      role="group"
      aria-label="Add a security rule"
      onKeyDown={enter}
      className="flex flex-col gap-3 rounded-md border border-border p-3"
    >
      <RuleFields draft={draft} errors={shown} onEdit={edit} idOf={ruleDomId} onLeave={blur} portsFollowProtocol />
      <div>
        <Button variant="secondary" data-testid="rule-add" {...SUBMIT_ATTR} onClick={add}>
          Add rule
        </Button>
      </div>
    </div>
  );
}
