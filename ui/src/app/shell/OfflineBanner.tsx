import { WifiOff } from "lucide-react";
import { humanMessage } from "../../lib/ipc";
import { useConnection } from "../../lib/connection";
import { cutServerText } from "../../lib/notify";
import { ShellBanner } from "./ShellBanner";

/** Shown while Barrack cannot be reached; pages keep their last data meanwhile. */
export function OfflineBanner() {
  const { online, message } = useConnection();
  if (online) return null;
  return (
    <ShellBanner testId="offline-banner" tone="warning" icon={WifiOff}>
      <p>
        <span className="font-semibold">Offline.</span> {humanMessage("Network")}
        {message && <span className="text-fg-muted"> ({cutServerText(message)})</span>}
      </p>
    </ShellBanner>
  );
}
