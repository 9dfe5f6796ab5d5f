// The Boot source step (DEP-30…35): what each of the three tabs offers in the chosen region.
// A volume must be bootable, at least the bootable minimum and free; a custom image must be Available and
// in this very region (DEP-34): one of another region is never offered.

import {
  RULE_LIMITS,
  STORAGE_STATES,
  type Image_Serialize,
  type OSImage_Serialize,
  type Snapshot_Serialize,
  type VolumeResponse_Serialize,
} from "../../bindings";
import type { Draft, StepErrors } from "./wizard";

export const BOOT_KINDS = ["os_image", "volume", "custom_image"] as const;
export type BootKind = (typeof BOOT_KINDS)[number];

export const BOOT_KIND_LABEL: Record<BootKind, string> = {
  os_image: "OS Images",
  volume: "Volumes",
  custom_image: "Custom Images",
};

/** "the custom image X", in a sentence. */
export const BOOT_KIND_NOUN: Record<BootKind, string> = {
  os_image: "OS image",
  volume: "volume",
  custom_image: "custom image",
};

/** rules.md §11: the least size of a bootable volume. */
const BOOTABLE_MIN_GB = RULE_LIMITS.bootableVolumeMinGb;

/** A snapshot that completed (its status is one of the storage "ready" states). */
const isReady = (status: string) => (STORAGE_STATES.ready as readonly string[]).includes(status.toUpperCase());

export function isBootKind(s: string | null | undefined): s is BootKind {
  return (BOOT_KINDS as readonly string[]).includes(s ?? "");
}

/** One choice of a tab, whatever it came from. */
export type BootItem = {
  kind: BootKind;
  id: string;
  name: string;
  region: string;
  sizeGb: number | null;
  createdAt: string | null;
  /** Custom images: the snapshot it was made from, by name. */
  source: string | null;
  /** One line under the name (CUDA, Docker, default user…). */
  detail: string | null;
};

export type BootLists = Partial<Record<BootKind, BootItem[]>>;

const sameRegion = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export function osImageItems(images: readonly OSImage_Serialize[], region: string): BootItem[] {
  return images
    .filter((i) => sameRegion(i.region, region))
    .map((i) => ({
      kind: "os_image",
      id: i.id,
      name: i.name,
      region: i.region,
      sizeGb: i.size_gb,
      createdAt: null,
      source: null,
      detail:
        [i.cuda_version && `CUDA ${i.cuda_version}`, i.docker && "Docker", i.default_user && `user ${i.default_user}`]
          .filter(Boolean)
          .join(" · ") || null,
    }));
}

/** DEP-32: bootable, at least the bootable minimum, in this region, and available (not attached elsewhere). */
export function volumeItems(volumes: readonly VolumeResponse_Serialize[], region: string): BootItem[] {
  return volumes
    .filter(
      (v) =>
        v.bootable &&
        (v.size_gb ?? 0) >= BOOTABLE_MIN_GB &&
        sameRegion(v.region, region) &&
        v.status.toLowerCase() === "available",
    )
    .map((v) => ({
      kind: "volume",
      id: v.id,
      name: v.name,
      region: v.region,
      sizeGb: v.size_gb,
      createdAt: v.created_at,
      source: null,
      detail: v.volume_type || null,
    }));
}

/**
 * DEP-33…35: the account's Available images of this region, and its snapshots taken "as
 * image" that completed. The source snapshot is named, looked up when the image only has its id.
 */
export function customImageItems(
  images: readonly Image_Serialize[],
  snapshots: readonly Snapshot_Serialize[],
  region: string,
): BootItem[] {
  const snapshotName = (id: string | null) => (id ? (snapshots.find((s) => s.id === id)?.name ?? null) : null);
  const fromImages: BootItem[] = images
    .filter((i) => sameRegion(i.region, region) && i.status.toLowerCase() === "available")
    .map((i) => ({
      kind: "custom_image",
      id: i.id,
      name: i.name,
      region: i.region,
      sizeGb: i.size_gb,
      createdAt: i.created_at,
      source: i.snapshot_name ?? snapshotName(i.snapshot_id),
      detail: i.description,
    }));
  const fromSnapshots: BootItem[] = snapshots
    .filter((s) => s.is_image && sameRegion(s.region, region) && isReady(s.status))
    .map((s) => ({
      kind: "custom_image",
      id: s.id,
      name: s.name,
      region: s.region,
      sizeGb: s.size_gb,
      createdAt: s.created_at,
      source: s.name,
      detail: s.instance_name ? `Snapshot of ${s.instance_name}, created as an image` : "Snapshot created as an image",
    }));
  return [...fromImages, ...fromSnapshots];
}

/** What the Custom Images tab says when it has nothing for this region. */
export function customImageHint(region: string): string {
  return (
    `Only images in ${region} can boot a VM in ${region}, and images cannot move between regions. ` +
    `To get one here, create a snapshot of a VM in ${region} (with "Create as image" on), or make an image from a snapshot in ${region}.`
  );
}

export function emptyText(kind: BootKind, region: string): string {
  switch (kind) {
    case "os_image":
      return `No OS images are offered in ${region} right now.`;
    case "volume":
      return `No bootable volume of ${BOOTABLE_MIN_GB} GB or more is free in ${region}. Create a bootable volume in ${region} on the Volumes page, or detach one from its VM.`;
    case "custom_image":
      return `You have no Available custom image in ${region}.`;
  }
}

export function findBootItem(lists: BootLists, kind: string | null, id: string | null): BootItem | undefined {
  if (!isBootKind(kind) || !id) return undefined;
  return lists[kind]?.find((i) => i.id === id);
}

/** `lists` holds what is loaded for the draft's region: a choice missing from a loaded list is gone. */
export function validateBoot(draft: Draft, lists: BootLists = {}): StepErrors {
  if (!isBootKind(draft.bootKind) || !draft.bootId) return { bootId: "Choose what the VM boots from." };
  const list = lists[draft.bootKind];
  if (list && !list.some((i) => i.id === draft.bootId)) {
    return {
      bootId: `The ${BOOT_KIND_NOUN[draft.bootKind]} chosen earlier is not available in ${draft.region ?? "this region"}: choose another.`,
    };
  }
  return {};
}
