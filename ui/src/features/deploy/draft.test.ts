import { describe, expect, it } from "vitest";
import { SSH_RULE } from "../../test/rules";
import { vmOf } from "../../test/vms";
import type { BootItem } from "./bootStep";
import {
  applyDeepLink,
  buildRequest,
  deployPath,
  draftFromTemplate,
  draftFromVm,
  emptyDraft,
  fitGpuChange,
  fitRegionChange,
  normalizeDraft,
  readDeepLink,
} from "./draft";
import { catalogOf } from "./testCatalog";
import type { Draft } from "./wizard";

const catalog = catalogOf();

function draftWith(patch: Partial<Draft>): Draft {
  return { ...emptyDraft(), ...patch };
}

const customImage: BootItem = {
  kind: "custom_image",
  id: "IMG-1",
  name: "trained-v2",
  region: "NORWAY-1",
  sizeGb: 120,
  createdAt: null,
  source: "snap-a",
  detail: null,
};

describe("a new draft", () => {
  it("starts at the GPU step with a public IP and nothing chosen", () => {
    const d = emptyDraft();
    expect(d).toMatchObject({ step: "gpu", gpuModel: null, gpuCount: 0, publicIp: true, sshKeyIds: [], name: "" });
  });

  it("a draft from another version gets the missing fields and a known step", () => {
    const d = normalizeDraft({ gpuModel: "L40", step: "nonsense" } as Partial<Draft>);
    expect(d.step).toBe("gpu");
    expect(d.gpuModel).toBe("L40");
    expect(d.securityRules).toEqual([]);
  });
});

describe("buildRequest", () => {
  const full = draftWith({
    name: "  train-1 ",
    gpuModel: "H100-SXM5-80GB",
    tier: "advanced",
    gpuCount: 4,
    region: "CANADA-1",
    bootKind: "custom_image",
    bootId: "IMG-1",
    sshKeyIds: ["K1", "K2"],
    publicIp: false,
    securityRules: [SSH_RULE],
    jupyterEnabled: true,
    cloudInit: "#cloud-config\n",
    startupScriptId: "S1",
  });

  it("is the documented body, with the Jupyter password from memory", () => {
    expect(buildRequest(full, { jupyterPassword: "s3cret-pass" })).toEqual({
      name: "train-1",
      region: "CANADA-1",
      gpu_model: "H100-SXM5-80GB",
      gpu_count: 4,
      tier: "advanced",
      boot_source: { type: "custom_image", id: "IMG-1" },
      ssh_key_ids: ["K1", "K2"],
      public_ip: false,
      security_rules: [SSH_RULE],
      jupyter: { enabled: true, password: "s3cret-pass" },
      cloud_init: "#cloud-config\n",
      startup_script_id: "S1",
    });
  });

  it("leaves out what was not chosen", () => {
    const body = buildRequest(
      { ...full, tier: null, jupyterEnabled: false, cloudInit: "  ", startupScriptId: null },
      { jupyterPassword: "ignored" },
    );
    expect(body).not.toHaveProperty("tier");
    expect(body).not.toHaveProperty("jupyter");
    expect(body).not.toHaveProperty("cloud_init");
    expect(body).not.toHaveProperty("startup_script_id");
  });
});

describe("links into the wizard", () => {
  it("deployPath carries region and boot source", () => {
    expect(deployPath({ region: "CANADA-1", bootKind: "custom_image", bootId: "IMG 1" })).toBe(
      "/deploy?region=CANADA-1&boot=custom_image&image=IMG+1",
    );
    expect(deployPath()).toBe("/deploy");
  });

  it("reads back what deployPath wrote, and ignores an unknown boot kind", () => {
    const p = new URLSearchParams(
      deployPath({ region: "CANADA-1", bootKind: "custom_image", bootId: "IMG-1", bootName: "my image" }).split("?")[1],
    );
    expect(readDeepLink(p)).toEqual({
      region: "CANADA-1",
      bootKind: "custom_image",
      bootId: "IMG-1",
      bootName: "my image",
    });
    expect(readDeepLink(new URLSearchParams("boot=floppy&image=x"))).toEqual({
      region: null,
      bootKind: null,
      bootId: null,
      bootName: null,
    });
    expect(readDeepLink(new URLSearchParams(""))).toBeNull();
  });

  it("applies the choices onto the draft and opens the first step still to do", () => {
    const d = applyDeepLink(emptyDraft(), { region: "CANADA-1", bootKind: "custom_image", bootId: "IMG-1" });
    expect(d).toMatchObject({ region: "CANADA-1", bootKind: "custom_image", bootId: "IMG-1", step: "gpu" });
    const ready = draftWith({ gpuModel: "L40", gpuCount: 1, region: "NORWAY-1", bootKind: "os_image", bootId: "OS-N" });
    expect(applyDeepLink(ready, { region: "US-1" })).toMatchObject({
      region: "US-1",
      bootKind: null,
      bootId: null,
      step: "boot",
    });
    expect(applyDeepLink(ready, { region: "NORWAY-1", bootKind: "volume", bootId: "V1" })).toMatchObject({
      bootKind: "volume",
      bootId: "V1",
      step: "keys",
    });
  });

  it("Deploy again copies the VM's configuration without its name, at the review", () => {
    const vm = vmOf("train-h100", "ACTIVE", {
      region: "NORWAY-1",
      tier: "advanced",
      image: { id: "IMG-9", name: "trained", type: "custom_image", default_user: "ubuntu" },
      ssh_key_ids: ["K1"],
      public_ip_enabled: false,
      security_rules: [{ ...SSH_RULE, id: "R1", remote_ip_prefix: "10.0.0.0/8", created_at: null }],
    });
    const d = draftFromVm(vm);
    expect(d).toMatchObject({
      step: "review",
      name: "",
      gpuModel: "H100-SXM5-80GB",
      gpuCount: 2,
      tier: "advanced",
      region: "NORWAY-1",
      bootKind: "custom_image",
      bootId: "IMG-9",
      sshKeyIds: ["K1"],
      publicIp: false,
    });
    expect(d.securityRules).toEqual([{ ...SSH_RULE, remote_ip_prefix: "10.0.0.0/8" }]);
    // Older answers call an OS image "os".
    expect(draftFromVm(vmOf("x")).bootKind).toBe("os_image");
  });

  it("a template opens at the review with no name", () => {
    const d = draftFromTemplate(draftWith({ name: "old", gpuModel: "L40", gpuCount: 2, step: "boot" }));
    expect(d).toMatchObject({ name: "", step: "review", gpuModel: "L40", gpuCount: 2 });
  });
});

describe("a model or tier change clears what no longer fits, and says so", () => {
  it("a count beyond the new tier's maximum", () => {
    const d = draftWith({ gpuModel: "H100-SXM5-80GB", tier: "legacy", gpuCount: 8, region: "CANADA-1" });
    const { draft, notices } = fitGpuChange(d, catalog);
    expect(draft.gpuCount).toBe(0);
    expect(draft.region).toBe("CANADA-1");
    expect(notices).toEqual([expect.stringMatching(/legacy tier allows at most 4 GPUs, so ×8 was cleared/)]);
  });

  it("a count not in stock anywhere for the new model, and a region without it", () => {
    const d = draftWith({ gpuModel: "L40", tier: "advanced", gpuCount: 8, region: "CANADA-1" });
    const { draft, notices } = fitGpuChange(d, catalog);
    // L40 is sold in one tier only: it is picked.
    expect(draft.tier).toBe("legacy");
    expect(draft.gpuCount).toBe(0);
    expect(draft.region).toBeNull();
    expect(notices.join(" ")).toMatch(/not sold in the advanced tier/);
    expect(notices.join(" ")).toMatch(/×8 was cleared|not in stock in any region/);
    expect(notices.join(" ")).toMatch(/CANADA-1 has no L40 in stock, so the region was cleared/);
  });

  it("a region that has the model but not the count", () => {
    const d = draftWith({ gpuModel: "H100-SXM5-80GB", tier: "advanced", gpuCount: 4, region: "NORWAY-1" });
    const { draft, notices } = fitGpuChange(d, catalog);
    expect(draft.gpuCount).toBe(4);
    expect(draft.region).toBeNull();
    expect(notices).toEqual(["NORWAY-1 has no H100-SXM5-80GB ×4 in stock, so the region was cleared; choose another."]);
  });

  it("keeps everything that still fits, silently", () => {
    const d = draftWith({ gpuModel: "H100-SXM5-80GB", tier: "advanced", gpuCount: 2, region: "NORWAY-1" });
    expect(fitGpuChange(d, catalog)).toEqual({ draft: d, notices: [] });
  });

  it("does nothing before the catalog is known", () => {
    const d = draftWith({ gpuModel: "L40", gpuCount: 8 });
    expect(fitGpuChange(d, undefined)).toEqual({ draft: d, notices: [] });
  });
});

describe("a region change clears a boot source of another region", () => {
  const chosen = draftWith({ region: "CANADA-1", bootKind: "custom_image", bootId: "IMG-1" });

  it("naming it and where it is", () => {
    const { draft, notices } = fitRegionChange(chosen, "NORWAY-1", customImage);
    expect(draft).toMatchObject({ region: "CANADA-1", bootKind: null, bootId: null });
    expect(notices).toEqual(["The custom image trained-v2 is in NORWAY-1; pick one in CANADA-1."]);
  });

  it("also when the old choice is not known any more", () => {
    const d = draftWith({ region: "US-1", bootKind: "volume", bootId: "V-9" });
    const { draft, notices } = fitRegionChange(d, "NORWAY-1", undefined);
    expect(draft.bootId).toBeNull();
    expect(notices).toEqual(["The volume chosen for NORWAY-1 cannot boot a VM in US-1; pick one in US-1."]);
  });

  it("keeps a source of the new region, and keeps it while no region is chosen", () => {
    const back = draftWith({ region: "NORWAY-1", bootKind: "custom_image", bootId: "IMG-1" });
    expect(fitRegionChange(back, null, customImage).notices).toEqual([]);
    const cleared = draftWith({ region: null, bootKind: "custom_image", bootId: "IMG-1" });
    expect(fitRegionChange(cleared, "NORWAY-1", customImage)).toEqual({ draft: cleared, notices: [] });
    expect(fitRegionChange(chosen, "CANADA-1", customImage).notices).toEqual([]);
  });
});
