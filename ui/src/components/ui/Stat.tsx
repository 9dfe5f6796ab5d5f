import type { ReactNode } from "react";

/** One figure of a page's statistics row. */
export function Stat({
  label,
  value,
  testId,
  hint,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  hint?: string;
}) {
  return (
    <div className="rounded-lg border border-border bg-surface px-4 py-3" title={hint}>
      <p className="text-xs text-fg-muted">{label}</p>
      <p data-testid={testId} className="mt-1 text-lg font-semibold tabular-nums">
        {value}
      </p>
    </div>
  );
}
