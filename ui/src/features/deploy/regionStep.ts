// The Region step (DEP-20…22): a region is offered only when it has the chosen model in the
// chosen count in stock now; the others stay visible, disabled, saying why.

import { gpuOf, type Catalog } from "./gpuStep";
import type { Draft, StepErrors } from "./wizard";

export type RegionOption = {
  name: string;
  label: string;
  location: string | null;
  /** Free GPUs of the model there. */
  available: number;
  selectable: boolean;
  /** Why it cannot be picked (null when it can). */
  reason: string | null;
};

/** Why `region` cannot take `model ×count` now, or null when it can. */
export function regionReason(
  catalog: Catalog | undefined,
  draft: Pick<Draft, "gpuModel" | "gpuCount">,
  region: string,
): string | null {
  const gpu = gpuOf(catalog, draft.gpuModel);
  if (!gpu || draft.gpuCount <= 0) return "Choose a GPU model and count first.";
  const here = catalog?.regions.find((r) => r.name === region);
  if (here && !here.available) return "This region is not taking new VMs right now.";
  const stock = gpu.stock.find((s) => s.region === region);
  if (!stock || !stock.counts.includes(draft.gpuCount)) return `No ${gpu.model} ×${draft.gpuCount} in stock here`;
  return null;
}

/** Every region of the catalog, plus any the stock names that the region list does not. */
export function regionOptions(
  catalog: Catalog | undefined,
  draft: Pick<Draft, "gpuModel" | "gpuCount">,
): RegionOption[] {
  if (!catalog) return [];
  const gpu = gpuOf(catalog, draft.gpuModel);
  const names = [...catalog.regions.map((r) => r.name)];
  for (const s of gpu?.stock ?? []) if (!names.includes(s.region)) names.push(s.region);
  return names.map((name) => {
    const info = catalog.regions.find((r) => r.name === name);
    const reason = regionReason(catalog, draft, name);
    return {
      name,
      label: info?.displayName || name,
      location: info?.location ?? null,
      available: gpu?.stock.find((s) => s.region === name)?.available ?? 0,
      selectable: reason === null,
      reason,
    };
  });
}

export function validateRegion(draft: Draft, catalog: Catalog | undefined): StepErrors {
  if (!draft.region) return { region: "Choose a region." };
  if (!catalog) return {};
  const reason = regionReason(catalog, draft, draft.region);
  return reason ? { region: `${draft.region}: ${reason}. Choose another region.` } : {};
}
