// The wizard's draft as data: a new one, the request it becomes, the ways in from elsewhere
// (an address, a VM to deploy again, a template), and what an earlier change undoes later
// on — with a sentence saying which choice went and why (Deliver 5).

import type { DeploymentRequest_Serialize, VMInstance_Serialize } from "../../bindings";
import { BOOT_KIND_NOUN, isBootKind, type BootItem, type BootKind } from "./bootStep";
import { countChoices, gpuOf, stockedCounts, tierOffer, type Catalog } from "./gpuStep";
import { STEPS, type Draft, type Secrets, type StepId } from "./wizard";

export function emptyDraft(): Draft {
  return {
    step: "gpu",
    gpuModel: null,
    tier: null,
    gpuCount: 0,
    region: null,
    bootKind: null,
    bootId: null,
    sshKeyIds: [],
    // DEP-50: a public IP unless the user turns it off.
    publicIp: true,
    securityRules: [],
    jupyterEnabled: false,
    cloudInit: "",
    startupScriptId: null,
    name: "",
  };
}

export function isStepId(s: string | null | undefined): s is StepId {
  return (STEPS as readonly string[]).includes(s ?? "");
}

/** A draft read from disk (maybe from another version) with every field present. */
export function normalizeDraft(d: Partial<Draft> | null | undefined): Draft {
  const base = emptyDraft();
  const merged = { ...base, ...(d ?? {}) } as Draft;
  if (!isStepId(merged.step)) merged.step = "gpu";
  return merged;
}

/**
 * The body of "Create a new instance". Optional parts are left out when unused, so the
 * request (and its `barrack deploy` line) says only what was chosen.
 */
export function buildRequest(draft: Draft, secrets: Secrets): DeploymentRequest_Serialize {
  const body: DeploymentRequest_Serialize = {
    name: draft.name.trim(),
    region: draft.region ?? "",
    gpu_model: draft.gpuModel ?? "",
    gpu_count: draft.gpuCount,
    boot_source: { type: draft.bootKind ?? "", id: draft.bootId ?? "" },
    ssh_key_ids: [...draft.sshKeyIds],
    public_ip: draft.publicIp,
    security_rules: draft.securityRules.map((r) => ({ ...r })),
  };
  if (draft.tier) body.tier = draft.tier;
  if (draft.jupyterEnabled) body.jupyter = { enabled: true, password: secrets.jupyterPassword };
  if (draft.cloudInit.trim() !== "") body.cloud_init = draft.cloudInit;
  if (draft.startupScriptId) body.startup_script_id = draft.startupScriptId;
  return body;
}

// ---------------------------------------------------------------------------------------
// Ways in

/** `bootName` only labels the choice in the wizard's notice (an id says nothing to a person). */
export type DeepLink = {
  region?: string | null;
  bootKind?: BootKind | null;
  bootId?: string | null;
  bootName?: string | null;
};

/** `/deploy?region=R&boot=custom_image&image=ID`: the Images (and Volumes) pages link here. */
export function deployPath({ region, bootKind, bootId, bootName }: DeepLink = {}): string {
  const p = new URLSearchParams();
  if (region) p.set("region", region);
  if (bootKind) p.set("boot", bootKind);
  if (bootId) p.set("image", bootId);
  if (bootId && bootName) p.set("name", bootName);
  const q = p.toString();
  return q ? `/deploy?${q}` : "/deploy";
}

/** `/deploy?again=<vm id>`: the VM detail page's "Deploy again". */
export function deployAgainPath(vmId: string): string {
  return `/deploy?again=${encodeURIComponent(vmId)}`;
}

/** The choices an address carries, or null when it carries none. */
export function readDeepLink(params: URLSearchParams): DeepLink | null {
  const region = params.get("region");
  const boot = params.get("boot");
  const bootId = params.get("image");
  if (!region && !boot && !bootId) return null;
  const ok = isBootKind(boot);
  return { region, bootKind: ok ? boot : null, bootId: ok ? bootId : null, bootName: ok ? params.get("name") : null };
}

/**
 * Applies an address's region and boot source onto the draft. A region that differs from
 * the draft's drops the old boot source; the step to show is the first one still to do.
 */
export function applyDeepLink(draft: Draft, link: DeepLink): Draft {
  let next = { ...draft };
  if (link.region && link.region !== draft.region)
    next = { ...next, region: link.region, bootKind: null, bootId: null };
  if (link.bootKind && link.bootId) next = { ...next, bootKind: link.bootKind, bootId: link.bootId };
  const step: StepId =
    !next.gpuModel || next.gpuCount <= 0 ? "gpu" : !next.region ? "region" : !next.bootId ? "boot" : "keys";
  return { ...next, step };
}

/** What a VM's image type says about its boot source ("os" in older answers). */
export function bootKindOfImageType(type: string): BootKind {
  const t = type.toLowerCase();
  if (t === "volume") return "volume";
  if (t === "custom_image" || t === "image" || t === "custom" || t === "snapshot") return "custom_image";
  return "os_image";
}

/** "Deploy again": the VM's configuration, with no name (names are unique), at the review. */
export function draftFromVm(vm: VMInstance_Serialize): Draft {
  return {
    ...emptyDraft(),
    step: "review",
    gpuModel: vm.flavor.gpu_model,
    gpuCount: vm.flavor.gpu_count,
    tier: vm.tier,
    region: vm.region,
    bootKind: bootKindOfImageType(vm.image.type),
    bootId: vm.image.id,
    sshKeyIds: [...vm.ssh_key_ids],
    publicIp: vm.public_ip_enabled,
    securityRules: vm.security_rules.map((r) => {
      const rule: Draft["securityRules"][number] = {
        direction: r.direction,
        protocol: r.protocol,
        ethertype: r.ethertype,
        remote_ip_prefix: r.remote_ip_prefix,
      };
      if (r.port_range_min != null) rule.port_range_min = r.port_range_min;
      if (r.port_range_max != null) rule.port_range_max = r.port_range_max;
      return rule;
    }),
    jupyterEnabled: vm.jupyter_enabled,
  };
}

/** "Deploy from template": its choices, no name, straight to the review. */
export function draftFromTemplate(saved: Draft): Draft {
  return { ...normalizeDraft(saved), name: "", step: "review" };
}

// ---------------------------------------------------------------------------------------
// Earlier changes that undo later choices

export type Fitted = { draft: Draft; notices: string[] };

/**
 * After the model, tier or count changed: a tier the model is not sold in, a count beyond
 * the tier's maximum or out of stock everywhere, and a region without that stock go, each
 * with a sentence. The only tier of a model is picked by itself.
 */
export function fitGpuChange(draft: Draft, catalog: Catalog | undefined): Fitted {
  const gpu = gpuOf(catalog, draft.gpuModel);
  if (!gpu) return { draft, notices: [] };
  const notices: string[] = [];
  let next = { ...draft };

  if (next.tier && !gpu.tiers.some((t) => t.tier === next.tier)) {
    notices.push(
      `${gpu.model} is not sold in the ${next.tier} tier${gpu.tiers.length > 1 ? "; choose one of its tiers" : ""}.`,
    );
    next.tier = null;
  }
  if (!next.tier && gpu.tiers.length === 1) next.tier = gpu.tiers[0]!.tier;

  if (next.gpuCount > 0) {
    const offer = tierOffer(gpu, next.tier);
    const choice = countChoices(gpu, next.tier).find((c) => c.count === next.gpuCount);
    if (offer && next.gpuCount > offer.maxCount) {
      notices.push(
        `${gpu.model} in the ${offer.tier} tier allows at most ${offer.maxCount} GPUs, so ×${next.gpuCount} was cleared; choose a count.`,
      );
      next.gpuCount = 0;
    } else if (!choice?.enabled || !stockedCounts(gpu).includes(next.gpuCount)) {
      notices.push(
        `${gpu.model} ×${next.gpuCount} is not in stock in any region now, so the count was cleared; choose another.`,
      );
      next.gpuCount = 0;
    }
  }

  if (next.region) {
    const stock = gpu.stock.find((s) => s.region === next.region);
    const none = !stock || stock.counts.length === 0;
    const lacksCount = next.gpuCount > 0 && !(stock?.counts.includes(next.gpuCount) ?? false);
    if (none || lacksCount) {
      const what = none || next.gpuCount <= 0 ? gpu.model : `${gpu.model} ×${next.gpuCount}`;
      notices.push(`${next.region} has no ${what} in stock, so the region was cleared; choose another.`);
      next = { ...next, region: null };
    }
  }
  return { draft: next, notices };
}

/**
 * After the region changed: a boot source of another region goes (DEP-22, DEP-34). `boot`
 * is what the old choice was, when known, to name it; a source known to be in the new
 * region stays.
 */
export function fitRegionChange(draft: Draft, previousRegion: string | null, last: BootItem | undefined): Fitted {
  const boot = last && last.id === draft.bootId ? last : undefined;
  // A region cleared (by a GPU change) keeps the boot source until another one is picked.
  if (!draft.bootId || !isBootKind(draft.bootKind) || !draft.region || draft.region === previousRegion) {
    return { draft, notices: [] };
  }
  const region = draft.region;
  if (boot && boot.region.toUpperCase() === region.toUpperCase()) return { draft, notices: [] };
  const noun = BOOT_KIND_NOUN[draft.bootKind];
  const notice = boot
    ? `The ${noun} ${boot.name} is in ${boot.region}; pick one in ${region}.`
    : `The ${noun} chosen for ${previousRegion ?? "the earlier region"} cannot boot a VM in ${region}; pick one in ${region}.`;
  return { draft: { ...draft, bootKind: null, bootId: null }, notices: [notice] };
}

/** Which fields a patch touches, to know which rules to run. */
export function touchesGpu(patch: Partial<Draft>): boolean {
  return "gpuModel" in patch || "tier" in patch || "gpuCount" in patch;
}
