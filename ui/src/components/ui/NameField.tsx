import type { InputHTMLAttributes } from "react";
import { Field, fieldAria } from "./Field";
import { Input } from "./Input";
import { RULE_LIMITS } from "../../bindings";
import type { ResourceName } from "../../lib/useResourceName";

const NAME_MAX = RULE_LIMITS.nameMax;
const NAME_HINT = `1–${NAME_MAX} letters, digits, spaces, "-", "_" or "."`;

/** Characters as a person counts them (an emoji is one), for the "n/50" counter only. */
function nameLength(name: string): number {
  return Array.from(name).length;
}

type Props = {
  /** The input's id and test id; the error is `${id}-error`. */
  id: string;
  label?: string;
  /** The name and its checks (lib/useResourceName). */
  name: ResourceName;
  /** Where the name must be unique, for the hint: "among your images". */
  unique: string;
  placeholder?: string | undefined;
  /** The counter's test id (defaults to `${id}-counter`). */
  counterTestId?: string;
};

/**
 * A new resource's name input, focused when its dialog opens, with its live "n/50" counter
 * and its error under it (GEN-03).
 */
export function NameField({ id, label = "Name", name, unique, placeholder, counterTestId }: Props) {
  const { value, error, onChange } = name.field;
  return (
    <Field id={id} label={label} hint={`${NAME_HINT}; unique ${unique}.`} error={error}>
      <CountedNameInput
        {...fieldAria(id, error)}
        data-testid={id}
        counterTestId={counterTestId ?? `${id}-counter`}
        autoFocus
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

type CountedProps = InputHTMLAttributes<HTMLInputElement> & {
  value: string;
  counterTestId: string;
  "data-testid": string;
};

/** A name input with its live "n/50" counter inside (GEN-03): every name field of the app
 * uses this one, the wizard's VM and key names included. */
export function CountedNameInput({ value, counterTestId, className, ...input }: CountedProps) {
  const length = nameLength(value);
  return (
    <div className="relative">
      <Input {...input} autoComplete="off" spellCheck={false} value={value} className={`pr-16 ${className ?? ""}`} />
      <span
        data-testid={counterTestId}
        aria-live="polite"
        className={
          "pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs tabular-nums " +
          (length > NAME_MAX ? "text-danger" : "text-fg-muted")
        }
      >
        {length}/{NAME_MAX}
      </span>
    </div>
  );
}
