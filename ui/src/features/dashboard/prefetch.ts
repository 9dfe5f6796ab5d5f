// The dashboard's data, asked for by app/startEarly.ts as the bundle began to run, is put
// under the dashboard's query key before React renders: the page's own query
// (useAccountOverview, same key) then finds the answer under way instead of asking again.
// The overview carries the balance too (the same facts): put in the balance query when that
// has nothing newer, the header shows it without a request of its own.

import type { QueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { balanceOfOverview } from "../../app/lastKnown/seed";
import { takeEarly } from "../../lib/early";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import { vmKeys } from "../instances/queries";

/**
 * Once, at start; nothing when the window did not open on the dashboard. The promise settles
 * once the answer is in the caches (never rejects); undefined when nothing was asked.
 */
export function prefetchDashboardAtStart(qc: QueryClient): Promise<void> | undefined {
  let early = takeEarly("accountOverview");
  if (early === undefined) return undefined;
  // (Asked as the bundle began to run, a few milliseconds before.)
  const askedAt = Date.now();
  return qc.prefetchQuery({
    queryKey: vmKeys.account,
    // The early answer serves the first fetch only: a retry of this query (the API was
    // down at start) asks again, never gets the same failure back.
    queryFn: async ({ signal }) => {
      const answer = early ?? commands.accountOverview();
      early = undefined;
      const overview = await call(answer);
      // Not into another session's caches (a switch meanwhile removed this query), and
      // never over a balance newer than this answer's question (a poller's patch, the
      // header's own answer): a last-known one, dated when it was saved, is replaced.
      const balance = qc.getQueryState(keys.balance);
      if (!signal.aborted && (balance?.data === undefined || balance.dataUpdatedAt < askedAt)) {
        qc.setQueryData(keys.balance, balanceOfOverview(overview));
      }
      return overview;
    },
    // Signed out, it answers NotSignedIn: not shown (the sign-in screen is).
    meta: { quiet: true },
  });
}
