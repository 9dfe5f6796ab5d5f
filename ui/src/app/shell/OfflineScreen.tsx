import { useCallback, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw, WifiOff } from "lucide-react";
import { AUTO_RETRY, useAutoRetry } from "../../lib/autoRetry";
import { cutServerText } from "../../lib/notify";
import { formatClock } from "../../features/instances/money";
import { Button } from "../../components/ui/Button";
import { Link } from "react-router";
import { pagePath } from "../pages";

/**
 * Barrack could not be reached and nothing was loaded yet: what is wrong, and tries
 * again by itself (the failed reads), so the app recovers without a click.
 */
export function OfflineScreen({ message }: { message: string | null }) {
  const qc = useQueryClient();
  const [lastTry, setLastTry] = useState<number | null>(null);

  const retry = useCallback(() => {
    setLastTry(Date.now());
    void qc.refetchQueries({ predicate: (q) => !q.meta?.local && q.state.status === "error" });
  }, [qc]);

  useAutoRetry(true, retry);

  const every = Math.max(1, Math.round(AUTO_RETRY.everyMs / 1000));
  return (
    <section
      data-testid="offline-screen"
      role="alert"
      className="mx-auto mt-16 flex max-w-lg flex-col items-center gap-4 text-center"
    >
      <WifiOff aria-hidden className="size-10 text-warning" />
      <h1 className="text-xl font-semibold">Barrack cannot be reached</h1>
      <p className="text-sm">
        Nothing could be loaded yet. Check your internet connection, and that this account's base URL is right.
      </p>
      {message && (
        <p data-testid="offline-reason" className="text-sm text-fg-muted">
          {cutServerText(message)}
        </p>
      )}
      <p className="flex items-center gap-2 text-sm text-fg-muted" aria-live="polite">
        <RefreshCw aria-hidden className="size-4 animate-spin [animation-duration:3s]" />
        Trying again every {every} seconds{lastTry !== null ? ` · last try ${formatClock(lastTry)}` : ""}.
      </p>
      <div className="flex items-center gap-3">
        <Button data-testid="offline-retry" onClick={retry}>
          Try now
        </Button>
        <Link to={pagePath("settings")} className="text-sm font-medium text-primary underline">
          Check the account in Settings
        </Link>
      </div>
    </section>
  );
}
