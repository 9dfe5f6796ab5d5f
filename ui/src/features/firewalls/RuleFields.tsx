// The fields of one security rule — direction, protocol, IP version (ethertype), remote
// range (CIDR) and ports — as the VM's rule form (instances/RuleForm.tsx), the deploy
// wizard's rule editor (deploy/SecurityRulesEditor.tsx) and a firewall's rules show them.
// Only the markup: what is valid is Rust's (instances/checks.ts), and each form keeps its
// own state, when errors show and how the rule is sent.

import type { ChangeEvent, FocusEvent } from "react";
import { RULE_CHOICES } from "../../bindings";
import { Field, fieldAria } from "../../components/ui/Field";
import { Input, Select } from "../../components/ui/Input";
import {
  cidrHint,
  directionLabel,
  portHints,
  takesPorts,
  type RuleDraft,
  type RuleErrors,
  type RuleField,
} from "../instances/ruleForm";

/** The test id of each field's control, the same in every rule form. */
export const RULE_TEST_IDS: Record<RuleField, string> = {
  direction: "rule-direction",
  protocol: "rule-protocol",
  ethertype: "rule-ethertype",
  remote_ip_prefix: "rule-cidr",
  port_range_min: "rule-port-min",
  port_range_max: "rule-port-max",
};

type Props = {
  draft: RuleDraft;
  /** The errors to show now, by field. */
  errors: RuleErrors;
  onEdit: (patch: Partial<RuleDraft>) => void;
  /** The DOM id of a field's control (focus and the label point at it). */
  idOf: (field: RuleField) => string;
  /** The test id of a field's error; by default `<id>-error`. */
  errorTestIdOf?: (field: RuleField) => string;
  /** Called when a typed field is left. */
  onLeave?: (field: RuleField) => (e: FocusEvent) => void;
  /** A protocol without ports clears the port fields and disables them. */
  portsFollowProtocol?: boolean;
  /** The protocols offered, as the server lists them (FW-13); by default Rust's choices. */
  protocols?: readonly { value: string; name: string }[] | undefined;
};

export function RuleFields({
  draft,
  errors,
  onEdit,
  idOf,
  errorTestIdOf,
  onLeave,
  portsFollowProtocol,
  protocols,
}: Props) {
  const hints = portHints(draft.protocol);
  const portsOff = portsFollowProtocol === true && !takesPorts(draft.protocol);
  const field = (f: RuleField) => ({ id: idOf(f), error: errors[f], errorTestId: errorTestIdOf?.(f) });
  // A control tied to its field, showing and editing the draft's value.
  const control = (f: RuleField) => ({
    ...fieldAria(idOf(f), errors[f]),
    "data-testid": RULE_TEST_IDS[f],
    value: draft[f],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onEdit({ [f]: e.target.value }),
  });
  const typed = (f: RuleField) => ({ ...control(f), onBlur: onLeave?.(f) });
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field {...field("direction")} label="Direction">
          <Select {...control("direction")}>
            {RULE_CHOICES.directions.map((d) => (
              <option key={d} value={d}>
                {directionLabel(d)}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...field("protocol")} label="Protocol">
          <Select
            {...control("protocol")}
            onChange={(e) => {
              const protocol = e.target.value;
              // A protocol without ports: clear them rather than leave values that would be refused.
              const clear = portsFollowProtocol === true && !takesPorts(protocol);
              onEdit(clear ? { protocol, port_range_min: "", port_range_max: "" } : { protocol });
            }}
          >
            {(protocols ?? RULE_CHOICES.protocols.map((p) => ({ value: p, name: p.toUpperCase() }))).map((p) => (
              <option key={p.value} value={p.value}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...field("ethertype")} label="IP version">
          <Select {...control("ethertype")}>
            {RULE_CHOICES.ethertypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <Field {...field("remote_ip_prefix")} label="Remote range (CIDR)" hint={cidrHint(draft.ethertype)}>
          <Input {...typed("remote_ip_prefix")} spellCheck={false} autoComplete="off" />
        </Field>
        <Field {...field("port_range_min")} label="Port from" hint={hints.min}>
          <Input {...typed("port_range_min")} inputMode="numeric" disabled={portsOff} />
        </Field>
        <Field {...field("port_range_max")} label="Port to" hint={hints.max}>
          <Input {...typed("port_range_max")} inputMode="numeric" disabled={portsOff} />
        </Field>
      </div>
    </>
  );
}
