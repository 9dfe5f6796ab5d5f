import { useMemo, useState, type ReactNode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { Toaster } from "sonner";
import { useSession } from "../features/account/session";
import { useSettings } from "../features/settings/queries";
import { AccountFlowContext } from "./shell/AccountFlow";
import { AppNotices } from "./shell/AppNotices";
import { AppShell } from "./shell/AppShell";
import { QuitDialog } from "./shell/QuitDialog";
import { TrayActionDialog } from "./shell/TrayActionDialog";
import { SignInScreen } from "../features/account/SignInScreen";
import { Alert } from "../components/ui/Alert";
import { Button } from "../components/ui/Button";
import { errorDetail } from "../lib/notify";
import { useThemeFromSettings } from "../lib/theme";

/** The query client and the toasts; the router is the caller's (hash in the app, memory in tests). */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      {children}
      <ThemedToaster />
    </QueryClientProvider>
  );
}

function ThemedToaster() {
  const theme = useSettings().data?.theme ?? "system";
  return <Toaster theme={theme} position="bottom-right" richColors closeButton duration={8000} />;
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

/** Signed out (or adding an account): the sign-in screen. Signed in: the app. */
function SessionRoot() {
  useThemeFromSettings();
  const session = useSession();
  const [adding, setAdding] = useState<{ profile?: string } | null>(null);
  const flow = useMemo(() => ({ addAccount: (profile?: string) => setAdding({ profile }) }), []);

  if (session.isPending) {
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
    return <SignInScreen profile={adding?.profile} onSignedIn={() => setAdding(null)} />;
  }
  if (adding) {
    return (
      <SignInScreen profile={adding.profile} onCancel={() => setAdding(null)} onSignedIn={() => setAdding(null)} />
    );
  }
  return (
    <AccountFlowContext.Provider value={flow}>
      <AppShell />
    </AccountFlowContext.Provider>
  );
}
