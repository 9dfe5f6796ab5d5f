import { cn } from "../../lib/cn";
import {
  isKnownStatus,
  isTransitional,
  normalizeStatus,
  statusTone,
  type StatusTone,
} from "../../features/instances/status";

const TONE: Record<StatusTone, { badge: string; dot: string }> = {
  success: { badge: "border-success bg-success-soft text-success", dot: "bg-success" },
  progress: { badge: "border-primary text-primary", dot: "bg-primary" },
  warning: { badge: "border-warning bg-warning-soft text-warning", dot: "bg-warning" },
  danger: { badge: "border-danger bg-danger-soft text-danger", dot: "bg-danger" },
  muted: { badge: "border-border text-fg-muted", dot: "bg-fg-muted" },
};

/** The VM's state as a coloured badge (VM-03); the dot pulses while it is changing (DASH-03). */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const tone = TONE[statusTone(status)];
  const changing = isTransitional(status);
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold",
        tone.badge,
      )}
      title={changing ? "Changing state; updates on its own" : undefined}
    >
      <span aria-hidden className={cn("size-2 rounded-full", tone.dot, changing && "animate-pulse")} />
      <span data-testid={testId} aria-live={testId ? "polite" : undefined}>
        {/* A state this app does not know is shown exactly as the API wrote it. */}
        {isKnownStatus(status) ? normalizeStatus(status) : status.trim() || "UNKNOWN"}
      </span>
    </span>
  );
}
