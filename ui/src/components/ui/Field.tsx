import type { InputHTMLAttributes, ReactNode } from "react";
import { Input } from "./Input";

type Props = {
  /** The id of the control, so the label and messages point at it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The error about this field (shown under it, in red). */
  error?: string | null;
  /** The error's test id is `<testId>-error`; by default the id's (when the DOM id, which
   * focus needs, differs from the name tests use). */
  testId?: string;
  /** The error's own test id, where it does not follow `<testId>-error`. */
  errorTestId?: string;
  children: ReactNode;
};

/** A labelled control with its hint and its error. */
export function Field({ id, label, hint, error, testId = id, errorTestId = `${testId}-error`, children }: Props) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error && (
        <div id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" data-testid={errorTestId} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria props a control needs to be tied to its Field's hint and error. */
export function fieldAria(id: string, error?: string | null) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : `${id}-hint`,
  } as const;
}

/** An optional free-text description: its id is its test id. */
export function DescriptionField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  /** The backend's refusal of it (e.g. too long), where there is a rule. */
  error?: string | null;
}) {
  return (
    <Field id={id} label="Description (optional)" error={error}>
      <textarea
        {...fieldAria(id, error)}
        data-testid={id}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
      />
    </Field>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> & {
  /** The input's id and test id. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
};

/** A one-line input in its Field; other props go to the input. */
export function TextField({ id, label, hint, error, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input
        {...fieldAria(id, error)}
        data-testid={id}
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
