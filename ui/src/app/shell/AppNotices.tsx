import { Info, X } from "lucide-react";
import type { AppNoticeKind } from "../../bindings";
import { cutServerText } from "../../lib/notify";
import { useAppNotices } from "./useAppNotices";

/** A title for each kind; the backend's message says the details (where the file went…). */
const TITLES: Record<AppNoticeKind, string> = {
  SettingsDamaged: "Your settings file could not be read",
  TimersFiredLate: "Hibernate timers fired late",
  ClosedToTray: "Barrack Desktop keeps running in the tray",
  TrayUnavailable: "No system tray: the window was minimized",
  DeepLinkRefused: "A barrack:// link was not opened",
  UpdateAvailable: "A new version of Barrack Desktop is available",
};

/** Things the app tells once, at the top of the window, each until dismissed. */
export function AppNotices() {
  const { notices, dismiss } = useAppNotices();
  if (notices.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 border-b border-warning bg-warning-soft px-4 py-2">
      {notices.map((n) => (
        <div
          key={n.id}
          data-testid="app-notice"
          data-kind={n.kind}
          role="status"
          className="flex items-start gap-3 text-sm"
        >
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
          <p className="flex-1">
            <span className="font-semibold">{TITLES[n.kind] ?? "Note"}.</span> {cutServerText(n.message, 600)}
          </p>
          <button
            type="button"
            data-testid="app-notice-dismiss"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
            className="rounded p-0.5 text-fg-muted hover:bg-surface-2 hover:text-fg"
          >
            <X aria-hidden className="size-4" />
          </button>
        </div>
      ))}
    </div>
  );
}
