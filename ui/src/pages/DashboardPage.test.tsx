import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { balanceOf, emitConnectionChanged, emitResourcesChanged, mockBackend, renderApp } from "../test/backend";
import { accountOverviewOf, consequencesOf, rowOf, simulatedVms, vmOf } from "../test/vms";

const train = vmOf("train-h100", "ACTIVE", { public_ip: "203.0.113.20", private_ip: "10.0.0.20" });
const dev = vmOf("dev-a6000", "SHUTOFF", {
  region: "US-1",
  public_ip: "203.0.113.21",
  flavor: { name: null, cpu_cores: 8, ram_gb: 64, storage_gb: 200, gpu_model: "RTX-A6000", gpu_count: 1 },
});
const ROWS = [rowOf(train, { hourlyRate: 4.98 }), rowOf(dev, { hourlyRate: 0.69, fullRate: 0.69 })];

describe("dashboard", () => {
  it("fetches the figures again after the poller patches a VM's state, so the burn rate follows it", async () => {
    // The poller's patch writes the new state into the cached overview and marks it fresh;
    // without a refetch after it, the burn rate kept the old state's figures (seen with a VM
    // whose state the app does not know: still 5.84 instead of 7.38 USD/h).
    let calls = 0;
    mockBackend({
      account_overview: () => {
        calls += 1;
        return calls === 1
          ? accountOverviewOf(ROWS)
          : accountOverviewOf(ROWS, { burn: { instances: 6.53, volumes: 0.3, snapshots: 0.1, total: 6.93 } });
      },
      instance_actions: consequencesOf(),
    });
    renderApp("/");
    await waitFor(() => expect(screen.getByTestId("burn-rate")).toHaveTextContent("5.39 USD/h"));
    await emitResourcesChanged({ kinds: ["instances"], instances: [{ ...dev, status: "QUANTUM_FLUX" }] });
    await waitFor(() => expect(screen.getByTestId("burn-rate")).toHaveTextContent("6.93 USD/h"));
  });

  it("shows the three columns for the first VM: details, operations with prices, account", async () => {
    mockBackend({ account_overview: accountOverviewOf(ROWS), instance_actions: consequencesOf() });
    renderApp("/");
    expect(await screen.findByTestId("page-dashboard")).toBeInTheDocument();
    const details = await screen.findByTestId("instance-details-panel");
    expect(within(details).getByTestId("vm-name")).toHaveTextContent("train-h100");
    expect(screen.getByTestId("vm-status")).toHaveTextContent("ACTIVE");
    expect(within(details).getByTestId("vm-gpu")).toHaveTextContent("H100-SXM5-80GB × 2");
    expect(within(details).getByTestId("vm-cpu")).toHaveTextContent("32 vCPU");
    expect(within(details).getByTestId("vm-ram")).toHaveTextContent("256 GB");
    expect(within(details).getByTestId("vm-storage")).toHaveTextContent("500 GB");
    expect(within(details).getByTestId("private-ip")).toHaveTextContent("10.0.0.20");
    expect(within(details).getByTestId("public-ip")).toHaveTextContent("203.0.113.20");

    expect(screen.getByTestId("vm-selector")).toHaveValue(train.id);
    expect(screen.getByTestId("vm-hourly-price")).toHaveTextContent("4.98 USD/h");
    expect(screen.getByTestId("vm-minute-price")).toHaveTextContent("0.0830 USD/min");
    expect(screen.getByTestId("action-stop")).toBeEnabled();
    expect(screen.getByTestId("action-start")).toBeDisabled();
    await waitFor(() => expect(screen.getByTestId("action-consequence-stop")).toHaveTextContent("keeps billing"));

    expect(screen.getByTestId("account-id")).toHaveTextContent("BRK-100234");
    expect(screen.getByTestId("dashboard-balance")).toHaveTextContent("241.20 USD");
    expect(screen.getByTestId("burn-rate")).toHaveTextContent("5.39 USD/h");
    // 241.20 ÷ 5.39 = 44.7 hours.
    expect(screen.getByTestId("runway")).toHaveTextContent("1 day 20 hours");
    for (const slug of ["deploy", "ssh-keys", "volumes", "snapshots"]) {
      expect(screen.getByTestId(`quick-${slug}`)).toBeInTheDocument();
    }
  });

  it("drives every panel from the VM selector", async () => {
    mockBackend({ account_overview: accountOverviewOf(ROWS), instance_actions: consequencesOf() });
    renderApp("/");
    const user = userEvent.setup();
    await screen.findByTestId("instance-details-panel");
    await user.selectOptions(screen.getByTestId("vm-selector"), dev.id);
    expect(screen.getByTestId("vm-name")).toHaveTextContent("dev-a6000");
    expect(screen.getByTestId("vm-status")).toHaveTextContent("SHUTOFF");
    expect(screen.getByTestId("vm-gpu")).toHaveTextContent("RTX-A6000 × 1");
    expect(screen.getByTestId("vm-hourly-price")).toHaveTextContent("0.69 USD/h");
    expect(screen.getByTestId("vm-minute-price")).toHaveTextContent("0.0115 USD/min");
    expect(screen.getByTestId("vm-billing-note")).toHaveTextContent("still billing the full rate");
    expect(screen.getByTestId("action-start")).toBeEnabled();
    expect(screen.getByTestId("action-stop")).toBeDisabled();
  });

  it("shows the transitional state at once after an action, then follows the poller", async () => {
    const sim = simulatedVms(ROWS);
    const backend = mockBackend(sim.handlers);
    renderApp("/");
    const user = userEvent.setup();
    await screen.findByTestId("instance-details-panel");
    await user.click(screen.getByTestId("action-stop"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Stop train-h100?");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.getByTestId("vm-status")).toHaveTextContent("STOPPING"));
    expect(backend.called("stop_instance")).toHaveLength(1);
    expect(screen.getByTestId("action-stop")).toBeDisabled();
    expect(screen.getByTestId("action-stop")).toHaveAttribute("title", expect.stringMatching(/STOPPING; wait/));

    sim.patch(train.id, { status: "SHUTOFF" });
    await emitResourcesChanged({ kinds: ["instances"], instances: [sim.vm(train.id)!] });
    await waitFor(() => expect(screen.getByTestId("vm-status")).toHaveTextContent("SHUTOFF"));
    expect(screen.getByTestId("action-start")).toBeEnabled();
  });

  it("creates a snapshot from a small dialog that checks the name", async () => {
    const backend = mockBackend({
      account_overview: accountOverviewOf(ROWS),
      instance_actions: consequencesOf(),
      create_snapshot: (a: Record<string, unknown>) => ({
        success: true,
        message: null,
        request_id: null,
        snapshot: { id: "S-1", name: (a.body as { name: string }).name, status: "CREATING" },
      }),
    });
    renderApp("/");
    const user = userEvent.setup();
    await screen.findByTestId("instance-details-panel");
    await user.click(screen.getByTestId("action-snapshot"));
    await user.click(screen.getByTestId("snapshot-create"));
    // The rules answer from Rust (the case table): pasted, so the field holds a table input at once.
    expect(await screen.findByTestId("snapshot-name-error")).toHaveTextContent("A name is required.");
    await user.click(screen.getByTestId("snapshot-name"));
    await user.paste("nightly/1");
    await waitFor(() => expect(screen.getByTestId("snapshot-name-error")).toHaveTextContent("found '/'"));
    expect(screen.getByTestId("snapshot-name-count")).toHaveTextContent("9/50");
    await user.clear(screen.getByTestId("snapshot-name"));
    await user.paste("nightly 1");
    await user.click(screen.getByTestId("snapshot-create"));
    await waitFor(() => expect(backend.called("create_snapshot")).toHaveLength(1));
    expect(backend.called("create_snapshot")[0]!.args.body).toMatchObject({ instance_id: train.id, name: "nightly 1" });
    await waitFor(() => expect(screen.queryByTestId("snapshot-dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Snapshot nightly 1 is being created")).toBeInTheDocument();
  });

  it("shows the server's refusal of a snapshot name at the field", async () => {
    mockBackend({
      account_overview: accountOverviewOf(ROWS),
      instance_actions: consequencesOf(),
      create_snapshot: () => {
        throw { code: "Conflict", message: "name: a snapshot named nightly already exists", field: "name" };
      },
    });
    renderApp("/");
    const user = userEvent.setup();
    await screen.findByTestId("instance-details-panel");
    await user.click(screen.getByTestId("action-snapshot"));
    await user.click(screen.getByTestId("snapshot-name"));
    await user.paste("nightly");
    await user.click(screen.getByTestId("snapshot-create"));
    expect(await screen.findByTestId("snapshot-name-error")).toHaveTextContent(
      /^a snapshot named nightly already exists$/,
    );
    expect(screen.getByTestId("snapshot-dialog")).toBeInTheDocument();
  });

  it("leads to the deploy wizard when there are no VMs, still showing the account", async () => {
    mockBackend({
      account_overview: accountOverviewOf([], {
        burn: { instances: 0, volumes: 0, snapshots: 0, total: 0 },
        runwayHours: null,
      }),
      get_balance: { ...balanceOf(241.2), profile_complete: false },
    });
    renderApp("/");
    const empty = await screen.findByTestId("dashboard-empty");
    expect(screen.queryByTestId("vm-selector")).not.toBeInTheDocument();
    expect(screen.getByTestId("runway")).toHaveTextContent("No running costs");
    expect(screen.getByText("Your Barrack profile is incomplete")).toBeInTheDocument();
    await userEvent.click(within(empty).getByTestId("dashboard-deploy"));
    expect(await screen.findByTestId("page-deploy")).toBeInTheDocument();
  });

  it("shows balances per currency", async () => {
    mockBackend({
      account_overview: accountOverviewOf(ROWS),
      instance_actions: consequencesOf(),
      get_balance: {
        ...balanceOf(241.2),
        balances: [
          { currency: "USD", amount: 241.2 },
          { currency: "INR", amount: 1500 },
        ],
      },
    });
    renderApp("/");
    expect(await screen.findByTestId("balances")).toHaveTextContent("1,500.00 INR");
  });

  it("marks the data stale while Barrack cannot be reached", async () => {
    mockBackend({ account_overview: accountOverviewOf(ROWS), instance_actions: consequencesOf() });
    renderApp("/");
    await screen.findByTestId("instance-details-panel");
    await emitConnectionChanged({ online: false, message: null });
    expect(await screen.findByTestId("stale-banner")).toHaveTextContent("the API cannot be reached");
    expect(screen.getByTestId("vm-status")).toHaveTextContent("ACTIVE");
  });
});
