import { CloudOff } from "lucide-react";
import type { AppError } from "../../api";
import { useConnection } from "../../connection";
import { ErrorBanner } from "./ErrorBanner";
import { formatClock } from "./money";

type QueryLike = {
  data: unknown;
  error: AppError | null;
  dataUpdatedAt: number;
  refetch: () => unknown;
};

/** Data on screen, but Barrack cannot be reached: it is the last known, from hh:mm. */
export function isStale(query: QueryLike, online: boolean): boolean {
  return query.data !== undefined && (!online || query.error?.isOffline === true);
}

/**
 * Above a list: "last updated hh:mm, the API cannot be reached" while offline with data
 * (the data stays), or the error with what to do when there is nothing to show.
 */
export function DataStatus({ query }: { query: QueryLike }) {
  const { online } = useConnection();
  if (isStale(query, online)) {
    return (
      <div
        data-testid="stale-banner"
        role="status"
        className="flex items-center gap-2 rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm"
      >
        <CloudOff aria-hidden className="size-4 shrink-0 text-warning" />
        <span>
          Last updated {formatClock(query.dataUpdatedAt)}, the API cannot be reached. Showing the last known data; it
          refreshes when Barrack answers again.
        </span>
      </div>
    );
  }
  if (query.error) {
    // Nothing to show, or the last refresh failed for another reason than being offline.
    return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  }
  return null;
}
