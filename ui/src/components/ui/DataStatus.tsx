import { CloudOff } from "lucide-react";
import type { AppError } from "../../lib/ipc";
import { useAutoRetry } from "../../lib/autoRetry";
import { useConnection } from "../../lib/connection";
import { errorDetail } from "../../lib/notify";
import { ErrorBanner } from "./ErrorBanner";
import { formatClock } from "../../features/instances/money";

type QueryLike = {
  data: unknown;
  error: AppError | null;
  dataUpdatedAt: number;
  refetch: () => unknown;
};

/**
 * Data on screen that could not be refreshed — Barrack cannot be reached, refused the key,
 * or answered badly: it stays, as the last known, as of hh:mm.
 */
export function isStale(query: QueryLike, online: boolean): boolean {
  return query.data !== undefined && (!online || query.error !== null);
}

/**
 * Above a list: "last known data, as of hh:mm" and why, while its refresh fails (the data
 * stays), or the error with what to do when there is nothing to show.
 */
export function DataStatus({ query }: { query: QueryLike }) {
  const { online } = useConnection();
  if (isStale(query, online)) return <StaleBanner query={query} online={online} />;
  if (query.error) {
    // Nothing to show: the error, what to do and a way to try again.
    return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  }
  return null;
}

function StaleBanner({ query, online }: { query: QueryLike; online: boolean }) {
  const e = query.error;
  const offline = !online || e?.isOffline === true;
  // Tries again by itself, so it clears when the fault does; a refused key waits for a new
  // sign-in instead (it must not be sent again).
  useAutoRetry(e !== null && e.code !== "Unauthorized", () => void query.refetch());
  return (
    <div
      data-testid="stale-banner"
      role="status"
      className="flex items-start gap-2 rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm"
    >
      <CloudOff aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
      <div>
        <p>
          Last known data,{" "}
          <span data-testid="stale-marker" className="font-semibold whitespace-nowrap">
            as of {formatClock(query.dataUpdatedAt)}
          </span>
          {offline
            ? ": the API cannot be reached. It refreshes by itself when Barrack answers again."
            : e?.code === "Unauthorized"
              ? ": Barrack refused the key. It refreshes after you sign in again."
              : `: it could not be refreshed. ${e?.humanMessage ?? ""}`}
        </p>
        {!offline && e && e.code !== "Unauthorized" && (
          <p className="mt-1 text-fg-muted">
            {errorDetail(e)}{" "}
            <button type="button" onClick={() => void query.refetch()} className="font-medium text-primary underline">
              Try again
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
