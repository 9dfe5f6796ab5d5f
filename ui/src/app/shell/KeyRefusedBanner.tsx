import { KeyRound } from "lucide-react";
import { useSession } from "../../features/account/session";
import { useKeyRefusal } from "../../features/account/keyRefusal";
import { cutServerText } from "../../lib/notify";
import { Button } from "../../components/ui/Button";
import { useAccountFlow } from "./AccountFlow";
import { ShellBanner } from "./ShellBanner";

/** The profile whose key Barrack refused, from the event/command store or the session. */
function useRefusedProfile(): { profile: string; message: string | null } | null {
  const refused = useKeyRefusal();
  const session = useSession().data;
  if (refused) return refused;
  if (session?.signedIn && session.keyRefused && session.profile) return { profile: session.profile, message: null };
  return null;
}

/**
 * Stays until a new sign-in: the key of the signed-in profile was refused (revoked or
 * expired). Polling with it has stopped; the last data stays on screen.
 */
export function KeyRefusedBanner() {
  const refused = useRefusedProfile();
  const { addAccount } = useAccountFlow();
  if (!refused) return null;
  return (
    <ShellBanner testId="key-refused-banner" tone="danger" icon={KeyRound}>
      <p className="flex-1">
        <span className="font-semibold">The key for {refused.profile} was refused — sign in again.</span>{" "}
        <span className="text-fg-muted">
          The data below is the last known.{refused.message ? ` (${cutServerText(refused.message)})` : ""}
        </span>
      </p>
      <Button variant="primary" data-testid="key-refused-sign-in" onClick={() => addAccount(refused.profile)}>
        Sign in
      </Button>
    </ShellBanner>
  );
}
