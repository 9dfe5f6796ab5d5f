// The one subscriber to the backend's change feed. The poller (and the timer runner, for its
// timers) says *what kind* of thing changed; this table says which caches each kind refreshes.
// It is typed by the generated `ResourceKind`: a kind added in Rust and not mapped here fails
// the type check, so no change is silently dropped.

import type { QueryClient } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { events, type ResourceKind, type ResourcesChanged_Serialize } from "../bindings";
import { keys } from "../lib/queryClient";
import { useSubscription } from "../lib/events";
import { patchBalance } from "../features/billing/balance";
import { billingKeys } from "../features/billing/queries";
import { deployKeys } from "../features/deploy/keys";
import { patchAccountBalance, patchVm, refetchVmQueries, vmKeys } from "../features/instances/queries";
import { sshKeyKeys } from "../features/sshKeys/queries";
import { storageKeys } from "../features/storage/queries";

type Change = ResourcesChanged_Serialize;
type Refresh = (qc: QueryClient, change: Change) => void;

const stale = (qc: QueryClient, ...queryKeys: (readonly unknown[])[]) => {
  for (const queryKey of queryKeys) void qc.invalidateQueries({ queryKey });
};

/** What each kind of change refreshes. */
export const REFRESH: { readonly [K in ResourceKind]: Refresh } = {
  instances: (qc, change) => {
    // The VMs that changed go into the cache at once (DASH-03); a patch marks the cached
    // lists fresh with the old rates, burn rate and runway, so they are fetched again.
    for (const vm of change.instances) patchVm(qc, vm.id, vm);
    refetchVmQueries(qc);
    // The storage overview lists the VMs a snapshot can be taken of; billing follows states;
    // a "when ACTIVE" hibernate timer can end with a VM's state; an SSH key lists the VMs
    // that use it.
    stale(qc, storageKeys.all, billingKeys.overview, billingKeys.records, billingKeys.timers, sshKeyKeys.list);
  },
  // Snapshots and images show each other (lineage, sources): each kind refreshes both
  // (the wizard's snapshot and image lists included).
  snapshots: (qc) => stale(qc, storageKeys.all, ["snapshots"], ["images"], billingKeys.overview, billingKeys.records),
  images: (qc) => stale(qc, storageKeys.all, ["images"], ["snapshots"], billingKeys.overview),
  balance: (qc, change) => {
    if (change.balance != null) {
      patchBalance(qc, change.balance, change.currency ?? null, change.balances);
      // The dashboard's balance and runway are patched too: an idle app with anything
      // billing sees a new balance every minute, and fetching the overview for it would
      // cost more requests than the poller's own (issue 17: at most two a minute). The
      // runway comes computed with the event (Rust, at the dashboard's last burn rate).
      patchAccountBalance(qc, change.balance, change.balances, change.runwayHours ?? null);
    } else stale(qc, keys.balance, vmKeys.account);
    stale(qc, billingKeys.overview);
  },
  stock: (qc) => stale(qc, deployKeys.catalog),
  timers: (qc) => stale(qc, billingKeys.timers),
};

/** Applies one change event to the caches. */
export function applyChange(qc: QueryClient, change: Change): void {
  for (const kind of new Set(change.kinds)) REFRESH[kind](qc, change);
}

/** Mounted once, in the signed-in shell. */
export function useChangeFeed(): void {
  const qc = useQueryClient();
  useSubscription(() => events.resourcesChanged.listen(({ payload }) => applyChange(qc, payload)), [qc]);
}
