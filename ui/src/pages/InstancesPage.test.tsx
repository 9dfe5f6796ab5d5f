import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { VM_ACTION_RULES } from "../bindings";
import { deferred, emitConnectionChanged, emitResourcesChanged, fails, mockBackend, renderApp } from "../test/backend";
import { actionAnswer, instancesOverviewOf, rowOf, simulatedVms, vmOf } from "../test/vms";

/** jsdom lays nothing out: give the table's scroll box a size so rows are virtualized into view. */
function giveLayout() {
  vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(600);
  vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(1200);
}

const train = vmOf("train-h100", "ACTIVE", { region: "CANADA-1" });
const dev = vmOf("dev-a6000", "SHUTOFF", {
  region: "US-1",
  flavor: { name: null, cpu_cores: 8, ram_gb: 64, storage_gb: 200, gpu_model: "RTX-A6000", gpu_count: 1 },
});
const archive = vmOf("archive-a100", "HIBERNATED", {
  region: "NORWAY-1",
  public_ip: null,
  public_ip_enabled: false,
  flavor: { name: null, cpu_cores: 16, ram_gb: 128, storage_gb: 300, gpu_model: "A100-PCIe-80GB", gpu_count: 4 },
});
const ROWS = [
  rowOf(train, { hourlyRate: 4.98, costToDate: 300 }),
  rowOf(dev, { hourlyRate: 0.69, fullRate: 0.69, costToDate: 20 }),
  rowOf(archive, { hourlyRate: 0.01, fullRate: 6.2, costToDate: 150 }),
];

function shownNames(): string[] {
  return screen
    .getAllByTestId(/^instance-row-/)
    .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
    .map((r) => r.getAttribute("data-testid")!.replace("instance-row-", ""));
}

beforeEach(() => {
  giveLayout();
  performance.clearMarks();
  performance.clearMeasures();
});

describe("instances table", () => {
  it("shows every VM with state, GPU, region, IP, price, running time and cost to date", async () => {
    mockBackend({ instances_overview: instancesOverviewOf(ROWS) });
    renderApp("/instances");
    const row = await screen.findByTestId("instance-row-train-h100");
    expect(row).toHaveTextContent("ACTIVE");
    expect(row).toHaveTextContent("H100-SXM5-80GB × 2");
    expect(row).toHaveTextContent("CANADA-1");
    expect(row).toHaveTextContent(train.public_ip!);
    expect(row).toHaveTextContent("4.98 USD/h");
    expect(row).toHaveTextContent("300.00 USD");
    expect(screen.getByTestId("instance-row-archive-a100")).toHaveTextContent("0.01 USD/h");
    expect(screen.getByTestId("instance-row-dev-a6000")).toHaveTextContent("SHUTOFF");
    expect(shownNames()).toEqual(["archive-a100", "dev-a6000", "train-h100"]);
    expect(screen.getByTestId("instances-table")).toBeInTheDocument();
  });

  it("searches and filters by status, region and GPU", async () => {
    mockBackend({ instances_overview: instancesOverviewOf(ROWS) });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-train-h100");
    await user.type(screen.getByTestId("instances-search"), "a6000");
    expect(shownNames()).toEqual(["dev-a6000"]);
    expect(screen.getByTestId("instances-count")).toHaveTextContent("1 of 3 VMs");
    await user.clear(screen.getByTestId("instances-search"));
    await user.selectOptions(screen.getByTestId("filter-status"), "HIBERNATED");
    expect(shownNames()).toEqual(["archive-a100"]);
    await user.selectOptions(screen.getByTestId("filter-status"), "");
    await user.selectOptions(screen.getByTestId("filter-region"), "CANADA-1");
    expect(shownNames()).toEqual(["train-h100"]);
    await user.selectOptions(screen.getByTestId("filter-region"), "");
    await user.selectOptions(screen.getByTestId("filter-gpu"), "A100-PCIe-80GB");
    expect(shownNames()).toEqual(["archive-a100"]);
    await user.selectOptions(screen.getByTestId("filter-status"), "ACTIVE");
    expect(screen.getByTestId("instances-no-match")).toBeInTheDocument();
  });

  it("sorts by a column, and the other way on a second click", async () => {
    mockBackend({ instances_overview: instancesOverviewOf(ROWS) });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-train-h100");
    await user.click(screen.getByTestId("sort-cost-to-date"));
    expect(shownNames()).toEqual(["dev-a6000", "archive-a100", "train-h100"]);
    await user.click(screen.getByTestId("sort-cost-to-date"));
    expect(shownNames()).toEqual(["train-h100", "archive-a100", "dev-a6000"]);
    expect(screen.getByTestId("sort-cost-to-date").closest("[role=columnheader]")).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await user.click(screen.getByTestId("sort-cost-per-hour"));
    expect(shownNames()).toEqual(["archive-a100", "dev-a6000", "train-h100"]);
    await user.click(screen.getByTestId("sort-name"));
    expect(shownNames()).toEqual(["archive-a100", "dev-a6000", "train-h100"]);
  });

  it("renders only the rows in view for 2,000 VMs, and marks the render and each filter for the bench", async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      rowOf(vmOf(`node-${String(i).padStart(4, "0")}`, i % 2 ? "ACTIVE" : "SHUTOFF")),
    );
    mockBackend({ instances_overview: instancesOverviewOf(many) });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-node-0000");
    expect(screen.getAllByTestId(/^instance-row-/).length).toBeLessThan(60);
    expect(screen.getByTestId("instances-count")).toHaveTextContent("2000 VMs");
    expect(performance.getEntriesByName("instances:data", "mark")).toHaveLength(1);
    await waitFor(() => expect(performance.getEntriesByName("instances-render", "measure")).toHaveLength(1));
    expect(performance.getEntriesByName("instances:rendered", "mark")).toHaveLength(1);

    await user.type(screen.getByTestId("instances-search"), "node-19");
    expect(shownNames().slice(0, 3)).toEqual(["node-1900", "node-1901", "node-1902"]);
    expect(screen.getByTestId("instances-count")).toHaveTextContent("100 of 2000 VMs");
    await waitFor(() => expect(performance.getEntriesByName("instances-filter", "measure")).toHaveLength(7));
    expect(performance.getEntriesByName("instances:filter-start", "mark")).toHaveLength(7);
    expect(performance.getEntriesByName("instances:filter-end", "mark")).toHaveLength(7);
  });

  it("typing faster than the list renders ends on the last keystroke's rows and count", async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      rowOf(vmOf(`node-${String(i).padStart(4, "0")}`, i % 2 ? "ACTIVE" : "SHUTOFF")),
    );
    mockBackend({ instances_overview: instancesOverviewOf(many) });
    renderApp("/instances");
    // No pause between keys: the deferred list may skip the keystrokes in between.
    const user = userEvent.setup({ delay: null });
    await screen.findByTestId("instance-row-node-0000");
    const search = screen.getByTestId("instances-search");
    await user.type(search, "node-012");
    // The input holds every key at once; the list follows with the final filter.
    expect(search).toHaveValue("node-012");
    await waitFor(() => expect(screen.getByTestId("instances-count")).toHaveTextContent("10 of 2000 VMs"));
    expect(shownNames()).toEqual(Array.from({ length: 10 }, (_, i) => `node-012${i}`));
    await user.type(search, "{Backspace}{Backspace}1");
    expect(search).toHaveValue("node-01");
    await waitFor(() => expect(screen.getByTestId("instances-count")).toHaveTextContent("100 of 2000 VMs"));
    expect(shownNames()[0]).toBe("node-0100");
  });

  it("finds a VM renamed by the change feed by its new name (the search index follows the data)", async () => {
    // The refetch the event asks for never answers here: the event's own copy of the VM is
    // what renames it in the list.
    let calls = 0;
    mockBackend({
      instances_overview: () => (++calls === 1 ? instancesOverviewOf(ROWS) : new Promise(() => {})),
    });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-train-h100");
    await user.type(screen.getByTestId("instances-search"), "finetune");
    expect(screen.getByTestId("instances-no-match")).toBeInTheDocument();
    await emitResourcesChanged({ kinds: ["instances"], instances: [{ ...train, name: "finetune-h100" }] });
    await waitFor(() => expect(shownNames()).toEqual(["finetune-h100"]));
    expect(screen.getByTestId("instances-count")).toHaveTextContent("1 of 3 VMs");
    // The old name is gone from the list (the row is the renamed one).
    await user.clear(screen.getByTestId("instances-search"));
    expect(screen.queryByTestId("instance-row-train-h100")).toBeNull();
  });

  it("keeps the last data when Barrack cannot be reached, marked stale", async () => {
    mockBackend({ instances_overview: instancesOverviewOf(ROWS) });
    renderApp("/instances");
    await screen.findByTestId("instance-row-train-h100");
    expect(screen.queryByTestId("stale-banner")).not.toBeInTheDocument();
    await emitConnectionChanged({ online: false, message: "connection refused" });
    expect(await screen.findByTestId("stale-banner")).toHaveTextContent(/as of \d\d:\d\d: the API cannot be reached/);
    expect(screen.getByTestId("stale-marker")).toHaveTextContent(/^as of \d\d:\d\d$/);
    expect(screen.getByTestId("instance-row-train-h100")).toBeInTheDocument();
    await emitConnectionChanged({ online: true, message: null });
    await waitFor(() => expect(screen.queryByTestId("stale-banner")).not.toBeInTheDocument());
  });

  it("shows what to do when the list cannot be loaded", async () => {
    mockBackend({ instances_overview: fails("Server", "upstream timeout", { requestId: "req-5" }) });
    renderApp("/instances");
    const banner = await screen.findByTestId("error-banner");
    expect(banner).toHaveTextContent("Barrack had a problem");
    expect(banner).toHaveTextContent("upstream timeout");
  });

  it("updates a VM's state live from the poller's event, before the list is fetched again", async () => {
    const refetch = deferred<unknown>();
    let calls = 0;
    const backend = mockBackend({
      instances_overview: () => (++calls === 1 ? instancesOverviewOf(ROWS) : refetch.promise),
    });
    renderApp("/instances");
    await screen.findByTestId("instance-row-train-h100");
    await emitResourcesChanged({ kinds: ["instances"], instances: [{ ...train, status: "STOPPING" }] });
    // The refetch has not answered: the new state comes from the event itself.
    await waitFor(() => expect(screen.getByTestId("instance-row-train-h100")).toHaveTextContent("STOPPING"));
    // The event also marked the list stale: it is fetched again (after the patch, so rates
    // follow the new state), and its answer wins.
    await waitFor(() => expect(backend.called("instances_overview").length).toBeGreaterThanOrEqual(2));
    refetch.resolve(instancesOverviewOf([rowOf({ ...train, status: "SHUTOFF" }), ...ROWS.slice(1)]));
    await waitFor(() => expect(screen.getByTestId("instance-row-train-h100")).toHaveTextContent("SHUTOFF"));
  });
});

describe("bulk actions", () => {
  it("counts, for each action, the selected VMs whose state allows it", async () => {
    mockBackend({ instances_overview: instancesOverviewOf(ROWS) });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-train-h100");
    for (const name of ["train-h100", "dev-a6000", "archive-a100"])
      await user.click(screen.getByTestId(`select-${name}`));
    expect(screen.getByTestId("bulk-start")).toHaveTextContent("Start (1)");
    expect(screen.getByTestId("bulk-stop")).toHaveTextContent("Stop (1)");
    expect(screen.getByTestId("bulk-hibernate")).toHaveTextContent("Hibernate (1)");
    expect(screen.getByTestId("bulk-delete")).toHaveTextContent("Delete (3)");
    expect(screen.getByTestId("bulk-stop")).toHaveAttribute("title", "1 will be stopped, 2 skipped");

    await user.click(screen.getByTestId("select-train-h100"));
    expect(screen.getByTestId("bulk-stop")).toBeDisabled();
    expect(screen.getByTestId("bulk-hibernate")).toBeDisabled();
    expect(screen.getByTestId("bulk-start")).toBeEnabled();
  });

  it("stops the VMs it can, lists those skipped with why, and shows their new state at once", async () => {
    const more = [...ROWS, rowOf(vmOf("infer-l40", "ACTIVE"))];
    const backend = mockBackend({
      instances_overview: instancesOverviewOf(more),
      stop_instance: (a: Record<string, unknown>) => actionAnswer(a.instanceId as string, "STOPPING"),
    });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-train-h100");
    await user.click(screen.getByTestId("select-all"));
    await user.click(screen.getByTestId("bulk-stop"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(within(dialog).getByTestId("bulk-summary")).toHaveTextContent("2 will be stopped, 2 skipped");
    const skipped = within(dialog).getByTestId("bulk-skipped");
    expect(skipped).toHaveTextContent(`dev-a6000: ${VM_ACTION_RULES.SHUTOFF.stop}`);
    expect(skipped).toHaveTextContent(`archive-a100: ${VM_ACTION_RULES.HIBERNATED.stop}`);
    expect(dialog).toHaveTextContent("keep billing the full rate (9.96 USD/h in total)");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(
      backend
        .called("stop_instance")
        .map((c) => c.args.instanceId)
        .sort(),
    ).toEqual(["vm-infer-l40", "vm-train-h100"]);
    expect(screen.getByTestId("instance-row-train-h100")).toHaveTextContent("STOPPING");
    expect(screen.getByTestId("instance-row-infer-l40")).toHaveTextContent("STOPPING");
    expect(screen.getByTestId("instance-row-dev-a6000")).toHaveTextContent("SHUTOFF");
  });

  it("deletes several only after typing how many", async () => {
    const backend = mockBackend({
      instances_overview: instancesOverviewOf(ROWS),
      delete_instance: (a: Record<string, unknown>) => actionAnswer(a.instanceId as string, "DELETING"),
    });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-train-h100");
    await user.click(screen.getByTestId("select-dev-a6000"));
    await user.click(screen.getByTestId("select-archive-a100"));
    await user.click(screen.getByTestId("bulk-delete"));
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
    await user.type(screen.getByTestId("confirm-input"), "delete 2 VMs");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(backend.called("delete_instance")).toHaveLength(2));
  });

  it("reports the VMs whose action failed, with the server's words", async () => {
    const sim = simulatedVms([rowOf(vmOf("a", "SHUTOFF")), rowOf(vmOf("b", "SHUTOFF"))]);
    const start = sim.handlers.start_instance as (a: Record<string, unknown>) => unknown;
    mockBackend({
      ...sim.handlers,
      start_instance: (a: Record<string, unknown>) => {
        if (a.instanceId === "vm-b") throw { code: "InsufficientCredits", message: "add credits before starting a VM" };
        return start(a);
      },
    });
    renderApp("/instances");
    const user = userEvent.setup();
    await screen.findByTestId("instance-row-a");
    await user.click(screen.getByTestId("select-all"));
    await user.click(screen.getByTestId("bulk-start"));
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByText(/Start failed for 1 VM: Your balance is too low/)).toBeInTheDocument();
    expect(screen.getByText(/b: add credits before starting a VM/)).toBeInTheDocument();
    expect(screen.getByTestId("instance-row-a")).toHaveTextContent("STARTING");
  });
});
