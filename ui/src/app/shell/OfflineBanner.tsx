import { WifiOff } from "lucide-react";
import { humanMessage } from "../../lib/ipc";
import { useConnection } from "../../lib/connection";
import { cutServerText } from "../../lib/notify";

/** Shown while Barrack cannot be reached; pages keep their last data meanwhile. */
export function OfflineBanner() {
  const { online, message } = useConnection();
  if (online) return null;
  return (
    <div
      data-testid="offline-banner"
      role="status"
      className="flex items-center gap-3 border-b border-warning bg-warning-soft px-4 py-2 text-sm"
    >
      <WifiOff aria-hidden className="size-4 shrink-0 text-warning" />
      <p>
        <span className="font-semibold">Offline.</span> {humanMessage("Network")}
        {message && <span className="text-fg-muted"> ({cutServerText(message)})</span>}
      </p>
    </div>
  );
}
