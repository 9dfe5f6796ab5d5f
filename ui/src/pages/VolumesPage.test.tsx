import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { PRICING, VOLUME_PAGE } from "../features/billing/testFixtures";
import { attachedTo, volumeOf, volumesSim } from "../features/volumes/fixtures";
import { balanceOf, mockBackend, renderApp } from "../test/backend";
import { replaceText } from "../test/typing";
import { instancesOverviewOf, rowOf, vmOf } from "../test/vms";

const train = vmOf("train-h100");
const stopped = vmOf("stopped", "SHUTOFF");
const eu = vmOf("eu-a100", "ACTIVE", { region: "NORWAY-1" });
const VMS = [train, stopped, eu];

const data = volumeOf("data", { size_gb: 500, ...attachedTo(train) });
const boot = volumeOf("boot", { bootable: true, os_image_id: "os-ubuntu-ca" });
const far = volumeOf("far", { size_gb: 50, region: "US-1" });

/** The page's backend: the volumes, the VMs, prices and one volume's billing. */
function backend(volumes = [data, boot, far], extra: Record<string, unknown> = {}) {
  return mockBackend({
    ...volumesSim(volumes, { nextName: "volume3", vms: VMS }),
    instances_overview: instancesOverviewOf(VMS.map((vm) => rowOf(vm))),
    get_pricing: PRICING,
    get_volume_billing: {
      ...VOLUME_PAGE,
      records: VOLUME_PAGE.records.map((r) => ({ ...r, volume_id: "vol-data", volume_name: "data", size_gb: 500 })),
    },
    ...extra,
  });
}

describe("volumes page (VOL-01…05)", () => {
  it("shows the four statistics of the chosen region and a card per volume with its VM, size, type and cost per hour", async () => {
    backend();
    renderApp("/volumes");
    await screen.findByTestId("volume-card-data");
    expect(screen.getByTestId("stat-volumes")).toHaveTextContent("3");
    expect(screen.getByTestId("stat-storage")).toHaveTextContent("650 GB");
    expect(screen.getByTestId("stat-attached")).toHaveTextContent("1");
    expect(screen.getByTestId("stat-bootable")).toHaveTextContent("1");
    const card = screen.getByTestId("volume-card-data");
    expect(within(card).getByTestId("volume-vm-data")).toHaveTextContent("Attached to train-h100");
    expect(card).toHaveTextContent("Cloud-SSD");
    expect(screen.getByTestId("volume-size-data")).toHaveTextContent("500 GB");
    expect(screen.getByTestId("volume-bootable-boot")).toHaveTextContent("Yes");
    // 500 GB at the pricing table's 0.1 USD per TB-hour, computed by Rust's calculator.
    await waitFor(() => expect(screen.getByTestId("volume-cost-data")).toHaveTextContent("0.05 USD/h"));

    await userEvent.setup().selectOptions(screen.getByTestId("region-select"), "CANADA-1");
    expect(screen.getByTestId("stat-volumes")).toHaveTextContent("2");
    expect(screen.getByTestId("stat-storage")).toHaveTextContent("600 GB");
    expect(screen.queryByTestId("volume-card-far")).not.toBeInTheDocument();
  });

  it("shows six cards a page with the pager only above six, and a table view", async () => {
    const six = Array.from({ length: 6 }, (_, i) => volumeOf(`v${i}`));
    backend(six);
    const first = renderApp("/volumes");
    const grid = await screen.findByTestId("volume-grid");
    expect(within(grid).getAllByTestId(/^volume-card-/)).toHaveLength(6);
    expect(screen.queryByTestId("pager")).not.toBeInTheDocument();
    first.unmount();

    backend([...six, volumeOf("v6")]);
    renderApp("/volumes");
    const user = userEvent.setup();
    expect(within(await screen.findByTestId("volume-grid")).getAllByTestId(/^volume-card-/)).toHaveLength(6);
    await user.click(screen.getByTestId("pager-page-2"));
    expect(within(screen.getByTestId("volume-grid")).getAllByTestId(/^volume-card-/)).toHaveLength(1);
    await user.click(screen.getByTestId("volume-view-table"));
    expect(within(screen.getByTestId("volume-table")).getAllByTestId(/^volume-row-/)).toHaveLength(7);
  });
});

describe("creating a volume (VOL-10…16, GEN-03)", () => {
  it("starts from the server's suggested name; the counter, a taken name and sizes out of range show Rust's errors at their fields and nothing is sent; then it shows CREATING", async () => {
    const b = backend();
    renderApp("/volumes?region=CANADA-1");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-create"));
    expect(await screen.findByTestId("volume-name")).toHaveValue("volume3");
    expect(screen.getByTestId("volume-name-counter")).toHaveTextContent("7/50");
    expect(screen.getByTestId("volume-region")).toHaveValue("CANADA-1");
    expect(screen.getByTestId("volume-size")).toHaveValue("10");

    await replaceText(user, "volume-name", "v".repeat(51));
    expect(screen.getByTestId("volume-name-counter")).toHaveTextContent("51/50");
    expect(await screen.findByTestId("volume-name-error")).toHaveTextContent(
      "Must be at most 50 characters (it has 51).",
    );
    await replaceText(user, "volume-name", "DATA");
    await waitFor(() =>
      expect(screen.getByTestId("volume-name-error")).toHaveTextContent('A volume named "data" already exists'),
    );
    await replaceText(user, "volume-name", "archive");
    await waitFor(() => expect(screen.queryByTestId("volume-name-error")).not.toBeInTheDocument());

    await replaceText(user, "volume-size", "9");
    expect(await screen.findByTestId("volume-size-error")).toHaveTextContent("Must be at least 10 GB for a volume.");
    await user.click(screen.getByTestId("volume-submit"));
    await replaceText(user, "volume-size", "1048577");
    await waitFor(() =>
      expect(screen.getByTestId("volume-size-error")).toHaveTextContent("Must be at most 1,048,576 GB."),
    );
    await user.click(screen.getByTestId("volume-submit"));
    expect(b.called("create_volume")).toEqual([]);

    await replaceText(user, "volume-size", "20");
    await waitFor(() => expect(screen.queryByTestId("volume-size-error")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("volume-submit"));
    await waitFor(() => expect(screen.queryByTestId("volume-dialog")).not.toBeInTheDocument());
    expect(b.called("create_volume")[0]!.args.body).toEqual({
      name: "archive",
      region: "CANADA-1",
      size_gb: 20,
      volume_type: "SSD",
      bootable: false,
    });
    expect(await screen.findByTestId("volume-status-archive")).toHaveTextContent("CREATING");
  });

  it("with All regions asks the region first; Make Bootable raises the size to 100 GB and offers that region's OS images only", async () => {
    const b = backend();
    renderApp("/volumes");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-create"));
    expect(await screen.findByTestId("volume-region")).toHaveValue("");
    await user.click(screen.getByTestId("volume-submit"));
    expect(await screen.findByTestId("volume-region-error")).toHaveTextContent("Choose the volume's region.");
    expect(b.called("create_volume")).toEqual([]);

    await user.selectOptions(screen.getByTestId("volume-region"), "CANADA-1");
    await waitFor(() => expect(screen.queryByTestId("volume-region-error")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("volume-bootable"));
    expect(screen.getByTestId("volume-size")).toHaveValue("100");
    const images = await screen.findByTestId("volume-os-image");
    await waitFor(() => expect(within(images).getAllByRole("option")).toHaveLength(2));
    expect(within(images).queryByText("Ubuntu 22.04 (Norway)")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("volume-submit"));
    expect(await screen.findByTestId("volume-os-image-error")).toHaveTextContent("choose one of the region's images");
    expect(b.called("create_volume")).toEqual([]);

    await user.selectOptions(images, "os-ubuntu-ca");
    await user.click(screen.getByTestId("volume-submit"));
    await waitFor(() => expect(screen.queryByTestId("volume-dialog")).not.toBeInTheDocument());
    expect(b.called("create_volume")[0]!.args.body).toEqual({
      name: "volume3",
      region: "CANADA-1",
      size_gb: 100,
      volume_type: "SSD",
      bootable: true,
      os_image_id: "os-ubuntu-ca",
    });
  });

  it("opens Create Volume from the palette's link", async () => {
    backend();
    renderApp("/volumes?new=1");
    expect(await screen.findByTestId("volume-dialog")).toBeInTheDocument();
    expect(await screen.findByTestId("volume-name")).toHaveValue("volume3");
  });

  it("opens Create Volume from the dashboard's quick actions (VOL-11)", async () => {
    backend();
    renderApp("/dashboard");
    await userEvent.setup().click(await screen.findByTestId("quick-create-volume"));
    expect(await screen.findByTestId("volume-dialog")).toBeInTheDocument();
    expect(screen.getByTestId("page-volumes")).toBeInTheDocument();
  });

  it("refuses before sending when the balance is below the minimum, saying why", async () => {
    const b = backend(undefined, { get_balance: balanceOf(0.5) });
    renderApp("/volumes?region=CANADA-1");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-create"));
    expect(await screen.findByTestId("volume-balance-error")).toHaveTextContent(
      "Creating a volume needs a balance of at least 1.00 USD; yours is 0.50 USD.",
    );
    await user.click(screen.getByTestId("volume-submit"));
    expect(b.called("create_volume")).toEqual([]);
  });

  it("disables Create Volume while the profile is incomplete, with the way to barrack.ai", async () => {
    backend(undefined, { get_balance: { ...balanceOf(241.2), profile_complete: false } });
    renderApp("/volumes?new=1");
    expect(await screen.findByTestId("volume-page-profile")).toHaveTextContent("Barrack refuses new volumes");
    expect(screen.getByTestId("volume-page-profile-open")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("volume-create")).toBeDisabled());
    expect(screen.getByTestId("volume-create")).toHaveAttribute("title", expect.stringContaining("incomplete"));
    expect(screen.queryByTestId("volume-dialog")).not.toBeInTheDocument();
  });
});

describe("attaching, detaching and deleting (VOL-20…22, VOL-30/31, VOL-40, GEN-01)", () => {
  it("attaches to an ACTIVE VM of the same region: the others show Rust's reason, the first allowed is pre-selected", async () => {
    const b = backend();
    renderApp("/volumes");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-attach-boot"));
    const dialog = await screen.findByTestId("volume-attach-dialog");
    expect(await within(dialog).findByTestId("volume-attach-reason-stopped")).toHaveTextContent("start it first");
    expect(within(dialog).getByTestId("volume-attach-pick-stopped")).toBeDisabled();
    expect(within(dialog).queryByTestId("volume-attach-vm-eu-a100")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("volume-attach-pick-train-h100")).toBeChecked();

    await user.click(within(dialog).getByTestId("volume-attach-submit"));
    await waitFor(() => expect(screen.queryByTestId("volume-attach-dialog")).not.toBeInTheDocument());
    expect(b.called("attach_volumes")[0]!.args).toEqual({
      instanceId: "vm-train-h100",
      body: { volume_ids: ["vol-boot"] },
    });
    expect(await screen.findByTestId("volume-vm-boot")).toHaveTextContent("Attached to train-h100");
  });

  it("keeps Delete off while attached; detaches after the warning, then deletes after the data-loss warning", async () => {
    const b = backend();
    renderApp("/volumes");
    const user = userEvent.setup();
    expect(await screen.findByTestId("volume-delete-data")).toBeDisabled();

    await user.click(screen.getByTestId("volume-detach-data"));
    expect(await screen.findByTestId("volume-detach-warning")).toHaveTextContent("may be disrupted");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(b.called("detach_volumes")[0]!.args).toEqual({
      instanceId: "vm-train-h100",
      body: { volume_ids: ["vol-data"] },
    });

    await waitFor(() => expect(screen.getByTestId("volume-delete-data")).toBeEnabled());
    await user.click(screen.getByTestId("volume-delete-data"));
    expect(await screen.findByTestId("volume-delete-warning")).toHaveTextContent(
      "cannot be undone, and all the data on it will be lost",
    );
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("volume-card-data")).not.toBeInTheDocument());
    expect(b.called("delete_volume")[0]!.args).toEqual({ volumeId: "vol-data" });
  });
});

describe("clone, resize and details (VOL-50…52)", () => {
  it("refuses to resize a volume whose size the server did not say, sending nothing", async () => {
    const unknown = volumeOf("far", { size_gb: null, region: "US-1" });
    const b = backend([data, boot, unknown]);
    renderApp("/volumes");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-resize-far"));
    await screen.findByTestId("volume-resize-dialog");
    await replaceText(user, "volume-resize-size", "300");
    expect(await screen.findByTestId("volume-resize-size-error")).toHaveTextContent("size now is unknown");
    await user.click(screen.getByTestId("volume-resize-submit"));
    expect(b.called("resize_volume")).toEqual([]);
  });

  it("clones under a new name checked by Rust, and resizes only upwards", async () => {
    const b = backend();
    renderApp("/volumes");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-clone-boot"));
    await screen.findByTestId("volume-clone-dialog");
    await replaceText(user, "volume-clone-name", "boot-copy");
    await user.click(screen.getByTestId("volume-clone-submit"));
    await waitFor(() => expect(screen.queryByTestId("volume-clone-dialog")).not.toBeInTheDocument());
    expect(b.called("clone_volume")[0]!.args).toEqual({ volumeId: "vol-boot", body: { name: "boot-copy" } });
    expect(await screen.findByTestId("volume-card-boot-copy")).toBeInTheDocument();

    await user.click(screen.getByTestId("volume-resize-far"));
    await screen.findByTestId("volume-resize-dialog");
    await replaceText(user, "volume-resize-size", "40");
    expect(await screen.findByTestId("volume-resize-size-error")).toHaveTextContent("A volume can only grow");
    await user.click(screen.getByTestId("volume-resize-submit"));
    expect(b.called("resize_volume")).toEqual([]);
    await replaceText(user, "volume-resize-size", "80");
    await waitFor(() => expect(screen.queryByTestId("volume-resize-size-error")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("volume-resize-submit"));
    await waitFor(() => expect(screen.queryByTestId("volume-resize-dialog")).not.toBeInTheDocument());
    expect(b.called("resize_volume")[0]!.args).toEqual({ volumeId: "vol-far", body: { size_gb: 80 } });
    expect(await screen.findByTestId("volume-size-far")).toHaveTextContent("80 GB");
  });

  it("shows a volume's details with its cost per hour and its billing records", async () => {
    backend();
    renderApp("/volumes");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("volume-details-data"));
    const details = await screen.findByTestId("volume-details");
    expect(details).toHaveTextContent("vol-data");
    expect(await within(details).findByTestId("volume-billing-row-VBILL_a1b2c3d4e5")).toHaveTextContent("500 GB");
    await waitFor(() => expect(within(details).getByTestId("volume-details-cost")).toHaveTextContent("0.05 USD/h"));
  });

  it("opens a volume's details from a link (a VM's page links its volumes here)", async () => {
    backend();
    renderApp("/volumes?details=vol-data");
    expect(await screen.findByTestId("volume-details")).toHaveTextContent("vol-data");
  });
});
