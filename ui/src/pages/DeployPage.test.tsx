import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DeployDraft_Serialize, DeploymentRequest_Serialize } from "../bindings";
import { emptyDraft } from "../features/deploy/draft";
import { catalogOf, image, osImage, page, quoteOf, snapshot, volume } from "../features/deploy/testCatalog";
import { deferred, fails, mockBackend, renderApp } from "../test/backend";
import { instancesOverviewOf, rowOf, vmOf } from "../test/vms";
import { replaceText, type User } from "../test/typing";

const KEY = {
  id: "K1",
  name: "laptop",
  public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3x laptop",
  fingerprint: "SHA256:abc",
  used_by: [],
  created_at: null,
};

const existing = vmOf("train-h100", "ACTIVE");

function deployed(body: DeploymentRequest_Serialize) {
  const vm = vmOf(body.name, "CREATING", { id: "vm-new", region: body.region, deployment_id: null });
  return {
    success: true,
    message: null,
    instance_id: "vm-new",
    instance: vm,
    tier: "advanced",
    deployment_id: "DEP1234567",
    request_id: "r",
  };
}

function backend(extra: Record<string, unknown> = {}) {
  return mockBackend({
    deploy_catalog: catalogOf(),
    get_deploy_draft: null,
    save_deploy_draft: null,
    discard_deploy_draft: null,
    list_deploy_templates: [],
    list_os_images: (a: Record<string, unknown>) => {
      const region = (a.query as { region: string }).region;
      const all = [osImage("OS-C", "CANADA-1"), osImage("OS-N", "NORWAY-1")];
      return { success: true, message: null, images: all.filter((i) => i.region === region), request_id: null };
    },
    list_volumes: { ...page("volumes", []), next_name: null },
    list_images: page("images", [image("IMG-C", "CANADA-1", { snapshot_name: "nightly" }), image("IMG-N", "NORWAY-1")]),
    list_snapshots: page("snapshots", [snapshot("snap-1", "CANADA-1")]),
    list_ssh_keys: { success: true, message: null, ssh_keys: [KEY], request_id: null },
    list_scripts: { success: true, message: null, scripts: [], request_id: null },
    instances_overview: instancesOverviewOf([rowOf(existing)]),
    deploy_quote: quoteOf(9.96),
    explain_deploy: (a: Record<string, unknown>) => ({
      command: `barrack deploy --name ${(a.body as DeploymentRequest_Serialize).name}`,
      method: "POST",
      url: "https://barrack.ai/api/v1/instances",
      body: JSON.stringify(a.body, null, 2),
      explain: "",
      curl: "",
    }),
    deploy_instance: (a: Record<string, unknown>) => deployed(a.body as DeploymentRequest_Serialize),
    get_instance: {
      success: true,
      message: null,
      instance: vmOf("fresh", "CREATING", { id: "vm-new" }),
      request_id: null,
    },
    ...extra,
  });
}

/** GPU → region → boot → keys → advanced → review, with H100 ×4 in CANADA-1 on an OS image. */
async function walkToReview(user: User) {
  await user.click(await screen.findByTestId("gpu-card-H100-SXM5-80GB"));
  await user.click(screen.getByTestId("tier-advanced"));
  await user.click(screen.getByTestId("gpu-count-4"));
  expect(screen.getByTestId("nvlink-H100-SXM5-80GB")).toHaveTextContent("NVLink included");
  await user.click(screen.getByTestId("deploy-next"));
  expect(await screen.findByTestId("deploy-step-region")).toBeInTheDocument();
  expect(screen.getByTestId("region-NORWAY-1")).toBeDisabled();
  expect(screen.getByTestId("region-reason-NORWAY-1")).toHaveTextContent("No H100-SXM5-80GB ×4 in stock here");
  await user.click(screen.getByTestId("region-CANADA-1"));
  await user.click(screen.getByTestId("deploy-next"));
  await user.click(await screen.findByTestId("boot-item-OS-C"));
  await user.click(screen.getByTestId("deploy-next"));
  expect(await screen.findByTestId("deploy-step-keys")).toBeInTheDocument();
  await waitFor(() => expect(screen.getByTestId("ssh-key-K1")).toBeChecked());
  await user.click(screen.getByTestId("deploy-next"));
  expect(await screen.findByTestId("deploy-step-advanced")).toBeInTheDocument();
  await user.click(screen.getByTestId("deploy-next"));
  expect(await screen.findByTestId("deploy-step-review")).toBeInTheDocument();
}

describe("deploy wizard", () => {
  it("walks the steps, shows price and command, and deploys once on a double click", async () => {
    const user = userEvent.setup();
    const answer = deferred<unknown>();
    const b = backend({ deploy_instance: () => answer.promise });
    renderApp("/deploy");
    await walkToReview(user);

    expect(await screen.findByTestId("deploy-price-hour")).toHaveTextContent("9.96 USD/h");
    expect(screen.getByTestId("deploy-price-minute")).toHaveTextContent("0.1660 USD/min");
    expect(screen.getByTestId("deploy-price-day")).toHaveTextContent("239.04 USD/day");
    expect(screen.getByTestId("deploy-runway")).toHaveTextContent("1 day 0 hours");
    expect(screen.queryByTestId("deploy-runway-warning")).toBeNull();

    await replaceText(user, "deploy-name", "train-2");
    await waitFor(() =>
      expect(screen.getByTestId("deploy-command")).toHaveTextContent("barrack deploy --name train-2"),
    );
    expect(screen.getByTestId("deploy-request")).toHaveTextContent("POST https://barrack.ai/api/v1/instances");

    await user.dblClick(screen.getByTestId("deploy-submit"));
    await waitFor(() => expect(screen.getByTestId("deploy-submit")).toBeDisabled());
    expect(b.called("deploy_instance")).toHaveLength(1);
    expect(b.called("deploy_instance")[0]!.args.body).toEqual({
      name: "train-2",
      region: "CANADA-1",
      gpu_model: "H100-SXM5-80GB",
      gpu_count: 4,
      tier: "advanced",
      boot_source: { type: "os_image", id: "OS-C" },
      ssh_key_ids: ["K1"],
      public_ip: true,
      security_rules: [],
    });

    const vm = vmOf("train-2", "CREATING", { id: "vm-new", deployment_id: null });
    await act(async () =>
      answer.resolve({
        success: true,
        message: null,
        instance_id: "vm-new",
        instance: vm,
        tier: null,
        deployment_id: "DEP1234567",
        request_id: null,
      }),
    );
    expect(await screen.findByTestId("page-instance-detail")).toBeInTheDocument();
    expect(screen.getByTestId("deployment-id")).toHaveTextContent("DEP1234567");
    expect(b.called("discard_deploy_draft").length).toBeGreaterThan(0);
  });

  it("shows each GPU model's card with its performance label, best-for hint and hourly price (DEP-10, DEP-13)", async () => {
    backend();
    renderApp("/deploy");
    const user = userEvent.setup();
    const h100 = await screen.findByTestId("gpu-card-H100-SXM5-80GB");
    expect(h100).toHaveTextContent("highest performance");
    expect(h100).toHaveTextContent("Best for LLMs, complex AI research");
    // The lowest tier's price until a tier is picked, then that tier's (the catalog's pricing).
    expect(screen.getByTestId("gpu-price-H100-SXM5-80GB")).toHaveTextContent("from 2.49 USD/h per GPU");
    const l40 = screen.getByTestId("gpu-card-L40");
    expect(l40).toHaveTextContent("balanced");
    expect(l40).toHaveTextContent("Best for inference, graphics");
    // One tier only: its price, not "from".
    expect(screen.getByTestId("gpu-price-L40")).toHaveTextContent(/^1\.19 USD\/h per GPU$/);
    // A model the catalog knows no hint for shows none rather than an invented one.
    expect(screen.getByTestId("gpu-card-B300-262GB")).not.toHaveTextContent("Best for");
    await user.click(h100);
    await user.click(screen.getByTestId("tier-legacy"));
    expect(screen.getByTestId("gpu-price-H100-SXM5-80GB")).toHaveTextContent("2.69 USD/h per GPU");
    expect(screen.getByTestId("gpu-price-H100-SXM5-80GB")).not.toHaveTextContent("from");
  });

  it("offers the three boot sources; the Volumes tab lists the region's free bootable volumes only (DEP-30, DEP-32)", async () => {
    backend({
      list_volumes: {
        ...page("volumes", [
          volume("V-BOOT", "CANADA-1", { name: "boot-200" }),
          volume("V-DATA", "CANADA-1", { name: "data-only", bootable: false }),
          volume("V-NOR", "NORWAY-1", { name: "norway-boot" }),
          volume("V-USED", "CANADA-1", { name: "in-use", instance_id: "vm-x", instance_name: "x", status: "in-use" }),
        ]),
        next_name: null,
      },
    });
    renderApp("/deploy");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("gpu-card-H100-SXM5-80GB"));
    await user.click(screen.getByTestId("tier-advanced"));
    await user.click(screen.getByTestId("gpu-count-4"));
    await user.click(screen.getByTestId("deploy-next"));
    await user.click(await screen.findByTestId("region-CANADA-1"));
    await user.click(screen.getByTestId("deploy-next"));
    expect(
      (await screen.findAllByRole("tab")).filter((t) => t.id.startsWith("boot-tab-")).map((t) => t.textContent),
    ).toEqual(["OS Images", "Volumes", "Custom Images"]);
    await user.click(screen.getByTestId("boot-tab-volume"));
    expect(await screen.findByTestId("boot-item-V-BOOT")).toHaveTextContent("boot-200");
    expect(screen.queryByTestId("boot-item-V-DATA")).not.toBeInTheDocument();
    expect(screen.queryByTestId("boot-item-V-NOR")).not.toBeInTheDocument();
    expect(screen.queryByTestId("boot-item-V-USED")).not.toBeInTheDocument();
  });

  it("refuses a step until it is complete and focuses the first field at fault", async () => {
    const user = userEvent.setup();
    backend();
    renderApp("/deploy");
    await user.click(await screen.findByTestId("deploy-next"));
    expect(screen.getByTestId("deploy-gpuModel-error")).toHaveTextContent("Choose a GPU model.");
    expect(document.activeElement?.id).toBe("deploy-gpuModel");
    expect(screen.getByTestId("deploy-step-gpu")).toBeInTheDocument();
    // Steps not visited yet cannot be jumped to.
    expect(screen.getByTestId("deploy-nav-review")).toBeDisabled();
  });

  it("InsufficientCredits keeps every choice and links to Billing", async () => {
    const user = userEvent.setup();
    const b = backend({ deploy_instance: fails("InsufficientCredits", "Insufficient Credits") });
    renderApp("/deploy");
    await walkToReview(user);
    await replaceText(user, "deploy-name", "train-2");
    await user.click(screen.getByTestId("deploy-submit"));
    const banner = await screen.findByTestId("deploy-error");
    expect(banner).toHaveTextContent("Your balance is too low");
    expect(screen.getByTestId("deploy-billing-link")).toHaveAttribute("href", "/billing");
    expect(screen.getByTestId("deploy-name")).toHaveValue("train-2");
    expect(screen.getByTestId("deploy-summary-gpu")).toHaveTextContent("H100-SXM5-80GB ×4");
    expect(screen.getByTestId("deploy-summary-region")).toHaveTextContent("CANADA-1");
    expect(b.called("discard_deploy_draft")).toHaveLength(0);
  });

  it("refuses a 51-character name at the field, and a taken name (other case) as it is typed", async () => {
    const user = userEvent.setup();
    const b = backend();
    renderApp("/deploy");
    await walkToReview(user);
    const name = screen.getByTestId("deploy-name");
    await replaceText(user, "deploy-name", "TRAIN-H100");
    expect(await screen.findByTestId("deploy-name-error")).toHaveTextContent(/already exists/);
    expect(screen.getByTestId("deploy-name-counter")).toHaveTextContent("10/50");
    await replaceText(user, "deploy-name", "x".repeat(51));
    await waitFor(() =>
      expect(screen.getByTestId("deploy-name-error")).toHaveTextContent("at most 50 characters (it has 51)"),
    );
    expect(screen.getByTestId("deploy-name-counter")).toHaveTextContent("51/50");
    await user.click(screen.getByTestId("deploy-submit"));
    expect(document.activeElement).toBe(name);
    expect(b.called("deploy_instance")).toHaveLength(0);
  });

  it("a name taken meanwhile (Conflict) is shown at the name field", async () => {
    const user = userEvent.setup();
    backend({
      deploy_instance: fails("Conflict", 'A VM named "train-2" already exists; names are unique in the account'),
    });
    renderApp("/deploy");
    await walkToReview(user);
    await replaceText(user, "deploy-name", "train-2");
    await user.click(screen.getByTestId("deploy-submit"));
    expect(await screen.findByTestId("deploy-name-error")).toHaveTextContent("already exists");
    expect(screen.queryByTestId("deploy-error")).toBeNull();
  });

  it("a Validation refusal about the boot source goes back to that step", async () => {
    const user = userEvent.setup();
    backend({ deploy_instance: fails("Validation", "OS image is in NORWAY-1", { field: "boot_source.id" }) });
    renderApp("/deploy");
    await walkToReview(user);
    await replaceText(user, "deploy-name", "train-2");
    await user.click(screen.getByTestId("deploy-submit"));
    expect(await screen.findByTestId("deploy-step-boot")).toBeInTheDocument();
    expect(screen.getByTestId("deploy-bootId-error")).toHaveTextContent("OS image is in NORWAY-1");
  });

  it("a model change that drops the region says so", async () => {
    const user = userEvent.setup();
    const draft: DeployDraft_Serialize = {
      ...emptyDraft(),
      step: "region",
      gpuModel: "H100-SXM5-80GB",
      tier: "advanced",
      gpuCount: 4,
      region: "CANADA-1",
    };
    backend({ get_deploy_draft: draft });
    renderApp("/deploy");
    await user.click(await screen.findByTestId("deploy-nav-gpu"));
    await user.click(screen.getByTestId("gpu-card-L40"));
    expect(screen.getByTestId("deploy-notice")).toHaveTextContent(
      "CANADA-1 has no L40 in stock, so the region was cleared",
    );
  });

  it("a region change drops a custom image of the old region, naming it", async () => {
    const user = userEvent.setup();
    const draft: DeployDraft_Serialize = {
      ...emptyDraft(),
      step: "boot",
      gpuModel: "H100-SXM5-80GB",
      tier: "advanced",
      gpuCount: 1,
      region: "CANADA-1",
      bootKind: "custom_image",
      bootId: "IMG-C",
    };
    backend({ get_deploy_draft: draft });
    renderApp("/deploy");
    await user.click(await screen.findByTestId("boot-tab-custom_image"));
    expect(await screen.findByTestId("boot-item-IMG-C")).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("boot-item-IMG-C")).toHaveTextContent("from snapshot nightly");
    expect(screen.queryByTestId("boot-item-IMG-N")).toBeNull();
    expect(screen.getByTestId("boot-custom-hint")).toHaveTextContent("create a snapshot of a VM in CANADA-1");
    await user.click(screen.getByTestId("deploy-nav-region"));
    await user.click(screen.getByTestId("region-NORWAY-1"));
    expect(screen.getByTestId("deploy-notice")).toHaveTextContent(
      "The custom image img-IMG-C is in CANADA-1; pick one in NORWAY-1.",
    );
  });

  it("opens with the region and image of a link, and saves the draft", async () => {
    const b = backend();
    renderApp("/deploy?region=CANADA-1&boot=custom_image&image=IMG-C");
    expect(await screen.findByTestId("deploy-notice")).toHaveTextContent("region CANADA-1");
    await waitFor(() =>
      expect(b.called("save_deploy_draft").at(-1)?.args.draft).toMatchObject({
        region: "CANADA-1",
        bootKind: "custom_image",
        bootId: "IMG-C",
      }),
    );
  });

  it("saves a template and deploys from it at the review with no name", async () => {
    const user = userEvent.setup();
    const draft: DeployDraft_Serialize = {
      ...emptyDraft(),
      gpuModel: "L40",
      tier: "legacy",
      gpuCount: 2,
      region: "NORWAY-1",
      name: "old",
    };
    let saved: unknown[] = [];
    const b = backend({
      get_deploy_draft: draft,
      list_deploy_templates: () => saved,
      save_deploy_template: (a: Record<string, unknown>) => {
        saved = [{ name: a.name, draft: a.draft, savedAt: "2026-01-01T00:00:00Z" }];
        return saved;
      },
    });
    renderApp("/deploy");
    await user.type(await screen.findByTestId("template-name"), "l40 pair");
    await user.click(screen.getByTestId("template-save"));
    expect(await screen.findByTestId("template-item-l40 pair")).toBeInTheDocument();
    expect(b.called("save_deploy_template")[0]!.args.draft).toMatchObject({ gpuModel: "L40", name: "" });
    await user.click(screen.getByTestId("template-use-l40 pair"));
    expect(await screen.findByTestId("deploy-step-review")).toBeInTheDocument();
    expect(screen.getByTestId("deploy-name")).toHaveValue("");
  });

  it("a barrack://deploy?template= link opens the wizard on that template at the review", async () => {
    const draft: DeployDraft_Serialize = {
      ...emptyDraft(),
      gpuModel: "L40",
      tier: "legacy",
      gpuCount: 2,
      region: "NORWAY-1",
    };
    backend({
      list_deploy_templates: [{ name: "l40 pair", draft, savedAt: "2026-01-01T00:00:00Z" }],
    });
    renderApp("/deploy?template=l40%20pair");
    expect(await screen.findByTestId("deploy-step-review")).toBeInTheDocument();
    expect(screen.getByTestId("deploy-name")).toHaveValue("");
    expect(screen.getByText(/Template l40 pair loaded/)).toBeInTheDocument();
  });

  it("Deploy again on a VM's page loads its configuration at the review, without its name", async () => {
    const user = userEvent.setup();
    const vm = vmOf("train-h100", "ACTIVE", {
      id: "vm-train-h100",
      region: "CANADA-1",
      deployment_id: "DEP7654321",
      image: { id: "OS-C", name: "Ubuntu", type: "os_image", default_user: "ubuntu" },
      ssh_key_ids: ["K1"],
    });
    backend({
      instances_overview: instancesOverviewOf([rowOf(vm)]),
      get_instance: { success: true, message: null, instance: vm, request_id: null },
      get_instance_firewalls: { success: true, message: null, instance_id: vm.id, request_id: null, firewalls: [] },
    });
    renderApp(`/instances/${vm.id}`);
    expect(await screen.findByTestId("deployment-id")).toHaveTextContent("DEP7654321");
    await user.click(screen.getByTestId("deploy-again"));
    expect(await screen.findByTestId("deploy-step-review")).toBeInTheDocument();
    expect(screen.getByTestId("deploy-name")).toHaveValue("");
    expect(screen.getByTestId("deploy-summary-gpu")).toHaveTextContent("H100-SXM5-80GB ×2");
    // Named once the region's OS images are in.
    await waitFor(() =>
      expect(screen.getByTestId("deploy-summary-boot")).toHaveTextContent("OS image Ubuntu Server 22.04"),
    );
    expect(screen.getByTestId("deploy-notice")).toHaveTextContent("The configuration of train-h100 is loaded");
  });

  it("Discard draft starts afresh and forgets the saved one", async () => {
    const user = userEvent.setup();
    const draft: DeployDraft_Serialize = {
      ...emptyDraft(),
      step: "region",
      gpuModel: "L40",
      tier: "legacy",
      gpuCount: 2,
    };
    const b = backend({ get_deploy_draft: draft });
    renderApp("/deploy");
    expect(await screen.findByTestId("deploy-step-region")).toBeInTheDocument();
    await user.click(screen.getByTestId("deploy-discard"));
    expect(await screen.findByTestId("deploy-step-gpu")).toBeInTheDocument();
    expect(screen.getByTestId("gpu-card-L40")).toHaveAttribute("aria-pressed", "false");
    expect(b.called("discard_deploy_draft")).toHaveLength(1);
  });
});
