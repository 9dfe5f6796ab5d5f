// The source VM's configuration for a snapshot's details (SNAP-20): what the snapshot kept,
// or, when Barrack sent none, what the source VM has now (if it still exists). Each fact
// only when known.

import type { Snapshot, Vm } from "../storage/queries";

export type ConfigFact = { label: string; value: string };

export function vmConfigFacts(s: Snapshot, source: Vm | undefined): ConfigFact[] {
  const c = s.vm_config;
  const vcpus = c?.vcpus ?? source?.flavor.cpu_cores ?? null;
  const ram = c?.ram_gb ?? source?.flavor.ram_gb ?? null;
  const gpuModel = c?.gpu_model ?? source?.flavor.gpu_model ?? null;
  const gpuCount = c?.gpu_count ?? source?.flavor.gpu_count ?? null;
  const disk = c?.disk_gb ?? source?.flavor.storage_gb ?? null;
  const region = c?.region || source?.region || s.region;
  const facts: ConfigFact[] = [{ label: "Region", value: region }];
  if (vcpus != null) facts.push({ label: "vCPUs", value: String(vcpus) });
  if (ram != null) facts.push({ label: "RAM", value: `${ram} GB` });
  if (gpuModel) facts.push({ label: "GPU", value: gpuCount != null ? `${gpuModel} × ${gpuCount}` : gpuModel });
  if (disk != null) facts.push({ label: "Disk", value: `${disk} GB` });
  return facts;
}
