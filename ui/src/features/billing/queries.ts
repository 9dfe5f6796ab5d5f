// The Billing & Credits queries and their cache keys (app/changeFeed.ts refreshes them).

import { keepPreviousData, useQuery } from "@tanstack/react-query";
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

export function useBillingOverview() {
  return useQuery({
    queryKey: billingKeys.overview,
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

/** One page of one kind's records; the previous page stays on screen while the next loads. */
export function useBillingRecords(kind: CostKind, q: RecordsQuery) {
  return useQuery({
    queryKey: billingKeys.recordsOf(kind, q),
    queryFn: () => fetchRecords(kind, q),
    placeholderData: keepPreviousData,
    meta: { quiet: true },
  });
}

export function usePricing() {
  return useQuery({
    queryKey: billingKeys.pricing,
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
