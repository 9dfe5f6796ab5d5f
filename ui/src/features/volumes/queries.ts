// The account's volumes with the server's next-name suggestion (VOL-01, VOL-12), the volume
// types and their size limits (VOL-52), a volume's billing, and the price per TB-hour of a
// volume's type from the pricing table (never a price written here).

import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import {
  commands,
  type PricingResponse_Serialize,
  type VolumeResponse_Serialize,
  type VolumeTypeInfo_Serialize,
} from "../../bindings";
import { call } from "../../lib/ipc";
import { isInProgress } from "../storage/status";
import { vmKeys } from "../instances/queries";

export type Volume = VolumeResponse_Serialize;
export type VolumeType = VolumeTypeInfo_Serialize;

export const volumeKeys = {
  all: ["volumes"] as const,
  list: ["volumes", "list"] as const,
  types: ["volumes", "types"] as const,
  billing: (id: string, page: number) => ["volumes", "billing", id, page] as const,
};

/** Volumes per request, and the last page followed: not a Barrack rule, a guard against a
 * listing that never ends (100 × 50 is far beyond any account). */
const PAGE_LIMIT = 100;
const LAST_PAGE = 50;
/** How often a volume being created (or deleted) is looked at again until it settles (VOL-16). */
const WATCH_MS = 4000;

/** Every volume of the account and the server's suggested name for the next one. */
export function useVolumes() {
  return useQuery({
    queryKey: volumeKeys.list,
    queryFn: async () => {
      const volumes: Volume[] = [];
      let nextName: string | null = null;
      for (let page = 1; page <= LAST_PAGE; page++) {
        const res = await call(commands.listVolumes({ page, limit: PAGE_LIMIT }));
        volumes.push(...res.volumes);
        nextName = res.next_name ?? nextName;
        if (page >= res.total_pages) break;
      }
      return { volumes, nextName };
    },
    meta: { quiet: true },
    refetchInterval: (q) => (q.state.data?.volumes.some((v) => isInProgress(v.status)) ? WATCH_MS : false),
  });
}

/** The types a volume can have, with their size limits (VOL-14, VOL-52). */
export function useVolumeTypes() {
  return useQuery({
    queryKey: volumeKeys.types,
    queryFn: async () => (await call(commands.listVolumeTypes())).volume_types,
    meta: { quiet: true },
    staleTime: 10 * 60_000,
  });
}

export const BILLING_PAGE_SIZE = 10;

/** One volume's billing records; filtered here too, in case `resource_id` is not honoured. */
export function useVolumeBilling(id: string, page: number) {
  return useQuery({
    queryKey: volumeKeys.billing(id, page),
    queryFn: async () => {
      const res = await call(commands.getVolumeBilling({ resource_id: id, page, limit: BILLING_PAGE_SIZE }));
      return { ...res, records: res.records.filter((r) => r.volume_id === id) };
    },
    meta: { quiet: true },
    placeholderData: keepPreviousData,
  });
}

/** After a change: the volumes, the VMs' attachments and the dashboard's burn rate. */
export function refetchVolumes(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: volumeKeys.all });
  void qc.invalidateQueries({ queryKey: ["instances"] });
  void qc.invalidateQueries({ queryKey: vmKeys.account });
}

/** The price per TB-hour of a volume's type (and tier, when known) in `currency`, or null. */
export function pricePerTbHour(
  pricing: PricingResponse_Serialize | undefined,
  volume: Pick<Volume, "volume_type" | "tier">,
  currency: string,
): number | null {
  if (!pricing) return null;
  const byTier = pricing.pricing_data.volumes.pricing;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const tiers = Object.keys(byTier).sort(
    (a, b) => Number(!same(a, volume.tier ?? "")) - Number(!same(b, volume.tier ?? "")),
  );
  for (const tier of tiers) {
    const types = byTier[tier] ?? {};
    const key = Object.keys(types).find((t) => same(t, volume.volume_type) || same(`Cloud-${t}`, volume.volume_type));
    const price = key ? types[key]?.prices[currency] : undefined;
    if (price != null && Number.isFinite(price)) return price;
  }
  return null;
}
