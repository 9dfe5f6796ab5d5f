// Security rules chosen before the VM exists (DEP-51): kept in the draft. Rust checks each
// new rule as it is typed, against the rules already in the list (a conflicting one is
// refused at its range field), and checks the list as a whole (each rule's own faults,
// repeats and covered rules, shown beside the rule at fault) — instances/checks.ts.

import { leavingForSubmit, SUBMIT_ATTR } from "../../components/ui/leavingFor";
import { useFocusRequest } from "../../components/ui/useFocusRequest";
import { useState, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import { RULE_CHOICES, type RuleProblem_Serialize, type VMSecurityRuleRequest_Serialize } from "../../bindings";
import { Button } from "../../components/ui/Button";
import { Field, fieldAria } from "../../components/ui/Field";
import { Input, Select } from "../../components/ui/Input";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { ruleListCheck, securityRuleCheck, type RuleDraft } from "../instances/checks";
import {
  cidrHint,
  directionLabel,
  EMPTY_RULE,
  firstRuleFieldAtFault,
  portHints,
  ruleErrors,
  ruleSummary,
  takesPorts,
  type RuleField,
} from "../instances/ruleForm";
import { fieldDomId } from "./wizard";

/** A rule as the draft keeps it: the request Rust built from the form. */
type DraftRule = VMSecurityRuleRequest_Serialize;

type Props = {
  rules: readonly DraftRule[];
  onChange: (rules: DraftRule[]) => void;
  /** The step's error about the list (shown once the user tried to go on). */
  error?: string | undefined;
};

const CONTROL: Record<RuleField, { id: string; testId: string }> = {
  direction: { id: fieldDomId("rule-direction"), testId: "rule-direction" },
  protocol: { id: fieldDomId("rule-protocol"), testId: "rule-protocol" },
  ethertype: { id: fieldDomId("rule-ethertype"), testId: "rule-ethertype" },
  remote_ip_prefix: { id: fieldDomId("rule-cidr"), testId: "rule-cidr" },
  port_range_min: { id: fieldDomId("rule-port-min"), testId: "rule-port-min" },
  port_range_max: { id: fieldDomId("rule-port-max"), testId: "rule-port-max" },
};

function control(field: RuleField, error: string | undefined) {
  return { ...fieldAria(CONTROL[field].id, error), "data-testid": CONTROL[field].testId };
}

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
  const shown = (f: RuleField) => (tried || touched[f] ? errors[f] : undefined);
  const ports = takesPorts(draft.protocol);
  const hints = portHints(draft.protocol);

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
        focusOn(CONTROL[firstRuleFieldAtFault(ruleErrors(answer.errors)) ?? "remote_ip_prefix"].id);
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
      <div className="grid gap-3 sm:grid-cols-3">
        <Choice field="direction" label="Direction" error={shown("direction")}>
          <Select
            {...control("direction", shown("direction"))}
            value={draft.direction}
            onChange={(e) => edit({ direction: e.target.value })}
          >
            {RULE_CHOICES.directions.map((d) => (
              <option key={d} value={d}>
                {directionLabel(d)}
              </option>
            ))}
          </Select>
        </Choice>
        <Choice field="protocol" label="Protocol" error={shown("protocol")}>
          <Select
            {...control("protocol", shown("protocol"))}
            value={draft.protocol}
            // A protocol without ports: clear them rather than leave values that would be refused.
            onChange={(e) => {
              const protocol = e.target.value;
              edit(takesPorts(protocol) ? { protocol } : { protocol, port_range_min: "", port_range_max: "" });
            }}
          >
            {RULE_CHOICES.protocols.map((p) => (
              <option key={p} value={p}>
                {p.toUpperCase()}
              </option>
            ))}
          </Select>
        </Choice>
        <Choice field="ethertype" label="IP version" error={shown("ethertype")}>
          <Select
            {...control("ethertype", shown("ethertype"))}
            value={draft.ethertype}
            onChange={(e) => edit({ ethertype: e.target.value })}
          >
            {RULE_CHOICES.ethertypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Choice>
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <Choice
          field="remote_ip_prefix"
          label="Remote range (CIDR)"
          hint={cidrHint(draft.ethertype)}
          error={shown("remote_ip_prefix")}
        >
          <Input
            {...control("remote_ip_prefix", shown("remote_ip_prefix"))}
            spellCheck={false}
            autoComplete="off"
            value={draft.remote_ip_prefix}
            onBlur={blur("remote_ip_prefix")}
            onChange={(e) => edit({ remote_ip_prefix: e.target.value })}
          />
        </Choice>
        <Choice field="port_range_min" label="Port from" hint={hints.min} error={shown("port_range_min")}>
          <Input
            {...control("port_range_min", shown("port_range_min"))}
            inputMode="numeric"
            disabled={!ports}
            value={draft.port_range_min}
            onBlur={blur("port_range_min")}
            onChange={(e) => edit({ port_range_min: e.target.value })}
          />
        </Choice>
        <Choice field="port_range_max" label="Port to" hint={hints.max} error={shown("port_range_max")}>
          <Input
            {...control("port_range_max", shown("port_range_max"))}
            inputMode="numeric"
            disabled={!ports}
            value={draft.port_range_max}
            onBlur={blur("port_range_max")}
            onChange={(e) => edit({ port_range_max: e.target.value })}
          />
        </Choice>
      </div>
      <div>
        <Button variant="secondary" data-testid="rule-add" {...SUBMIT_ATTR} onClick={add}>
          Add rule
        </Button>
      </div>
    </div>
  );
}

type ChoiceProps = { field: RuleField; label: string; hint?: string; error: string | undefined; children: ReactNode };

/** ui/Field with the rule control's id, so its error's test id is `deploy-rule-…-error`. */
function Choice({ field, label, hint, error, children }: ChoiceProps) {
  return (
    <Field id={CONTROL[field].id} label={label} hint={hint} error={error}>
      {children}
    </Field>
  );
}
