import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/ipc";
import { customImageItems, osImageItems, validateBoot, volumeItems } from "./bootStep";
import { emptyDraft } from "./draft";
import { countChoices, validateGpu } from "./gpuStep";
import { regionOptions, validateRegion } from "./regionStep";
import type { NameCheck_Serialize, NameForm } from "../../bindings";
import { casesOf } from "../../test/formCases";
import { placeRefusal, validateReview, vmNameForm } from "./review";
import { catalogOf, image, osImage, snapshot, volume } from "./testCatalog";
import type { Draft } from "./wizard";

const catalog = catalogOf();
const d = (patch: Partial<Draft>): Draft => ({ ...emptyDraft(), ...patch });
const h100 = catalog.gpus[0]!;

describe("GPU step", () => {
  it("offers the counts in stock somewhere, and shows sold-out sizes disabled with why", () => {
    const choices = countChoices(h100, "advanced");
    expect(choices.map((c) => [c.count, c.enabled])).toEqual([
      [1, true],
      [2, true],
      [4, true],
      [8, true],
    ]);
    const l40 = countChoices(catalog.gpus[1], "legacy");
    expect(l40.map((c) => c.count)).toEqual([1, 2, 4]);
    expect(countChoices(h100, "legacy").find((c) => c.count === 8)).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/at most 4/),
    });
    expect(countChoices(catalog.gpus[2], "advanced").every((c) => !c.enabled)).toBe(true);
  });

  it("needs a model, a tier when there are several, and a count in stock", () => {
    expect(Object.keys(validateGpu(d({}), catalog))).toEqual(["gpuModel"]);
    expect(Object.keys(validateGpu(d({ gpuModel: "H100-SXM5-80GB" }), catalog))).toEqual(["tier", "gpuCount"]);
    expect(validateGpu(d({ gpuModel: "L40", gpuCount: 2 }), catalog)).toEqual({});
    expect(validateGpu(d({ gpuModel: "L40", gpuCount: 8 }), catalog).gpuCount).toMatch(/L40 ×8/);
    expect(validateGpu(d({ gpuModel: "GONE", gpuCount: 1 }), catalog).gpuModel).toMatch(/no longer offered/);
  });
});

describe("Region step", () => {
  it("only regions with the model in that count can be picked; the others say why", () => {
    const opts = regionOptions(catalog, { gpuModel: "H100-SXM5-80GB", gpuCount: 4 });
    expect(opts.map((o) => [o.name, o.selectable])).toEqual([
      ["NORWAY-1", false],
      ["CANADA-1", true],
      ["US-1", false],
    ]);
    expect(opts[0]!.reason).toBe("No H100-SXM5-80GB ×4 in stock here");
  });

  it("a closed region says so", () => {
    const closed = catalogOf({ regions: [{ name: "CANADA-1", displayName: null, location: null, available: false }] });
    expect(regionOptions(closed, { gpuModel: "H100-SXM5-80GB", gpuCount: 1 })[0]!.reason).toMatch(/not taking new VMs/);
  });

  it("validates the choice against the stock now", () => {
    expect(validateRegion(d({ gpuModel: "H100-SXM5-80GB", gpuCount: 4 }), catalog)).toEqual({
      region: "Choose a region.",
    });
    expect(validateRegion(d({ gpuModel: "H100-SXM5-80GB", gpuCount: 4, region: "NORWAY-1" }), catalog).region).toMatch(
      /NORWAY-1: No H100-SXM5-80GB ×4 in stock here/,
    );
    expect(validateRegion(d({ gpuModel: "H100-SXM5-80GB", gpuCount: 4, region: "CANADA-1" }), catalog)).toEqual({});
  });
});

describe("Boot step", () => {
  it("OS images of the region only", () => {
    expect(osImageItems([osImage("A", "CANADA-1"), osImage("B", "NORWAY-1")], "CANADA-1").map((i) => i.id)).toEqual([
      "A",
    ]);
  });

  it("volumes: bootable, at least 100 GB, free and of this region", () => {
    const vols = [
      volume("ok", "CANADA-1"),
      volume("small", "CANADA-1", { size_gb: 50 }),
      volume("data", "CANADA-1", { bootable: false }),
      volume("busy", "CANADA-1", { status: "in-use" }),
      volume("far", "NORWAY-1"),
    ];
    expect(volumeItems(vols, "CANADA-1").map((v) => v.id)).toEqual(["ok"]);
  });

  it("custom images: Available, this region only, with the source snapshot by name; snapshots taken as images too", () => {
    const items = customImageItems(
      [
        image("here", "CANADA-1", { snapshot_id: "S1" }),
        image("named", "CANADA-1", { snapshot_name: "nightly" }),
        image("building", "CANADA-1", { status: "Creating" }),
        image("norway", "NORWAY-1"),
      ],
      [
        snapshot("S1", "CANADA-1", { name: "before-upgrade" }),
        snapshot("S2", "CANADA-1", { is_image: true, name: "golden" }),
      ],
      "CANADA-1",
    );
    expect(items.map((i) => [i.id, i.source])).toEqual([
      ["here", "before-upgrade"],
      ["named", "nightly"],
      ["S2", "golden"],
    ]);
  });

  it("needs a choice that is in the loaded list", () => {
    expect(validateBoot(d({}))).toEqual({ bootId: "Choose what the VM boots from." });
    const lists = { os_image: osImageItems([osImage("A", "CANADA-1")], "CANADA-1") };
    expect(validateBoot(d({ region: "CANADA-1", bootKind: "os_image", bootId: "A" }), lists)).toEqual({});
    expect(validateBoot(d({ region: "CANADA-1", bootKind: "os_image", bootId: "Z" }), lists).bootId).toMatch(
      /not available in CANADA-1/,
    );
  });
});

describe("Name", () => {
  it("is the review step's only field: Rust's answer for the VM name, at the name field", () => {
    for (const c of casesOf("check_resource_name").filter((x) => (x.input.form as NameForm).noun === "vm")) {
      const out = c.output as NameCheck_Serialize;
      const e = validateReview(out);
      if (out.errors.length === 0) expect(e).toEqual({});
      else expect(e).toEqual({ name: out.errors[0]!.message });
    }
    // An answer not in yet says nothing (Deploy waits for it).
    expect(validateReview(undefined)).toEqual({});
  });

  it("asks about the name with the VM noun and the names in use", () => {
    expect(vmNameForm("box", ["a"])).toEqual({ name: "box", noun: "vm", taken: ["a"] });
  });
});

describe("where a refusal goes", () => {
  const err = (code: string, message: string, field?: string) => new AppError({ code, message, field });

  it("a taken name at the name field", () => {
    expect(
      placeRefusal(err("Conflict", 'A VM named "x" already exists; names are unique in the account')),
    ).toMatchObject({
      kind: "field",
      step: "review",
      field: "name",
    });
  });

  it("a validation error at its step's field", () => {
    expect(placeRefusal(err("Validation", "Image is in NORWAY-1", "boot_source.id"))).toMatchObject({
      step: "boot",
      field: "bootId",
    });
    expect(placeRefusal(err("Validation", "bad", "security_rules[0].port_range_min"))).toMatchObject({
      step: "advanced",
      field: "securityRules",
    });
    expect(placeRefusal(err("Validation", "too many", "gpu_count"))).toMatchObject({ step: "gpu", field: "gpuCount" });
  });

  it("the rest in the banner", () => {
    expect(placeRefusal(err("InsufficientCredits", "Insufficient Credits")).kind).toBe("banner");
    expect(placeRefusal(err("Conflict", "volume is in-use")).kind).toBe("banner");
    expect(placeRefusal(err("Validation", "odd", "mystery")).kind).toBe("banner");
  });
});
