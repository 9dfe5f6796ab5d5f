import type { ReactNode } from "react";
import { cn } from "../../lib/cn";
import type { AppError } from "../../lib/ipc";
import { errorDetail } from "../../lib/notify";

type Props = { tone?: "danger" | "warning"; title: ReactNode; children?: ReactNode; testId?: string };

/** A message in the page flow (not a toast): a refused key, a blocked action. */
export function Alert({ tone = "danger", title, children, testId }: Props) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        tone === "danger" ? "border-danger bg-danger-soft" : "border-warning bg-warning-soft",
      )}
    >
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-fg-muted">{children}</div>}
    </div>
  );
}

/** An error the user can act on: what went wrong, then the detail. */
export function ErrorAlert({ error, testId }: { error: AppError; testId?: string }) {
  return (
    <Alert testId={testId} title={error.humanMessage}>
      {errorDetail(error)}
    </Alert>
  );
}
