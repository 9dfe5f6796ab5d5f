import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useSession } from "../features/account/session";
import { useSettings } from "../features/settings/queries";
import { AccountFlowContext } from "./shell/AccountFlow";
import { AppNotices } from "./shell/AppNotices";
import { AppShell } from "./shell/AppShell";
import { QuitDialog } from "./shell/QuitDialog";
import { TrayActionDialog } from "./shell/TrayActionDialog";
import { Alert } from "../components/ui/Alert";
import { Button } from "../components/ui/Button";
import { errorDetail } from "../lib/notify";
import { useThemeFromSettings } from "../lib/theme";
import { markStart } from "../lib/startMarks";

/** The query client and the toasts; the router is the caller's (hash in the app, memory in tests). */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      {children}
      <ThemedToaster />
    </QueryClientProvider>
  );
}

const ToasterHost = lazy(() => import("./shell/ToasterHost").then((m) => ({ default: m.ToasterHost })));

function ThemedToaster() {
  const theme = useSettings().data?.theme ?? "system";
  return (
    <Suspense fallback={null}>
      <ToasterHost theme={theme} />
    </Suspense>
  );
}

/**
 * The backend's notices above whatever is shown, and the quit confirmation, signed in or
 * not (a damaged settings file is said before any sign-in).
 */
export function Root() {
  return (
    <div className="flex h-full flex-col">
      <AppNotices />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SessionRoot />
      </div>
      <QuitDialog />
      <TrayActionDialog />
    </div>
  );
}

// Only shown signed out: loaded then (a signed-in start does not load it).
const SignInScreen = lazy(() => import("../features/account/SignInScreen").then((m) => ({ default: m.SignInScreen })));

/** Signed out (or adding an account): the sign-in screen. Signed in: the app. */
function SessionRoot() {
  useThemeFromSettings();
  const session = useSession();
  const [adding, setAdding] = useState<{ profile?: string } | null>(null);
  const flow = useMemo(() => ({ addAccount: (profile?: string) => setAdding({ profile }) }), []);

  if (session.isPending) {
    markStart("starting-shown");
    return <p className="p-6 text-sm text-fg-muted">Starting…</p>;
  }
  if (session.isError) {
    return (
      <div className="mx-auto max-w-md p-6">
        <Alert title={session.error.humanMessage}>{errorDetail(session.error)}</Alert>
        <Button className="mt-4" onClick={() => void session.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (!session.data.signedIn) {
    return (
      <Suspense fallback={null}>
        <SignInScreen profile={adding?.profile} onSignedIn={() => setAdding(null)} />
      </Suspense>
    );
  }
  if (adding) {
    return (
      <Suspense fallback={null}>
        <SignInScreen profile={adding.profile} onCancel={() => setAdding(null)} onSignedIn={() => setAdding(null)} />
      </Suspense>
    );
  }
  markStart("session-render");
  return (
    <AccountFlowContext.Provider value={flow}>
      <AppShell />
    </AccountFlowContext.Provider>
  );
}
