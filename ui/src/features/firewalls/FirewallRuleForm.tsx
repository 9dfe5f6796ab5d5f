import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { withoutFieldPrefix } from "../settings/preferences";
import { Button } from "../../components/ui/Button";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import type { AppError } from "../../lib/ipc";
import { useCheck, useCheckNow } from "../../lib/useCheck";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { securityRuleCheck } from "../instances/checks";
import {
  EMPTY_RULE,
  RULE_FIELDS,
  ruleErrors,
  type RuleDraft,
  type RuleErrors,
  type RuleField,
} from "../instances/ruleForm";
import { useAddFirewallRule } from "./mutations";
import type { Firewall } from "./queries";
import { useFirewallProtocols } from "./queries";
import { RULE_EXAMPLES } from "./ruleExamples";
import { RuleFields } from "./RuleFields";

/**
 * Adds a rule to a firewall (FW-10…13). Rust checks it against the firewall's rules (a
 * duplicate or covered rule is refused at its field); what is sent is the answer's request.
 * The protocols are the server's (FW-13) once known; ports only for the protocols with ports.
 */
export function FirewallRuleForm({ firewall }: { firewall: Firewall }) {
  const add = useAddFirewallRule(firewall.id);
  const protocols = useFirewallProtocols().data;
  const guard = useSubmitGuard();
  const checkNow = useCheckNow();
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<RuleErrors | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);
  const existing = firewall.rules.map(({ direction, protocol, ethertype, remote_ip_prefix, ...ports }) => ({
    direction,
    protocol,
    ethertype,
    remote_ip_prefix,
    port_range_min: ports.port_range_min ?? null,
    port_range_max: ports.port_range_max ?? null,
  }));
  const form = { ...draft, existing };
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
      if (!value) return;
      try {
        await add.mutateAsync(value);
        toast.success(`Rule added to ${firewall.name}`);
        setDraft((d) => ({ ...d, remote_ip_prefix: "", port_range_min: "", port_range_max: "" }));
        setSubmitted(false);
      } catch (err) {
        const field = (err as AppError).field as RuleField | undefined;
        if (field && RULE_FIELDS.includes(field))
          setServerErrors({ [field]: withoutFieldPrefix((err as AppError).serverMessage, field) });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Add a firewall rule">
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="rule-examples">
        <span className="text-fg-muted">Examples:</span>
        {RULE_EXAMPLES.map((ex) => (
          <Button key={ex.label} data-testid={`rule-example-${ex.label}`} onClick={() => edit(ex.patch)}>
            {ex.label}
          </Button>
        ))}
      </div>
      <RuleFields
        draft={draft}
        errors={errors}
        onEdit={edit}
        idOf={(f) => `fw-rule-${f}`}
        errorTestIdOf={(f) => `rule-error-${f}`}
        portsFollowProtocol
        protocols={protocols}
      />
      {otherError && <ErrorBanner error={otherError} />}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" data-testid="rule-add" pending={add.isPending}>
          {add.isPending ? "Adding…" : "Add Rule"}
        </Button>
        <p data-testid="rule-delay-note" className="text-xs text-fg-muted">
          Rules can take up to 10 minutes to take effect; connectivity may look limited until then.
        </p>
      </div>
    </form>
  );
}
