import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { ResourceKind, ResourcesChanged_Serialize } from "../bindings";
import { keys } from "../lib/queryClient";
import { billingKeys } from "../features/billing/queries";
import { deployKeys } from "../features/deploy/useDeployCatalog";
import { vmKeys } from "../features/instances/queries";
import { storageKeys } from "../features/storage/queries";
import { applyChange, REFRESH } from "./changeFeed";
import { balanceOf, resourcesChangedOf } from "../test/backend";
import { accountOverviewOf } from "../test/vms";

/** Every cache the feed can refresh, seeded fresh. */
const SEEDED: Record<string, readonly unknown[]> = {
  instances: vmKeys.overview,
  dashboard: vmKeys.account,
  storage: storageKeys.overview,
  deploySnapshots: deployKeys.snapshots("US-1"),
  deployImages: deployKeys.images("US-1"),
  billingOverview: billingKeys.overview,
  billingRecords: billingKeys.recordsOf("instance", { page: 1, limit: 20 }),
  timers: billingKeys.timers,
  catalog: deployKeys.catalog,
  balance: keys.balance,
};

function staleAfter(change: Partial<ResourcesChanged_Serialize>): string[] {
  const qc = new QueryClient();
  for (const key of Object.values(SEEDED)) qc.setQueryData(key, key === keys.balance ? balanceOf(100) : {});
  applyChange(qc, resourcesChangedOf(change));
  return Object.entries(SEEDED)
    .filter(([, key]) => qc.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
}

describe("the change feed", () => {
  it("maps each kind to exactly the caches that show it", () => {
    const expected: Record<ResourceKind, string[]> = {
      instances: ["billingOverview", "billingRecords", "dashboard", "instances", "storage", "timers"],
      snapshots: ["billingOverview", "billingRecords", "deployImages", "deploySnapshots", "storage"],
      images: ["billingOverview", "deployImages", "deploySnapshots", "storage"],
      balance: ["billingOverview"],
      stock: ["catalog"],
      timers: ["timers"],
    };
    // The table is typed by ResourceKind: this checks what each entry does.
    expect(Object.keys(REFRESH).sort()).toEqual(Object.keys(expected).sort());
    for (const [kind, caches] of Object.entries(expected)) {
      const change = kind === "balance" ? { balance: 90, currency: "USD" } : {};
      expect(staleAfter({ kinds: [kind as ResourceKind], ...change }), kind).toEqual(caches);
    }
  });

  it("patches the one balance in place instead of fetching it", () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.balance, balanceOf(100));
    applyChange(qc, {
      kinds: ["balance"],
      instances: [],
      balance: 42.5,
      currency: "USD",
      balances: [],
      runwayHours: null,
    });
    expect(qc.getQueryData<ReturnType<typeof balanceOf>>(keys.balance)?.balances).toEqual([
      { currency: "USD", amount: 42.5 },
    ]);
    expect(qc.getQueryState(keys.balance)?.isInvalidated).toBe(false);
  });

  it("patches the dashboard's balance and runway from a new balance instead of fetching the overview", () => {
    const qc = new QueryClient();
    qc.setQueryData(vmKeys.account, accountOverviewOf([]));
    // The runway comes with the event, computed in Rust: taken as it is, not recomputed.
    applyChange(qc, {
      kinds: ["balance"],
      instances: [],
      balance: 53.9,
      currency: "USD",
      balances: [],
      runwayHours: 7.25,
    });
    const patched = qc.getQueryData<ReturnType<typeof accountOverviewOf>>(vmKeys.account)!;
    expect(patched.balance).toBe(53.9);
    expect(patched.runwayHours).toBe(7.25);
    expect(patched.balances).toEqual([{ currency: "USD", amount: 241.2 }]);
    expect(qc.getQueryState(vmKeys.account)?.isInvalidated).toBe(false);
    // Nothing burning: no runway; every currency's balance when the change carries them.
    const balances = [{ currency: "USD", amount: 12 }];
    applyChange(qc, { kinds: ["balance"], instances: [], balance: 12, currency: "USD", balances, runwayHours: null });
    expect(qc.getQueryData<ReturnType<typeof accountOverviewOf>>(vmKeys.account)).toMatchObject({
      balance: 12,
      balances,
      runwayHours: null,
    });
  });

  it("takes every currency's balance the poller saw, not only the account's own", () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.balance, {
      ...balanceOf(100),
      balances: [
        { currency: "USD", amount: 100 },
        { currency: "EUR", amount: 20 },
      ],
    });
    const balances = [
      { currency: "USD", amount: 100 },
      { currency: "EUR", amount: 5 },
    ];
    applyChange(qc, { kinds: ["balance"], instances: [], balance: 100, currency: "USD", balances, runwayHours: null });
    expect(qc.getQueryData<ReturnType<typeof balanceOf>>(keys.balance)?.balances).toEqual(balances);
    expect(qc.getQueryState(keys.balance)?.isInvalidated).toBe(false);
  });

  it("does nothing for a change with no kinds", () => {
    expect(staleAfter({})).toEqual([]);
  });
});
