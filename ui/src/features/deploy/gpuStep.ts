// The GPU step (DEP-10…13): which models, tiers and counts the live stock and the pricing
// table offer, and whether the draft's choice is one of them. Pure functions of the catalog
// the backend joins (stock × specs × pricing), so the rules are tested without a screen.

import type { DeployCatalog_Serialize, GpuChoice_Serialize, TierOffer } from "../../bindings";
import type { Draft, StepErrors } from "./wizard";

export type Catalog = DeployCatalog_Serialize;
export type GpuChoice = GpuChoice_Serialize;

export function gpuOf(catalog: Catalog | undefined, model: string | null): GpuChoice | undefined {
  if (!catalog || !model) return undefined;
  return catalog.gpus.find((g) => g.model === model);
}

/** The tier offer the draft means: the chosen one, or the only one when there is just one. */
export function tierOffer(gpu: GpuChoice | undefined, tier: string | null): TierOffer | undefined {
  if (!gpu) return undefined;
  if (tier) return gpu.tiers.find((t) => t.tier === tier);
  return gpu.tiers.length === 1 ? gpu.tiers[0] : undefined;
}

/** Every count deployable now in some region (DEP-11), ascending. */
export function stockedCounts(gpu: GpuChoice | undefined): number[] {
  const all = new Set<number>();
  for (const s of gpu?.stock ?? []) for (const c of s.counts) all.add(c);
  return [...all].sort((a, b) => a - b);
}

export type CountChoice = { count: number; enabled: boolean; reason: string | null };

/**
 * The count buttons: every count up to the tier's maximum that is a power of two or in stock
 * (so a size sold out now still shows, disabled, with why), plus any stocked count.
 */
export function countChoices(gpu: GpuChoice | undefined, tier: string | null): CountChoice[] {
  if (!gpu) return [];
  const stocked = new Set(stockedCounts(gpu));
  const offer = tierOffer(gpu, tier);
  const max = offer?.maxCount ?? Math.max(8, ...stocked);
  const shown = new Set<number>(stocked);
  for (let n = 1; n <= max; n *= 2) shown.add(n);
  return [...shown]
    .sort((a, b) => a - b)
    .map((count) => {
      if (count > max) return { count, enabled: false, reason: `The ${offer?.tier ?? ""} tier allows at most ${max}.` };
      if (!stocked.has(count)) return { count, enabled: false, reason: "Not in stock in any region right now." };
      return { count, enabled: true, reason: null };
    });
}

/** The lowest price per GPU-hour across the model's tiers ("from …" before a tier is picked). */
export function lowestPrice(gpu: GpuChoice): number | null {
  const prices = gpu.tiers.map((t) => t.perGpuHour).filter((p): p is number => p != null);
  return prices.length ? Math.min(...prices) : null;
}

/** DEP-12: NVLink comes with several GPUs of a model that supports it. */
export function includesNvlink(gpu: GpuChoice | undefined, count: number): boolean {
  return Boolean(gpu?.nvlink) && count > 1;
}

/** The step's errors, in the order of its fields. */
export function validateGpu(draft: Draft, catalog: Catalog | undefined): StepErrors {
  const errors: StepErrors = {};
  if (!draft.gpuModel) {
    errors.gpuModel = "Choose a GPU model.";
    return errors;
  }
  const gpu = gpuOf(catalog, draft.gpuModel);
  if (catalog && !gpu) {
    errors.gpuModel = `${draft.gpuModel} is no longer offered: choose another model.`;
    return errors;
  }
  if (gpu && gpu.tiers.length > 1 && !tierOffer(gpu, draft.tier)) errors.tier = "Choose a tier: the price differs.";
  if (draft.gpuCount <= 0) {
    errors.gpuCount = "Choose how many GPUs.";
  } else if (gpu) {
    const choice = countChoices(gpu, draft.tier).find((c) => c.count === draft.gpuCount);
    if (!choice?.enabled) {
      errors.gpuCount = `${draft.gpuModel} ×${draft.gpuCount}: ${choice?.reason ?? "not in stock in any region right now."} Choose another count.`;
    }
  }
  return errors;
}
