// Volumes for tests, shaped as the backend sends them, and a backend that changes them as
// Barrack would.

import type { VM } from "../instances/status";
import type { Volume, VolumeType } from "./queries";

export function volumeOf(name: string, patch: Partial<Volume> = {}): Volume {
  return {
    id: `vol-${name}`,
    name,
    region: "CANADA-1",
    size_gb: 100,
    volume_type: "SSD",
    tier: "legacy",
    bootable: false,
    os_image_id: null,
    status: "AVAILABLE",
    instance_id: null,
    instance_name: null,
    instance_status: null,
    created_at: "2026-01-05T10:00:00Z",
    ...patch,
  };
}

/** Attached to `vm`, as both answers say it. */
export function attachedTo(vm: VM): Partial<Volume> {
  return { status: "ATTACHED", instance_id: vm.id, instance_name: vm.name, instance_status: vm.status };
}

export const VOLUME_TYPES: VolumeType[] = [
  {
    name: "SSD",
    tier: "legacy",
    description: "SSD block storage (legacy tier)",
    min_size_gb: 10,
    max_size_gb: 1_048_576,
  },
];

const OS_IMAGES = [
  { id: "os-ubuntu-ca", name: "Ubuntu 22.04", region: "CANADA-1" },
  { id: "os-ubuntu-no", name: "Ubuntu 22.04 (Norway)", region: "NORWAY-1" },
].map((i) => ({
  ...i,
  os: "ubuntu",
  version: "22.04",
  cuda_version: null,
  docker: false,
  default_user: "ubuntu",
  size_gb: 20,
}));

/** The volume commands over a list the handlers change. */
export function volumesSim(initial: Volume[], { nextName = "volume1", vms = [] as VM[] } = {}) {
  let volumes = [...initial];
  let suggestion = nextName;
  const ok = { success: true, message: null, request_id: null };
  const find = (id: unknown) => volumes.find((v) => v.id === id)!;
  const change = (id: unknown, f: (v: Volume) => Volume) => {
    volumes = volumes.map((v) => (v.id === id ? f(v) : v));
    return find(id);
  };
  return {
    list_volumes: () => ({
      ...ok,
      volumes: [...volumes],
      next_name: suggestion,
      total: volumes.length,
      page: 1,
      limit: 500,
      total_pages: 1,
    }),
    list_volume_types: { ...ok, volume_types: VOLUME_TYPES },
    list_os_images: (a: Record<string, unknown>) => ({
      ...ok,
      images: OS_IMAGES.filter((i) => i.region === (a.query as { region: string }).region),
    }),
    create_volume: (a: Record<string, unknown>) => {
      const body = a.body as { name: string; region: string; size_gb: number; bootable: boolean; os_image_id?: string };
      const volume = volumeOf(body.name, {
        region: body.region,
        size_gb: body.size_gb,
        bootable: body.bootable,
        os_image_id: body.os_image_id ?? null,
        status: "CREATING",
      });
      volumes = [...volumes, volume];
      suggestion = "volume9";
      return { ...ok, volume };
    },
    delete_volume: (a: Record<string, unknown>) => {
      volumes = volumes.filter((v) => v.id !== a.volumeId);
      return { ...ok, id: a.volumeId };
    },
    clone_volume: (a: Record<string, unknown>) => {
      const { name } = a.body as { name: string };
      const src = find(a.volumeId);
      const volume = volumeOf(name, { ...src, id: `vol-${name}`, name, status: "CREATING", instance_id: null });
      volumes = [...volumes, volume];
      return { ...ok, volume };
    },
    resize_volume: (a: Record<string, unknown>) => {
      const volume = change(a.volumeId, (v) => ({ ...v, size_gb: (a.body as { size_gb: number }).size_gb }));
      return { ...ok, volume };
    },
    attach_volumes: (a: Record<string, unknown>) => {
      const vm = vms.find((v) => v.id === a.instanceId)!;
      for (const id of (a.body as { volume_ids: string[] }).volume_ids)
        change(id, (v) => ({ ...v, ...attachedTo(vm) }));
      return { ...ok, instance_id: vm.id, volumes: [] };
    },
    detach_volumes: (a: Record<string, unknown>) => {
      for (const id of (a.body as { volume_ids: string[] }).volume_ids) {
        change(id, (v) => ({
          ...v,
          status: "AVAILABLE",
          instance_id: null,
          instance_name: null,
          instance_status: null,
        }));
      }
      return { ...ok, instance_id: a.instanceId, volumes: [] };
    },
  } as Record<string, unknown>;
}
