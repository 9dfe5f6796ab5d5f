import { FlaskConical } from "lucide-react";
import { useSettings } from "../settings/queries";
import { useSession, useStartSandbox, type Session } from "./session";
import { useStartupSessionError } from "../../lib/events";
import { errorDetail } from "../../lib/notify";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { SignInForm } from "./SignInForm";

type Props = {
  /** A profile to sign in to again (its key was removed); otherwise a name is suggested. */
  profile?: string;
  /** Shown when adding an account while signed in: go back without signing in. */
  onCancel?: () => void;
  onSignedIn?: (session: Session) => void;
};

/** A profile name not yet used, so adding an account never replaces another's key. */
function freeProfileName(used: string[]): string {
  if (!used.includes("default")) return "default";
  for (let n = 2; ; n++) if (!used.includes(`account-${n}`)) return `account-${n}`;
}

export function SignInScreen({ profile, onCancel, onSignedIn }: Props) {
  const settings = useSettings();
  // Whether this build has the sandbox inside (the backend's `sandbox` cargo feature).
  const sandboxBuiltIn = useSession().data?.sandboxBuiltIn === true;
  const startupError = useStartupSessionError();
  const used = settings.data?.profiles.map((p) => p.name) ?? [];
  const initialProfile = profile ?? (onCancel ? freeProfileName(used) : "default");
  const saved = profile ? settings.data?.profiles.find((p) => p.name === profile) : undefined;

  return (
    <main data-testid="signin" className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-md">
        <h1 className="text-2xl font-semibold">Barrack Desktop</h1>
        <p className="mt-1 mb-6 text-sm text-fg-muted">
          {onCancel ? "Add another Barrack account." : "Sign in with a Barrack API key."}
        </p>
        {startupError && !onCancel && (
          <div className="mb-4">
            <Alert tone="warning" title={`Your saved session could not be restored. ${startupError.humanMessage}`}>
              {errorDetail(startupError)}
            </Alert>
          </div>
        )}
        <div className="rounded-lg border border-border bg-surface p-5">
          {/* Rendered once the profile list is known, so the suggested name is right. */}
          {(!settings.isPending || (!onCancel && !profile)) && (
            <SignInForm
              key={initialProfile}
              initialProfile={initialProfile}
              initialBaseUrl={saved?.baseUrl}
              initialAuthScheme={saved?.authScheme}
              onSignedIn={onSignedIn}
            />
          )}
        </div>
        {onCancel ? (
          <Button variant="ghost" className="mt-4 w-full" onClick={onCancel}>
            Cancel
          </Button>
        ) : (
          sandboxBuiltIn && <ExploreSandbox onSignedIn={onSignedIn} />
        )}
      </div>
    </main>
  );
}

/** No account needed: the app's own emulator with a seeded account. */
function ExploreSandbox({ onSignedIn }: { onSignedIn?: (session: Session) => void }) {
  const sandbox = useStartSandbox();
  return (
    <div className="mt-6 flex flex-col gap-3">
      <div className="flex items-center gap-3 text-xs text-fg-muted">
        <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
      </div>
      <Button
        data-testid="explore-sandbox"
        variant="secondary"
        className="w-full border-2 py-3 text-base"
        pending={sandbox.isPending}
        onClick={() => sandbox.mutate(undefined, { onSuccess: (s) => onSignedIn?.(s) })}
      >
        <FlaskConical aria-hidden className="size-5" />
        {sandbox.isPending ? "Starting the sandbox…" : "Explore the sandbox"}
      </Button>
      <p className="text-center text-xs text-fg-muted">
        No account needed: a local copy of Barrack with a demo balance, VMs and storage. Nothing is billed.
      </p>
      {sandbox.error && <Alert title={sandbox.error.humanMessage}>{errorDetail(sandbox.error)}</Alert>}
    </div>
  );
}
