import { useState, type FormEvent, type ReactNode } from "react";
import { RULE_CHOICES } from "../../bindings";
import { withoutFieldPrefix } from "../settings/preferences";
import { Button } from "../../components/ui/Button";
import { Input, Select } from "../../components/ui/Input";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import type { AppError } from "../../lib/ipc";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { securityRuleCheck } from "./checks";
import { useAddSecurityRule } from "./mutations";
import {
  cidrHint,
  directionLabel,
  EMPTY_RULE,
  portHints,
  RULE_FIELDS,
  ruleErrors,
  type RuleDraft,
  type RuleErrors,
  type RuleField,
} from "./ruleForm";
import type { VM } from "./status";

/**
 * Adds a per-instance security rule. Rust checks it (checks.ts): once the user tried to add,
 * the answer's errors show at their fields and follow every change; what is sent is the
 * answer's request. The server's own field errors show at their field until the next change.
 */
export function RuleForm({ vm, disabledReason }: { vm: VM; disabledReason: string | null }) {
  const add = useAddSecurityRule(vm);
  const guard = useSubmitGuard();
  const checkNow = useCheckNow();
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<RuleErrors | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);
  // A VM's rules are not compared with each other here (the server keeps what it is given).
  const form = { ...draft, existing: [] };
  const answer = useCheck(securityRuleCheck, form, submitted).data;
  const errors = serverErrors ?? (submitted ? ruleErrors(answer?.errors) : {});
  const otherError =
    checkError ??
    (add.error && !(add.error.field && RULE_FIELDS.includes(add.error.field as RuleField)) ? add.error : null);

  function edit(patch: Partial<RuleDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setServerErrors(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (disabledReason) return;
    setSubmitted(true);
    setServerErrors(null);
    setCheckError(null);
    void guard(async () => {
      let value;
      try {
        // The answer for exactly what is in the fields now, not an older one.
        value = (await checkNow(securityRuleCheck, form)).value;
      } catch (err) {
        setCheckError(err as AppError);
        return;
      }
      // Refused: the live answer (the same one) shows the errors at their fields.
      if (!value) return;
      await add.mutateAsync(value, {
        onSuccess: () => {
          setDraft((d) => ({ ...d, remote_ip_prefix: "", port_range_min: "", port_range_max: "" }));
          setSubmitted(false);
        },
        onError: (err) => {
          const field = err.field as RuleField | undefined;
          if (field && RULE_FIELDS.includes(field))
            setServerErrors({ [field]: withoutFieldPrefix(err.serverMessage, field) });
        },
      });
    });
  }

  const ports = portHints(draft.protocol);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Add a security rule">
      <div className="grid gap-3 sm:grid-cols-3">
        <RuleField field="direction" label="Direction" error={errors.direction}>
          <Select
            {...aria("direction", errors.direction)}
            value={draft.direction}
            onChange={(e) => edit({ direction: e.target.value })}
          >
            {RULE_CHOICES.directions.map((d) => (
              <option key={d} value={d}>
                {directionLabel(d)}
              </option>
            ))}
          </Select>
        </RuleField>
        <RuleField field="protocol" label="Protocol" error={errors.protocol}>
          <Select
            {...aria("protocol", errors.protocol)}
            value={draft.protocol}
            onChange={(e) => edit({ protocol: e.target.value })}
          >
            {RULE_CHOICES.protocols.map((p) => (
              <option key={p} value={p}>
                {p.toUpperCase()}
              </option>
            ))}
          </Select>
        </RuleField>
        <RuleField field="ethertype" label="IP version" error={errors.ethertype}>
          <Select
            {...aria("ethertype", errors.ethertype)}
            value={draft.ethertype}
            onChange={(e) => edit({ ethertype: e.target.value })}
          >
            {RULE_CHOICES.ethertypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </RuleField>
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <RuleField
          field="remote_ip_prefix"
          label="Remote range (CIDR)"
          hint={cidrHint(draft.ethertype)}
          error={errors.remote_ip_prefix}
        >
          <Input
            {...aria("remote_ip_prefix", errors.remote_ip_prefix)}
            spellCheck={false}
            value={draft.remote_ip_prefix}
            onChange={(e) => edit({ remote_ip_prefix: e.target.value })}
          />
        </RuleField>
        <RuleField field="port_range_min" label="Port from" hint={ports.min} error={errors.port_range_min}>
          <Input
            {...aria("port_range_min", errors.port_range_min)}
            inputMode="numeric"
            value={draft.port_range_min}
            onChange={(e) => edit({ port_range_min: e.target.value })}
          />
        </RuleField>
        <RuleField field="port_range_max" label="Port to" hint={ports.max} error={errors.port_range_max}>
          <Input
            {...aria("port_range_max", errors.port_range_max)}
            inputMode="numeric"
            value={draft.port_range_max}
            onChange={(e) => edit({ port_range_max: e.target.value })}
          />
        </RuleField>
      </div>
      {otherError && <ErrorBanner error={otherError} />}
      <div className="flex items-center gap-3">
        <Button
          type="submit"
          variant="primary"
          data-testid="rule-add"
          pending={add.isPending}
          disabled={disabledReason !== null}
          title={disabledReason ?? undefined}
        >
          {add.isPending ? "Adding…" : "Add rule"}
        </Button>
        <p className="text-xs text-fg-muted">Rules take effect within 10 minutes.</p>
      </div>
    </form>
  );
}

const TEST_IDS: Record<RuleField, string> = {
  direction: "rule-direction",
  protocol: "rule-protocol",
  ethertype: "rule-ethertype",
  remote_ip_prefix: "rule-cidr",
  port_range_min: "rule-port-min",
  port_range_max: "rule-port-max",
};

/** Ids and aria for one control; the error's test id is `rule-error-<field>`. */
function aria(field: RuleField, error: string | undefined) {
  return {
    id: `rule-${field}`,
    "data-testid": TEST_IDS[field],
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `rule-${field}-error` : `rule-${field}-hint`,
  } as const;
}

type FieldProps = { field: RuleField; label: string; hint?: string; error: string | undefined; children: ReactNode };

function RuleField({ field, label, hint, error, children }: FieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`rule-${field}`} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p
          id={`rule-${field}-error`}
          role="alert"
          data-testid={`rule-error-${field}`}
          className="text-xs font-medium text-danger"
        >
          {error}
        </p>
      ) : (
        hint && (
          <p id={`rule-${field}-hint`} className="text-xs text-fg-muted">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
