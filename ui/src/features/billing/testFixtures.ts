// Billing fixtures shaped like the backend's answers; the pricing and records are the
// documented API examples (shared/barrack/api/examples).

import type {
  BillingCharts,
  BillingOverview_Serialize,
  BillingRecord_Serialize,
  DeployQuote_Serialize,
  HibernateTimer,
  InstanceBillingResponse_Serialize,
  PricingResponse_Serialize,
  SnapshotBillingResponse_Serialize,
  StillBilling,
  VolumeHourlyBillingResponse_Serialize,
} from "../../bindings";

const usd = (USD: number, EUR: number, INR: number) => ({ USD, EUR, INR });

export const PRICING: PricingResponse_Serialize = {
  success: true,
  message: "Pricing information retrieved successfully",
  request_id: "a1b2c3d4",
  pricing_data: {
    volumes: {
      pricing: {
        legacy: { SSD: { prices: usd(0.1, 0.1, 10), unit: "per TB per hour" } },
        advanced: {
          HDD: { prices: usd(0.08, 0.1, 8), unit: "per TB per hour" },
          NVMe: { prices: usd(0.3, 0.35, 30), unit: "per TB per hour" },
        },
      },
      minimum_size_gb: 100,
      description: "Volume storage pricing based on tier and volume type",
    },
    snapshots: {
      pricing: { legacy: { prices: usd(0.1, 0.1, 10), fixed_size_gb: 100, unit: "per hour (fixed 100GB)" } },
      description: "Snapshot pricing - fixed 100GB per snapshot, legacy tier only",
    },
    gpus: {
      pricing: {
        legacy: {
          "H100-PCIe-NVLink-80GB": { prices: usd(2.29, 2.39, 199), max_count: 8, unit: "per GPU per hour" },
          "RTX-A6000": { prices: usd(0.69, 0.75, 49), max_count: 4, unit: "per GPU per hour" },
        },
        advanced: {
          "B300-262GB": { prices: usd(5.79, 5.99, 499), max_count: 8, unit: "per GPU per hour" },
          "H100-SXM5-80GB": { prices: usd(2.49, 2.69, 209), max_count: 8, unit: "per GPU per hour" },
        },
      },
      description: "GPU pricing by model and tier",
    },
    metadata: {
      supported_currencies: ["USD", "EUR", "INR"],
      supported_tiers: ["legacy", "advanced"],
      volume_minimum_size_gb: 100,
      authenticated_user: "my_api_key",
      authentication_type: "api_key",
      timestamp: 1702234567,
    },
  },
};

/** deploy_quote for `perGpuHour` × count, as the backend computes it. */
export function quoteOf(perGpuHour: number, count: number, currency = "USD"): DeployQuote_Serialize {
  const perHour = Math.round(perGpuHour * count * 1e6) / 1e6;
  return {
    currency,
    tier: "advanced",
    perGpuHour,
    perHour,
    perMinute: perHour / 60,
    perDay: perHour * 24,
    balance: 241.2,
    runwayHours: 241.2 / perHour,
    coversDay: 241.2 >= perHour * 24,
  };
}

export function stillOf(name: string, kind: StillBilling["kind"], status: string, perDay: number): StillBilling {
  return {
    kind,
    id: `${kind}-${name}`,
    name,
    region: "CANADA-1",
    status,
    perHour: perDay / 24,
    perDay,
    why: `${name} bills`,
  };
}

const DAYS = Array.from({ length: 30 }, (_, i) => i);

/** The backend's chart columns (barrack-core `billing::charts`) for the overview below. */
const CHARTS: BillingCharts = {
  stack: ["instance", "volume", "snapshot"],
  daily: {
    days: DAYS.map((i) => `2026-03-${String(i + 1).padStart(2, "0")}`),
    x: DAYS.map((i) => Date.UTC(2026, 2, i + 1) / 1000),
    own: { instance: DAYS, volume: DAYS.map(() => 0.5), snapshot: DAYS.map(() => 0.25) },
    stacked: { instance: DAYS, volume: DAYS.map((i) => i + 0.5), snapshot: DAYS.map((i) => i + 0.75) },
  },
  top: {
    names: ["train-h100", "data-1tb", "nightly"],
    kinds: ["instance", "volume", "snapshot"],
    costs: [120.5, 3.2, 1.1],
    byKind: { instance: [120.5, null, null], volume: [null, 3.2, null], snapshot: [null, null, 1.1] },
  },
};

export function overviewOf(patch: Partial<BillingOverview_Serialize> = {}): BillingOverview_Serialize {
  return {
    currency: "USD",
    balances: [
      { currency: "USD", amount: 241.2 },
      { currency: "EUR", amount: 12.5 },
    ],
    balance: 241.2,
    burn: { instances: 4.98, volumes: 0.03, snapshots: 0.1, total: 5.11 },
    runwayHours: 47.2,
    windows: { today: 12.34, week: 80.5, month: 310.25 },
    daily: Array.from({ length: 30 }, (_, i) => ({
      date: `2026-03-${String(i + 1).padStart(2, "0")}`,
      instances: i,
      volumes: 0.5,
      snapshots: 0.25,
    })),
    top: [
      { kind: "instance", id: "vm-train", name: "train-h100", cost: 120.5 },
      { kind: "volume", id: "vol-data", name: "data-1tb", cost: 3.2 },
      { kind: "snapshot", id: "snap-1", name: "nightly", cost: 1.1 },
    ],
    stillBilling: [
      stillOf("dev-a6000", "instance", "SHUTOFF", 16.56),
      stillOf("archive-a100", "instance", "HIBERNATED", 0.24),
      stillOf("scratch", "volume", "available", 0.72),
      stillOf("nightly", "snapshot", "SUCCESS", 2.4),
    ],
    hibernatedCount: 1,
    hibernationSavingsPerDay: 37.92,
    lowBalanceThreshold: 10,
    utcOffset: "+02:00",
    charts: CHARTS,
    ...patch,
  };
}

export function instanceRecord(n: number, patch: Partial<BillingRecord_Serialize> = {}): BillingRecord_Serialize {
  return {
    billing_id: `BRK-${n}DB`,
    instance_id: "vm-train",
    vm_name: "train-h100",
    gpu_type: "H100-SXM5-80GB",
    gpu_count: 4,
    tier: "advanced",
    start_time: "2025-01-15T10:30:00Z",
    end_time: null,
    total_duration_minutes: 7200,
    per_minute_rate: 0.166,
    total_cost: 1195.2,
    currency: "USD",
    status: "active",
    description: "Deployment billing - 7200 minutes for H100-SXM5-80GB x4 (train-h100)",
    ...patch,
  };
}

/** A page of instance records with the documented summary. */
export function instancePage(page: number, totalPages: number, count = 3): InstanceBillingResponse_Serialize {
  return {
    success: true,
    message: null,
    records: Array.from({ length: count }, (_, i) => instanceRecord(page * 100 + i)),
    summary: {
      totalMinutes: 19110,
      activeCount: 3,
      completedCount: 12,
      hibernatedCount: 1,
      averageUsage: 1124.12,
      totalCost: 1810.95,
    },
    total: totalPages * count,
    page,
    limit: 50,
    total_pages: totalPages,
    currency: "USD",
    request_id: null,
  };
}

export const VOLUME_PAGE: VolumeHourlyBillingResponse_Serialize = {
  success: true,
  message: null,
  records: [
    {
      billing_id: "VBILL_a1b2c3d4e5",
      volume_id: "BRK-123456V",
      volume_name: "storage1",
      size_gb: 1000,
      tier: "Advanced",
      start_time: "2025-01-15T10:00:00",
      end_time: "2025-01-15T18:00:00",
      total_duration_minutes: 480,
      per_minute_rate: 0.0002,
      total_cost: 0.096,
      currency: "USD",
      status: "available",
      description: "Volume billing - 480 minutes at 1000GB (storage1)",
    },
  ],
  summary: { totalMinutes: 480, activeCount: 1, averageUsage: 480, totalSizeGB: 1000, totalCost: 0.096 },
  total: 1,
  page: 1,
  limit: 50,
  total_pages: 1,
  currency: "USD",
  request_id: null,
};

export const SNAPSHOT_PAGE: SnapshotBillingResponse_Serialize = {
  success: true,
  message: null,
  records: [
    {
      billing_id: "SBILL_1",
      snapshot_id: "snap-1",
      snapshot_name: "nightly",
      size_gb: 100,
      tier: "legacy",
      start_time: "2025-01-15T10:00:00Z",
      end_time: null,
      total_duration_minutes: 600,
      per_minute_rate: 0.001667,
      total_cost: 1.0,
      currency: "USD",
      status: "active",
      description: null,
    },
  ],
  summary: { totalMinutes: 600, activeCount: 1, averageUsage: 600, totalSizeGB: 100, totalCost: 1.0 },
  total: 1,
  page: 1,
  limit: 50,
  total_pages: 1,
  currency: "USD",
  tier: "legacy",
  request_id: null,
};

export function timerOf(vmName: string, at: string, patch: Partial<HibernateTimer> = {}): HibernateTimer {
  return {
    id: `T-${vmName}`,
    profile: "work",
    vmId: `vm-${vmName}`,
    vmName,
    kind: "hibernateAt",
    at,
    warned: false,
    ...patch,
  };
}
