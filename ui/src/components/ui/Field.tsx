import type { ReactNode } from "react";

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
  children: ReactNode;
};

/** A labelled control with its hint and its error. */
export function Field({ id, label, hint, error, testId = id, children }: Props) {
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
        <p id={`${id}-error`} role="alert" data-testid={`${testId}-error`} className="text-xs font-medium text-danger">
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
