import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../../lib/cn";

type Props = {
  testId: string;
  /** `warning` for a state that passes by itself (offline), `danger` for one that needs the user. */
  tone: "warning" | "danger";
  icon: LucideIcon;
  children: ReactNode;
};

/** A full-width notice under the header, above every page, while the app is in a degraded state. */
export function ShellBanner({ testId, tone, icon: Icon, children }: Props) {
  return (
    <div
      data-testid={testId}
      role={tone === "danger" ? "alert" : "status"}
      className={cn(
        "flex items-center gap-3 border-b px-4 py-2 text-sm",
        tone === "danger" ? "border-danger bg-danger-soft" : "border-warning bg-warning-soft",
      )}
    >
      <Icon aria-hidden className={cn("size-4 shrink-0", tone === "danger" ? "text-danger" : "text-warning")} />
      {children}
    </div>
  );
}
