import { Field, fieldAria } from "./Field";
import { Input } from "./Input";
import { RULE_LIMITS } from "../../bindings";

const NAME_MAX = RULE_LIMITS.nameMax;

/** Characters as a person counts them (an emoji is one), for the "n/50" counter only. */
function nameLength(name: string): number {
  return Array.from(name).length;
}

type Props = {
  /** The input's id and test id; the error is `${id}-error`. */
  id: string;
  label: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  hint: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** The counter's test id (defaults to `${id}-counter`). */
  counterTestId?: string;
};

/** A name input with its live "n/50" counter and its error under it (GEN-03). */
export function NameField({ id, label, value, error, onChange, hint, placeholder, autoFocus, counterTestId }: Props) {
  const length = nameLength(value);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="relative">
        <Input
          {...fieldAria(id, error)}
          data-testid={id}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          className="pr-16"
        />
        <span
          data-testid={counterTestId ?? `${id}-counter`}
          className={
            "pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs tabular-nums " +
            (length > NAME_MAX ? "text-danger" : "text-fg-muted")
          }
        >
          {length}/{NAME_MAX}
        </span>
      </div>
    </Field>
  );
}

export const NAME_HINT = `1–${NAME_MAX} letters, digits, spaces, "-", "_" or "."`;
