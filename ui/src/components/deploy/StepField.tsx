import type { ReactNode } from "react";

type Props = {
  /** The control's DOM id (`fieldDomId(field)`), which the wizard focuses when the field is at fault. */
  id: string;
  /** The test id of the control; the error's is `<testId>-error`. */
  testId: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
};

/**
 * ui/Field, for wizard fields whose DOM id (a camelCase field id, `deploy-cloudInit`) and
 * test id (`deploy-cloud-init`) differ: the error is tied to the id and tested by the test id.
 */
export function StepField({ id, testId, label, hint, error, children }: Props) {
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
