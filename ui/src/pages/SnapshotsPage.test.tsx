import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { appError, deferred, emitResourcesChanged, mockBackend, renderApp } from "../test/backend";
import { imageOf, overviewOf, rowOfSnapshot, snapshotOf, vmOf } from "../features/storage/fixtures";
import type { Snapshot, SnapshotRow, StorageOverview } from "../features/storage/queries";
import { replaceText } from "../test/typing";

const train = vmOf("train-h100", "ACTIVE");
const eu = vmOf("eu-a100", "ACTIVE", {
  region: "NORWAY-1",
  flavor: { name: null, cpu_cores: 16, ram_gb: 128, storage_gb: 200, gpu_model: "A100-80GB", gpu_count: 1 },
});
const stopped = vmOf("us-stopped", "SHUTOFF", { region: "US-1" });

const base = snapshotOf("train-baseline", { description: "Before the big run", created_at: "2026-01-01T09:00:00Z" });
const creating = snapshotOf("train-nightly", { status: "CREATING", size_gb: null, created_at: "2026-01-04T09:00:00Z" });
const euSnap = snapshotOf("eu-weights", {
  region: "NORWAY-1",
  instance_id: eu.id,
  instance_name: eu.name,
  size_gb: 80,
  is_image: true,
  created_at: "2026-01-02T09:00:00Z",
});
const madeImage = imageOf("pytorch-base", { snapshot_id: base.id, snapshot_name: base.name });

/** A stateful fake of the storage commands, enough for the page's flows. */
function storageSim(initial: { rows: SnapshotRow[]; patch?: Partial<StorageOverview> }) {
  let rows = initial.rows;
  const overview = () =>
    overviewOf({
      snapshots: rows,
      eligible: [train, eu],
      instances: [train, eu, stopped],
      images: [madeImage],
      ...initial.patch,
    });
  return {
    handlers: {
      storage_overview: () => overview(),
      create_snapshot: (a: Record<string, unknown>) => {
        const body = a.body as { name: string; instance_id: string; description: string | null; is_image: boolean };
        const snapshot = snapshotOf(body.name, {
          id: "snap-new",
          status: "CREATING",
          size_gb: null,
          is_image: body.is_image,
        });
        rows = [...rows, rowOfSnapshot(snapshot, { hourlyCost: null })];
        return { success: true, message: null, request_id: null, snapshot };
      },
      delete_snapshot: (a: Record<string, unknown>) => {
        rows = rows.filter((r) => r.snapshot.id !== a.snapshotId);
        return { success: true, message: null, id: a.snapshotId, request_id: null };
      },
      get_snapshot_billing: {
        success: true,
        message: null,
        records: [
          {
            billing_id: "b-1",
            snapshot_id: base.id,
            snapshot_name: base.name,
            size_gb: 40,
            tier: null,
            start_time: "2026-01-01T10:00:00Z",
            end_time: null,
            total_duration_minutes: 60,
            per_minute_rate: 0.001,
            total_cost: 0.06,
            currency: "USD",
            status: "active",
            description: null,
          },
          {
            billing_id: "b-other",
            snapshot_id: "snap-someone-else",
            snapshot_name: "other",
            size_gb: 1,
            tier: null,
            start_time: null,
            end_time: null,
            total_duration_minutes: null,
            per_minute_rate: null,
            total_cost: 9,
            currency: "USD",
            status: "active",
            description: null,
          },
        ],
        summary: { totalMinutes: null, activeCount: null, averageUsage: null, totalSizeGB: null, totalCost: 9.06 },
        total: 2,
        page: 1,
        limit: 10,
        total_pages: 1,
        currency: "USD",
        tier: null,
        request_id: null,
      },
    } as Record<string, unknown>,
    set: (id: string, patch: Partial<Snapshot>) => {
      rows = rows.map((r) => (r.snapshot.id === id ? { ...r, snapshot: { ...r.snapshot, ...patch } } : r));
    },
  };
}

const ROWS = [
  rowOfSnapshot(base, { hourlyCost: 0.1, images: [madeImage] }),
  rowOfSnapshot(creating, { hourlyCost: null }),
  rowOfSnapshot(euSnap, { hourlyCost: 0.25 }),
];

async function openPage(path = "/snapshots") {
  renderApp(path);
  return screen.findByTestId("snapshots-page");
}

describe("snapshots page", () => {
  it("shows the region's statistics and cards, and filters by region without a request", async () => {
    const backend = mockBackend(storageSim({ rows: ROWS }).handlers);
    await openPage();
    expect(await screen.findByTestId("stat-total")).toHaveTextContent("3");
    expect(screen.getByTestId("stat-storage")).toHaveTextContent("120 GB");
    expect(screen.getByTestId("stat-available-vms")).toHaveTextContent("2");
    expect(screen.getByTestId("stat-restorable")).toHaveTextContent("2");
    expect(screen.getByTestId("stat-storage-cost")).toHaveTextContent("0.35 USD/h");

    const card = screen.getByTestId("snapshot-card-eu-weights");
    expect(card).toHaveTextContent("80 GB");
    expect(card).toHaveTextContent("NORWAY-1");
    expect(card).toHaveTextContent("Image");
    expect(screen.getByTestId("snapshot-card-train-baseline")).toHaveTextContent("VM Snapshot");
    expect(screen.getByTestId("snapshot-status-train-nightly")).toHaveTextContent("CREATING");
    // Not ready: no restore, no image, each saying why.
    expect(screen.getByTestId("snapshot-restore-train-nightly")).toBeDisabled();
    expect(screen.getByTestId("snapshot-restore-train-nightly")).toHaveAttribute(
      "title",
      expect.stringMatching(/CREATING/),
    );
    expect(screen.getByTestId("snapshot-make-image-train-nightly")).toBeDisabled();
    expect(screen.getByTestId("snapshot-make-image-train-baseline")).toHaveAttribute(
      "href",
      `/images?create=${base.id}`,
    );
    expect(screen.queryByTestId("pager")).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("region-select"), "NORWAY-1");
    expect(screen.getByTestId("stat-total")).toHaveTextContent("1");
    expect(screen.getByTestId("stat-available-vms")).toHaveTextContent("1");
    expect(screen.getByTestId("stat-storage-cost")).toHaveTextContent("0.25 USD/h");
    expect(screen.queryByTestId("snapshot-card-train-baseline")).not.toBeInTheDocument();

    // US-1 has only a stopped VM: Create is disabled, saying why.
    await user.selectOptions(screen.getByTestId("region-select"), "US-1");
    expect(screen.getByTestId("snapshot-create")).toBeDisabled();
    expect(screen.getByTestId("snapshot-create-reason")).toHaveTextContent("No ACTIVE VM in US-1");
    expect(screen.getByTestId("snapshots-empty")).toBeInTheDocument();
    expect(backend.called("storage_overview")).toHaveLength(1);
  });

  it("Refresh fetches again and spins while it does (SNAP-05)", async () => {
    const slow = deferred<unknown>();
    const sim = storageSim({ rows: ROWS });
    let calls = 0;
    const backend = mockBackend({
      ...sim.handlers,
      storage_overview: (a: Record<string, unknown>) => {
        calls += 1;
        const first = (sim.handlers.storage_overview as (a: Record<string, unknown>) => unknown)(a);
        return calls === 1 ? first : slow.promise.then(() => first);
      },
    });
    await openPage();
    await screen.findByTestId("snapshot-card-train-baseline");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("refresh"));
    await waitFor(() => expect(screen.getByTestId("refresh")).toHaveAttribute("aria-busy", "true"));
    expect(backend.called("storage_overview")).toHaveLength(2);
    slow.resolve(null);
    await waitFor(() => expect(screen.getByTestId("refresh")).not.toHaveAttribute("aria-busy"));
  });

  it("pages six cards at a time, searches, and switches to a table", async () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      rowOfSnapshot(snapshotOf(`snap-${i + 1}`, { created_at: `2026-01-0${i + 1}T00:00:00Z` })),
    );
    mockBackend(storageSim({ rows: many }).handlers);
    await openPage();
    const grid = await screen.findByTestId("snapshot-grid");
    expect(within(grid).getAllByTestId(/^snapshot-card-/)).toHaveLength(6);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("pager-next"));
    expect(within(screen.getByTestId("snapshot-grid")).getAllByTestId(/^snapshot-card-/)).toHaveLength(2);
    expect(screen.getByTestId("pager-page-2")).toHaveAttribute("aria-current", "page");

    await user.type(screen.getByTestId("snapshot-search"), "snap-3");
    expect(screen.getByTestId("snapshot-card-snap-3")).toBeInTheDocument();
    expect(screen.queryByTestId("pager")).not.toBeInTheDocument();
    await user.clear(screen.getByTestId("snapshot-search"));
    await user.click(screen.getByTestId("snapshot-view-table"));
    expect(within(screen.getByTestId("snapshot-table")).getAllByTestId(/^snapshot-card-/)).toHaveLength(8);
  });

  it("creates a snapshot: checks the name at the field, keeps a refusal in the dialog, then shows it CREATING until the poller says SUCCESS", async () => {
    const sim = storageSim({ rows: ROWS });
    let refuse = true;
    const create = sim.handlers.create_snapshot as (a: Record<string, unknown>) => unknown;
    const backend = mockBackend({
      ...sim.handlers,
      create_snapshot: (a: Record<string, unknown>) => {
        if (refuse) {
          refuse = false;
          throw { code: "Validation", message: "Complete your profile before creating snapshots." };
        }
        return create(a);
      },
    });
    await openPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("snapshot-create"));
    const dialog = screen.getByTestId("snapshot-dialog");
    await user.selectOptions(within(dialog).getByTestId("snapshot-region"), "CANADA-1");
    await user.selectOptions(within(dialog).getByTestId("snapshot-vm"), train.id);

    await user.click(screen.getByTestId("snapshot-submit"));
    expect(await screen.findByTestId("snapshot-name-error")).toHaveTextContent("A name is required.");
    // Names are unique in the account whatever the case (SNAP-12), as Rust answers.
    await replaceText(user, "snapshot-name", "TRAIN-BASELINE");
    await waitFor(() => expect(screen.getByTestId("snapshot-name-error")).toHaveTextContent("already exists"));
    await replaceText(user, "snapshot-name", "run 2");
    await waitFor(() => expect(screen.queryByTestId("snapshot-name-error")).not.toBeInTheDocument());
    expect(screen.getByTestId("snapshot-name-counter")).toHaveTextContent("5/50");

    await user.click(screen.getByTestId("snapshot-advanced"));
    await user.type(screen.getByTestId("snapshot-description"), "after epoch 10");
    await user.click(screen.getByTestId("snapshot-as-image"));

    await user.click(screen.getByTestId("snapshot-submit"));
    expect(await screen.findByTestId("snapshot-error")).toHaveTextContent("Complete your profile");
    expect(screen.getByTestId("snapshot-dialog")).toBeInTheDocument();
    expect(screen.getByTestId("snapshot-name")).toHaveValue("run 2");

    await user.click(screen.getByTestId("snapshot-submit"));
    await waitFor(() => expect(screen.queryByTestId("snapshot-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_snapshot").at(-1)!.args.body).toEqual({
      instance_id: train.id,
      name: "run 2",
      description: "after epoch 10",
      is_image: true,
    });
    expect(await screen.findByTestId("snapshot-status-run 2")).toHaveTextContent("CREATING");

    sim.set("snap-new", { status: "SUCCESS", size_gb: 41 });
    await emitResourcesChanged({ kinds: ["snapshots"] });
    await waitFor(() => expect(screen.getByTestId("snapshot-status-run 2")).toHaveTextContent("SUCCESS"));
    expect(screen.getByTestId("snapshot-restore-run 2")).toBeEnabled();
  });

  it("with All regions, Create asks for the region first and offers only that region's ACTIVE VMs (SNAP-11)", async () => {
    const backend = mockBackend(storageSim({ rows: ROWS }).handlers);
    await openPage();
    const user = userEvent.setup();
    expect(screen.getByTestId("region-select")).toHaveValue("");
    await user.click(await screen.findByTestId("snapshot-create"));
    const dialog = screen.getByTestId("snapshot-dialog");
    const vmSelect = within(dialog).getByTestId("snapshot-vm");
    const options = () =>
      within(vmSelect)
        .getAllByRole("option")
        .map((o) => o.textContent);
    expect(options()).toEqual(["Choose a region first"]);
    expect(vmSelect).toBeDisabled();
    expect(within(dialog).getByTestId("snapshot-submit")).toBeDisabled();

    await user.selectOptions(within(dialog).getByTestId("snapshot-region"), "NORWAY-1");
    expect(options()).toEqual(["eu-a100 - A100-80GB (NORWAY-1)"]);
    expect(vmSelect).toHaveValue(eu.id);
    // US-1 has only a stopped VM: nothing to pick, nothing to send.
    await user.selectOptions(within(dialog).getByTestId("snapshot-region"), "US-1");
    expect(options()).toEqual(["No ACTIVE VM in US-1"]);
    expect(within(dialog).getByTestId("snapshot-submit")).toBeDisabled();

    // With a region chosen on the page, the dialog asks no region: that region's VMs only.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await user.selectOptions(screen.getByTestId("region-select"), "CANADA-1");
    await user.click(screen.getByTestId("snapshot-create"));
    expect(screen.queryByTestId("snapshot-region")).not.toBeInTheDocument();
    expect(
      within(screen.getByTestId("snapshot-vm"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["train-h100 - H100-SXM5-80GB (CANADA-1)"]);
    expect(backend.called("create_snapshot")).toHaveLength(0);
  });

  it("opens the create dialog from the palette's link, again each time the palette asks", async () => {
    mockBackend(storageSim({ rows: ROWS }).handlers);
    await openPage("/snapshots?new=1");
    const user = userEvent.setup();
    expect(await screen.findByTestId("snapshot-dialog")).toBeInTheDocument();
    await user.click(within(screen.getByTestId("snapshot-dialog")).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("snapshot-dialog")).not.toBeInTheDocument());
    // The palette's "Create snapshot" again, on the same page.
    await user.keyboard("{Control>}k{/Control}");
    await user.click(await screen.findByTestId("command-create-snapshots"));
    expect(await screen.findByTestId("snapshot-dialog")).toBeInTheDocument();
  });

  it("does not open the create dialog from the palette's link while the profile is incomplete", async () => {
    mockBackend(storageSim({ rows: ROWS, patch: { profileComplete: false } }).handlers);
    await openPage("/snapshots?new=1");
    expect(await screen.findByTestId("snapshot-profile")).toBeInTheDocument();
    // The link is dropped once the data is there; the dialog stays closed after that.
    await waitFor(() => expect(screen.getByTestId("snapshot-create")).toBeDisabled());
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId("snapshot-dialog")).not.toBeInTheDocument();
  });

  it("disables Create Snapshot while the profile is incomplete, saying why with the way to barrack.ai (SNAP-06, ACCT-04)", async () => {
    const backend = mockBackend({
      ...storageSim({ rows: ROWS, patch: { profileComplete: false } }).handlers,
      "plugin:opener|open_url": null,
    });
    await openPage();
    expect(await screen.findByTestId("snapshot-create")).toBeDisabled();
    const notice = screen.getByTestId("snapshot-profile");
    expect(notice).toHaveTextContent("Your Barrack profile is incomplete");
    expect(notice).toHaveTextContent("address line, postal code and country");
    await userEvent.setup().click(screen.getByTestId("snapshot-profile-open"));
    await waitFor(() => expect(backend.called("plugin:opener|open_url")).toHaveLength(1));
    expect(backend.called("plugin:opener|open_url")[0]!.args.url).toBe("https://barrack.ai/account");
    expect(backend.called("create_snapshot")).toHaveLength(0);
  });

  it("says there are no active VMs in the dialog's list when none is running", async () => {
    mockBackend({ storage_overview: overviewOf({ instances: [stopped] }) });
    await openPage();
    expect(await screen.findByTestId("snapshot-create")).toBeDisabled();
    expect(screen.getByTestId("snapshot-create-reason")).toHaveTextContent("No ACTIVE VM");
  });

  it("restores to a new VM named {snapshot}-restored, then opens that VM", async () => {
    const restored = vmOf("train-baseline-restored", "CREATING", { id: "vm-restored" });
    const backend = mockBackend({
      ...storageSim({ rows: ROWS }).handlers,
      restore_snapshot: {
        success: true,
        message: null,
        snapshot_id: base.id,
        instance_id: restored.id,
        instance: restored,
        request_id: null,
      },
      get_instance: { success: true, message: null, instance: restored, request_id: null },
    });
    await openPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("snapshot-restore-train-baseline"));
    const dialog = screen.getByTestId("restore-dialog");
    // Rust's suggestion (SNAP-31).
    await waitFor(() => expect(screen.getByTestId("restore-name")).toHaveValue("train-baseline-restored"));
    expect(screen.getByTestId("restore-name-counter")).toHaveTextContent("23/50");
    expect(dialog).toHaveTextContent("CANADA-1");
    expect(screen.getByTestId("restore-notice")).toHaveTextContent(/new IP/);
    expect(screen.getByTestId("restore-notice")).toHaveTextContent(/SSH access and firewall rules/);

    // The name of an existing VM is refused as typed.
    await replaceText(user, "restore-name", "Train-H100");
    await waitFor(() => expect(screen.getByTestId("restore-name-error")).toHaveTextContent("already exists"));
    await replaceText(user, "restore-name", "train-baseline-restored");
    await waitFor(() => expect(screen.queryByTestId("restore-name-error")).not.toBeInTheDocument());

    await user.click(screen.getByTestId("restore-submit"));
    expect(await screen.findByTestId("page-instance-detail")).toBeInTheDocument();
    expect(backend.called("restore_snapshot")[0]!.args).toEqual({
      snapshotId: base.id,
      body: { name: "train-baseline-restored" },
    });
    expect(await screen.findByTestId("vm-name")).toHaveTextContent("train-baseline-restored");
  });

  it("asks before deleting, naming the snapshot, and keeps a refusal in the dialog", async () => {
    const sim = storageSim({ rows: ROWS });
    let refuse = true;
    const del = sim.handlers.delete_snapshot as (a: Record<string, unknown>) => unknown;
    const backend = mockBackend({
      ...sim.handlers,
      delete_snapshot: (a: Record<string, unknown>) => {
        if (refuse) {
          refuse = false;
          throw appError("Conflict", "a restore from this snapshot is in progress");
        }
        return del(a);
      },
    });
    await openPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("snapshot-delete-train-baseline"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Delete snapshot train-baseline?");
    expect(dialog).toHaveTextContent("cannot be undone");
    expect(dialog).toHaveTextContent("images made from it are not affected");
    expect(within(dialog).getByTestId("delete-warning-icon")).toBeInTheDocument();

    await user.click(screen.getByTestId("confirm-delete"));
    expect(await screen.findByTestId("delete-error")).toHaveTextContent("restore from this snapshot is in progress");
    expect(screen.getByTestId("confirm-dialog")).toBeInTheDocument();

    await user.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByTestId("snapshot-card-train-baseline")).not.toBeInTheDocument());
    expect(backend.called("delete_snapshot")).toHaveLength(2);
  });

  it("shows details: source VM link, configuration, description, images and its own billing", async () => {
    const backend = mockBackend(storageSim({ rows: ROWS }).handlers);
    await openPage(`/snapshots?details=${base.id}`);
    const details = await screen.findByTestId("snapshot-details");
    expect(within(details).getByTestId("snapshot-source-vm")).toHaveAttribute("href", `/instances/${train.id}`);
    expect(details).toHaveTextContent("H100-SXM5-80GB × 2");
    expect(details).toHaveTextContent("32");
    expect(details).toHaveTextContent("256 GB");
    expect(within(details).getByTestId("snapshot-description-text")).toHaveTextContent("Before the big run");
    expect(within(details).getByRole("link", { name: "pytorch-base" })).toHaveAttribute(
      "href",
      `/images?details=${madeImage.id}`,
    );
    expect(details).toHaveTextContent("Image");
    expect(await within(details).findByTestId("snapshot-billing-row-b-1")).toBeInTheDocument();
    expect(within(details).queryByTestId("snapshot-billing-row-b-other")).not.toBeInTheDocument();
    expect(backend.called("get_snapshot_billing")[0]!.args.query).toMatchObject({ resource_id: base.id });
  });
});
