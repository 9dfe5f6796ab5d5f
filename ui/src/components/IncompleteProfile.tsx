import { ExternalLink } from "lucide-react";
import { ACCOUNT_URL, openBarrackPage } from "../lib/barrackSite";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";

/**
 * Why a creation is blocked before anything is sent (ACCT-04, SNAP-06, VOL-10): Barrack
 * refuses it while the profile lacks an address line, postal code or country, which are
 * edited on barrack.ai (the app has no account form), so the way there is offered.
 */
export function IncompleteProfile({ what, testId }: { what: string; testId: string }) {
  return (
    <Alert tone="warning" testId={testId} title="Your Barrack profile is incomplete">
      <p>
        Barrack refuses {what} until My Account on barrack.ai has your address line, postal code and country, so the app
        does not send them.
      </p>
      <Button
        variant="secondary"
        className="mt-2"
        data-testid={`${testId}-open`}
        onClick={() => void openBarrackPage(ACCOUNT_URL)}
      >
        <ExternalLink aria-hidden className="size-4" />
        Complete it on barrack.ai
      </Button>
    </Alert>
  );
}
