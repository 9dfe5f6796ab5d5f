import type { ReactNode } from "react";
import { cn } from "../../lib/cn";
import { fieldDomId } from "./wizard";

type Props = {
  /** The wizard's field id: the group's DOM id is `fieldDomId(field)` (focused when at fault). */
  field: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactNode;
};

/**
 * A set of choice buttons with its legend and error. The group itself takes focus when the
 * wizard refuses the step (a choice may be disabled), so Tab then goes into the choices.
 */
export function ChoiceGroup({ field, legend, hint, error, className, children }: Props) {
  const id = fieldDomId(field);
  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div
        id={id}
        tabIndex={-1}
        role="group"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={cn("rounded-md", className)}
      >
        {children}
      </div>
      {hint && !error && (
        <div id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" data-testid={`${id}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A toggle-like choice: a real button, pressed when chosen, with a visible chosen state. */
export function choiceClass(selected: boolean, extra?: string) {
  return cn(
    "rounded-md border px-3 py-2 text-left text-sm transition-colors disabled:cursor-not-allowed disabled:opacity-50",
    selected ? "border-primary bg-primary/10 ring-1 ring-primary" : "border-border bg-surface hover:bg-surface-2",
    extra,
  );
}
