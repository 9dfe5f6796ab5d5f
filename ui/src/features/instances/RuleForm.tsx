import { useState, type FormEvent } from "react";
import { withoutFieldPrefix } from "../settings/preferences";
import { Button } from "../../components/ui/Button";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import type { AppError } from "../../lib/ipc";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { securityRuleCheck } from "./checks";
import { useAddSecurityRule } from "./mutations";
import { RuleFields } from "../firewalls/RuleFields";
import { EMPTY_RULE, RULE_FIELDS, ruleErrors, type RuleDraft, type RuleErrors, type RuleField } from "./ruleForm";
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

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Add a security rule">
      <RuleFields
        draft={draft}
        errors={errors}
        onEdit={edit}
        idOf={(f) => `rule-${f}`}
        errorTestIdOf={(f) => `rule-error-${f}`}
      />
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
