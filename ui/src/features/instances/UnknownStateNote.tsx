import { cn } from "../../lib/cn";

/** Said wherever an unknown state's rate is shown: the figure is the full rate, on purpose. */
export const UNKNOWN_STATE_NOTE = "state not known to this app — counted as running";

/**
 * A VM in a state this app does not know (a newer API): its money figures count it at the
 * full rate, so an unknown state never under-reports spending. `compact` fits a table cell
 * (the whole sentence is its tooltip).
 */
export function UnknownStateNote({ compact = false }: { compact?: boolean }) {
  return (
    <span
      data-testid="unknown-state-note"
      title={UNKNOWN_STATE_NOTE}
      className={cn("text-warning", compact ? "block truncate text-[10px] leading-tight" : "block text-sm font-medium")}
    >
      {compact ? "counted as running" : `${UNKNOWN_STATE_NOTE[0]!.toUpperCase()}${UNKNOWN_STATE_NOTE.slice(1)}.`}
    </span>
  );
}
