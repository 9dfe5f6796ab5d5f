// The statistics of the Volumes page (VOL-02), over the volumes of the chosen region.

import type { Volume } from "./queries";

export type VolumeStats = { volumes: number; storageGb: number; attached: number; bootable: number };

export function volumeStats(volumes: readonly Volume[]): VolumeStats {
  return {
    volumes: volumes.length,
    storageGb: volumes.reduce((n, v) => n + (v.size_gb ?? 0), 0),
    attached: volumes.filter((v) => v.instance_id != null).length,
    bootable: volumes.filter((v) => v.bootable).length,
  };
}
