// The last-known state (what the profile showed last, kept by the backend) put into the
// caches the header, the dashboard and the instances list read, before their first answers:
// painted at once, dated at the time it was fetched, and fetched again at once.

import type { QueryClient } from "@tanstack/react-query";
import type { LastKnown_Serialize } from "../../bindings";
import type { CreditBalance } from "../../features/billing/balance";
import { vmKeys, type AccountOverview, type InstancesOverview } from "../../features/instances/queries";
import { keys } from "../../lib/queryClient";

export type LastKnown = LastKnown_Serialize;

/** The balance an overview carries, as the balance query holds it (the same facts). */
export function balanceOfOverview(o: AccountOverview): CreditBalance {
  return {
    success: true,
    message: null,
    account_id: o.accountId,
    currency: o.currency,
    balances: o.balances,
    profile_complete: o.profileComplete,
    request_id: null,
  };
}

/** The caches painted from it, with what each holds: all derived from the one overview. */
function seeds(o: AccountOverview): [readonly unknown[], unknown][] {
  const balance = balanceOfOverview(o);
  const instances: InstancesOverview = { currency: o.currency, rows: o.instances };
  return [
    [keys.balance, balance],
    [vmKeys.account, o],
    [vmKeys.overview, instances],
  ];
}

/** When it was fetched, in milliseconds (0 when unreadable). */
export function savedAtMs(lk: LastKnown): number {
  const ms = Date.parse(lk.savedAt);
  return Number.isFinite(ms) ? ms : 0;
}

/** The caches painted (their keys), and the time they were dated with. */
export type Painted = { keys: (readonly unknown[])[]; savedAt: number };

/**
 * Paints every cache that has nothing yet (an answer that came first is never replaced),
 * dated `savedAt`, and marks it to be fetched again: at once where a page shows it (a first
 * fetch already under way is kept, not started twice), when shown otherwise.
 */
export function seedLastKnown(qc: QueryClient, lk: LastKnown): Painted {
  const painted: Painted = { keys: [], savedAt: savedAtMs(lk) };
  for (const [queryKey, data] of seeds(lk.overview)) {
    if (qc.getQueryData(queryKey) !== undefined) continue;
    qc.setQueryData(queryKey, data, { updatedAt: painted.savedAt });
    painted.keys.push(queryKey);
    void qc.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: false });
  }
  return painted;
}

/**
 * Whether a cache shown on screen still holds the painted state: still dated `savedAt`
 * (a fresh answer, or a change the poller pushed, is dated when it came — compared by date,
 * as an answer equal to the painted data keeps its object).
 */
export function showsLastKnown(qc: QueryClient, painted: Painted): boolean {
  return painted.keys.some((queryKey) => {
    const query = qc.getQueryCache().find({ queryKey, exact: true });
    return (
      query !== undefined &&
      query.getObserversCount() > 0 &&
      query.state.data !== undefined &&
      query.state.dataUpdatedAt === painted.savedAt
    );
  });
}
