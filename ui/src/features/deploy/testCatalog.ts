// Deploy fixtures for tests, shaped like the backend's answers (deploy_catalog and the lists).

import type {
  DeployCatalog_Serialize,
  DeployQuote_Serialize,
  Image_Serialize,
  OSImage_Serialize,
  Snapshot_Serialize,
  VolumeResponse_Serialize,
} from "../../bindings";

export function catalogOf(patch: Partial<DeployCatalog_Serialize> = {}): DeployCatalog_Serialize {
  return {
    currency: "USD",
    balance: 241.2,
    regions: [
      { name: "NORWAY-1", displayName: "Norway", location: "Europe", available: true },
      { name: "CANADA-1", displayName: "Canada", location: "North America", available: true },
      { name: "US-1", displayName: "United States", location: "North America", available: true },
    ],
    gpus: [
      {
        model: "H100-SXM5-80GB",
        label: "highest performance",
        bestFor: "LLMs, complex AI research",
        memoryGb: 80,
        nvlink: true,
        vcpusPerGpu: 16,
        ramGbPerGpu: 128,
        storageGbPerGpu: 500,
        tiers: [
          { tier: "advanced", perGpuHour: 2.49, maxCount: 8 },
          { tier: "legacy", perGpuHour: 2.69, maxCount: 4 },
        ],
        stock: [
          { region: "NORWAY-1", available: 2, counts: [1, 2] },
          { region: "CANADA-1", available: 8, counts: [1, 2, 4, 8] },
          { region: "US-1", available: 0, counts: [] },
        ],
      },
      {
        model: "L40",
        label: "balanced",
        bestFor: "inference, graphics",
        memoryGb: 48,
        nvlink: false,
        vcpusPerGpu: 8,
        ramGbPerGpu: 64,
        storageGbPerGpu: 250,
        tiers: [{ tier: "legacy", perGpuHour: 1.19, maxCount: 4 }],
        stock: [
          { region: "NORWAY-1", available: 4, counts: [1, 2, 4] },
          { region: "US-1", available: 1, counts: [1] },
        ],
      },
      {
        model: "B300-262GB",
        label: null,
        bestFor: null,
        memoryGb: null,
        nvlink: false,
        vcpusPerGpu: null,
        ramGbPerGpu: null,
        storageGbPerGpu: null,
        tiers: [{ tier: "advanced", perGpuHour: 6.0, maxCount: 8 }],
        stock: [],
      },
    ],
    ...patch,
  };
}

export function osImage(
  id: string,
  region: string,
  name = "Ubuntu Server 22.04 LTS R550 CUDA 12.4",
): OSImage_Serialize {
  return {
    id,
    name,
    region,
    os: "ubuntu",
    version: "22.04",
    cuda_version: "12.4",
    docker: false,
    default_user: "ubuntu",
    size_gb: 50,
  };
}

export function volume(
  id: string,
  region: string,
  patch: Partial<VolumeResponse_Serialize> = {},
): VolumeResponse_Serialize {
  return {
    id,
    name: `vol-${id}`,
    region,
    size_gb: 200,
    volume_type: "NVMe",
    tier: "advanced",
    bootable: true,
    os_image_id: null,
    status: "available",
    instance_id: null,
    instance_name: null,
    instance_status: null,
    created_at: "2026-01-02T10:00:00Z",
    ...patch,
  };
}

export function image(id: string, region: string, patch: Partial<Image_Serialize> = {}): Image_Serialize {
  return {
    id,
    name: `img-${id}`,
    description: null,
    region,
    size_gb: 120,
    status: "Available",
    snapshot_id: "snap-1",
    snapshot_name: null,
    created_at: "2026-01-03T10:00:00Z",
    ...patch,
  };
}

export function snapshot(id: string, region: string, patch: Partial<Snapshot_Serialize> = {}): Snapshot_Serialize {
  return {
    id,
    name: `snap-${id}`,
    description: null,
    instance_id: "vm-1",
    instance_name: "train",
    region,
    size_gb: 40,
    status: "SUCCESS",
    is_image: false,
    vm_config: null,
    created_at: "2026-01-01T10:00:00Z",
    ...patch,
  };
}

export function quoteOf(perHour: number, balance = 241.2): DeployQuote_Serialize {
  const runway = perHour > 0 ? balance / perHour : null;
  return {
    currency: "USD",
    tier: "advanced",
    perGpuHour: perHour / 4,
    perHour,
    perMinute: perHour / 60,
    perDay: perHour * 24,
    balance,
    runwayHours: runway,
    coversDay: runway == null || runway >= 24,
  };
}

/** Paged list answers. */
export function page<K extends string, T>(key: K, items: T[]) {
  return {
    success: true,
    message: null,
    [key]: items,
    total: items.length,
    page: 1,
    limit: 100,
    total_pages: 1,
    request_id: null,
  } as {
    success: boolean;
    message: null;
    total: number;
    page: number;
    limit: number;
    total_pages: number;
    request_id: null;
  } & Record<K, T[]>;
}
