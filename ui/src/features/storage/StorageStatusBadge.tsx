import { cn } from "../../lib/cn";
import { statusLabel, storageTone, type StorageTone } from "./status";

const TONE: Record<StorageTone, { badge: string; dot: string }> = {
  success: { badge: "border-success bg-success-soft text-success", dot: "bg-success" },
  progress: { badge: "border-primary text-primary", dot: "bg-primary" },
  danger: { badge: "border-danger bg-danger-soft text-danger", dot: "bg-danger" },
  muted: { badge: "border-border text-fg-muted", dot: "bg-fg-muted" },
};

/**
 * A snapshot's or image's status: green when done, a pulsing dot while it is built (the
 * poller refreshes it), red on error (SNAP-04, IMG-05).
 */
export function StorageStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const tone = storageTone(status);
  const changing = tone === "progress";
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold",
        TONE[tone].badge,
      )}
      title={changing ? "Being built; updates on its own" : undefined}
    >
      <span aria-hidden className={cn("size-2 rounded-full", TONE[tone].dot, changing && "animate-pulse")} />
      <span data-testid={testId} aria-live={testId ? "polite" : undefined}>
        {statusLabel(status)}
      </span>
    </span>
  );
}
