// The Billing & Credits queries and their cache keys (app/changeFeed.ts refreshes them).

import { keepPreviousData, usePrefetchQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import {
  commands,
  type BillingOverview_Serialize,
  type BillingQuery_Deserialize,
  type CostKind,
  type HibernateTimer,
  type InstanceBillingResponse_Serialize,
  type PricingResponse_Serialize,
  type SnapshotBillingResponse_Serialize,
  type VolumeHourlyBillingResponse_Serialize,
} from "../../bindings";
import { call } from "../../lib/ipc";
import { markRecordsData } from "./perf";
import { EMPTY_FILTER, FIRST_KIND, recordsQuery, recordsView } from "./records";

export type BillingOverview = BillingOverview_Serialize;
export type Pricing = PricingResponse_Serialize;
export type RecordsQuery = BillingQuery_Deserialize;
export type RecordsResponse =
  | ({ kind: "instance" } & InstanceBillingResponse_Serialize)
  | ({ kind: "volume" } & VolumeHourlyBillingResponse_Serialize)
  | ({ kind: "snapshot" } & SnapshotBillingResponse_Serialize);

export const billingKeys = {
  all: ["billing"] as const,
  overview: ["billing", "overview"] as const,
  records: ["billing", "records"] as const,
  recordsOf: (kind: CostKind, q: RecordsQuery) => ["billing", "records", kind, q] as const,
  pricing: ["billing", "pricing"] as const,
  quote: (gpuModel: string, tier: string, gpuCount: number) => ["billing", "quote", gpuModel, tier, gpuCount] as const,
  timers: ["timers"] as const,
};

/**
 * The overview (totals and charts, computed by the backend over every record). `enabled`
 * false holds the request back (a cached overview is still shown): the Billing page asks
 * for it once the records' first page is on screen.
 */
export function useBillingOverview(enabled = true) {
  return useQuery({
    queryKey: billingKeys.overview,
    enabled,
    queryFn: () => call(commands.billingOverview()),
    meta: { quiet: true },
  });
}

async function fetchRecords(kind: CostKind, q: RecordsQuery): Promise<RecordsResponse> {
  const res = await fetchRecordsOf(kind, q);
  markRecordsData();
  return res;
}

async function fetchRecordsOf(kind: CostKind, q: RecordsQuery): Promise<RecordsResponse> {
  switch (kind) {
    case "instance":
      return { kind, ...(await call(commands.getInstanceBilling(q))) };
    case "volume":
      return { kind, ...(await call(commands.getVolumeBilling(q))) };
    case "snapshot":
      return { kind, ...(await call(commands.getSnapshotBilling(q))) };
  }
}

/**
 * Pages already seen are shown from the cache at once (going back costs nothing); the change
 * feed marks them stale when billing changes, so this only spares refetching on every turn.
 */
const RECORDS_FRESH_MS = 60_000;

const recordsQueryOf = (kind: CostKind, q: RecordsQuery) => ({
  queryKey: billingKeys.recordsOf(kind, q),
  queryFn: () => fetchRecords(kind, q),
  staleTime: RECORDS_FRESH_MS,
  meta: { quiet: true },
});

/**
 * One page of one kind's records, as the table shows it (texts formatted once per page);
 * the previous page stays on screen while the next loads.
 */
export function useBillingRecords(kind: CostKind, q: RecordsQuery) {
  return useQuery({
    ...recordsQueryOf(kind, q),
    select: recordsView,
    placeholderData: keepPreviousData,
  });
}

/**
 * Asks for the records' first page while the page is still rendering (the query itself
 * subscribes only after the commit), so the request and the render overlap.
 */
export function usePrefetchFirstRecords(): void {
  usePrefetchQuery(recordsQueryOf(FIRST_KIND, recordsQuery(EMPTY_FILTER)));
}

/** Fetches a page the user is likely to ask for next, so it shows from the cache. */
export function prefetchRecords(qc: QueryClient, kind: CostKind, q: RecordsQuery): void {
  void qc.prefetchQuery(recordsQueryOf(kind, q));
}

/** `enabled` false holds the request back (the Billing page asks once its records are up). */
export function usePricing(enabled = true) {
  return useQuery({
    queryKey: billingKeys.pricing,
    enabled,
    queryFn: () => call(commands.getPricing({})),
    // Prices change rarely; the backend caches the table too.
    staleTime: 10 * 60_000,
    meta: { quiet: true },
  });
}

/** The wizard's own quote (deploy_quote), so the calculator and the review agree. */
export function useQuote(gpu: { model: string; tier: string } | null, gpuCount: number) {
  return useQuery({
    queryKey: billingKeys.quote(gpu?.model ?? "", gpu?.tier ?? "", gpuCount),
    queryFn: () => call(commands.deployQuote({ gpuModel: gpu?.model ?? "", tier: gpu?.tier ?? null, gpuCount })),
    enabled: gpu !== null && Number.isInteger(gpuCount) && gpuCount > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    meta: { quiet: true },
  });
}

/** The hibernate timers of the signed-in profile; refetched when the timer runner acts. */
export function useTimers() {
  return useQuery({
    queryKey: billingKeys.timers,
    queryFn: () => call(commands.listTimers()),
    meta: { local: true, quiet: true },
    select: (list: HibernateTimer[]) => [...list].sort((a, b) => a.at.localeCompare(b.at)),
  });
}
