import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PRICING, SNAPSHOT_PAGE, VOLUME_PAGE, instancePage, overviewOf } from "../../features/billing/testFixtures";
import { balanceOf, emitConnectionChanged, emitResourcesChanged, mockBackend, renderApp } from "../../test/backend";
import { accountOverviewOf, consequencesOf, instancesOverviewOf, rowOf, simulatedVms, vmOf } from "../../test/vms";
import { AUTO_RETRY } from "../../lib/autoRetry";

const TRAIN = rowOf(vmOf("train-h100"));
const REFUSED = { code: "Network", message: "error sending request: connection refused (127.0.0.1:9)" };

describe("offline at start (nothing loaded yet)", () => {
  const every = AUTO_RETRY.everyMs;
  beforeEach(() => {
    AUTO_RETRY.everyMs = 60;
  });
  afterEach(() => {
    AUTO_RETRY.everyMs = every;
  });

  it("shows an offline screen that says what is wrong, retries by itself, and recovers", async () => {
    let reachable = false;
    const backend = mockBackend({
      account_overview: () => {
        if (!reachable) throw REFUSED;
        return accountOverviewOf([TRAIN]);
      },
      get_balance: () => {
        if (!reachable) throw REFUSED;
        return balanceOf(241.2);
      },
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    const screenEl = await screen.findByTestId("offline-screen");
    expect(screenEl).toHaveTextContent("Barrack cannot be reached");
    expect(screenEl).toHaveTextContent("connection refused");
    expect(screenEl).toHaveTextContent(/Trying again every \d+ seconds/);
    expect(screen.queryByTestId("page-dashboard")).not.toBeInTheDocument();

    // It tries again by itself, without a click (what failed: the header's balance, and the
    // dashboard's overview if its chunk had loaded before the screen replaced it).
    const asked = () => backend.called("account_overview").length + backend.called("get_balance").length;
    const first = asked();
    await waitFor(() => expect(asked()).toBeGreaterThan(first + 1));
    expect(screen.getByTestId("offline-screen")).toBeInTheDocument();

    reachable = true;
    expect(await screen.findByTestId("vm-operations-panel")).toHaveTextContent("train-h100");
    expect(screen.queryByTestId("offline-screen")).not.toBeInTheDocument();
    expect(screen.queryByTestId("stale-marker")).not.toBeInTheDocument();
  });

  it("leaves Settings reachable, where a wrong base URL is fixed", async () => {
    mockBackend({
      account_overview: () => {
        throw REFUSED;
      },
      get_balance: () => {
        throw REFUSED;
      },
    });
    renderApp("/dashboard");
    await screen.findByTestId("offline-screen");
    await userEvent.click(screen.getByRole("link", { name: "Check the account in Settings" }));
    expect(await screen.findByTestId("page-settings")).toBeInTheDocument();
  });
});

describe("offline with data on screen: kept and marked stale", () => {
  beforeEach(() => {
    // jsdom draws nothing and measures nothing: the charts stay empty, the list gets a viewport.
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
    vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(600);
    vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(1200);
  });

  async function goesStaleAndBack(testId: string) {
    await emitConnectionChanged({ online: false, message: "connection refused" });
    await waitFor(() => expect(screen.getAllByTestId("stale-marker")[0]).toHaveTextContent(/^as of \d\d:\d\d$/));
    expect(screen.getByTestId(testId)).toBeInTheDocument();
    expect(screen.queryByTestId("offline-screen")).not.toBeInTheDocument();
    await emitConnectionChanged({ online: true, message: null });
    await waitFor(() => expect(screen.queryByTestId("stale-marker")).not.toBeInTheDocument());
  }

  it("on the dashboard", async () => {
    mockBackend({ account_overview: accountOverviewOf([TRAIN]), instance_actions: consequencesOf() });
    renderApp("/dashboard");
    await screen.findByTestId("vm-operations-panel");
    await goesStaleAndBack("vm-operations-panel");
  });

  it("on the instances list", async () => {
    mockBackend({ instances_overview: instancesOverviewOf([TRAIN]) });
    renderApp("/instances");
    await screen.findByTestId("instance-row-train-h100");
    await goesStaleAndBack("instance-row-train-h100");
  });

  it("on a VM's page", async () => {
    const sim = simulatedVms([TRAIN]);
    mockBackend({
      ...sim.handlers,
      get_instance_firewalls: { firewalls: [] },
      get_instance_billing: instancePage(1, 0),
      list_timers: [],
    });
    renderApp(`/instances/${TRAIN.vm.id}`);
    await screen.findByTestId("vm-name");
    await goesStaleAndBack("vm-name");
  });

  it("on billing", async () => {
    mockBackend({
      billing_overview: overviewOf(),
      get_instance_billing: instancePage(1, 3),
      get_volume_billing: VOLUME_PAGE,
      get_snapshot_billing: SNAPSHOT_PAGE,
      get_pricing: PRICING,
      list_timers: [],
    });
    renderApp("/billing");
    await screen.findByTestId("burn-rate");
    await goesStaleAndBack("burn-rate");
  });
});

describe("a refresh that fails otherwise (5xx, 429, a bad body) keeps the data too", () => {
  const every = AUTO_RETRY.everyMs;
  afterEach(() => {
    AUTO_RETRY.everyMs = every;
  });
  beforeEach(() => {
    AUTO_RETRY.everyMs = 60;
    vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(600);
    vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(1200);
  });

  it("marks it stale with what went wrong, and clears by itself when Barrack answers again", async () => {
    let failing = false;
    mockBackend({
      instances_overview: () => {
        if (failing)
          throw { code: "RateLimited", message: "429 Too Many Requests: retry after 120 s", requestId: "req-42" };
        return instancesOverviewOf([TRAIN]);
      },
    });
    renderApp("/instances");
    await screen.findByTestId("instance-row-train-h100");
    failing = true;
    await emitResourcesChanged({ kinds: ["instances"] });
    const banner = await screen.findByTestId("stale-banner");
    expect(screen.getByTestId("stale-marker")).toHaveTextContent(/^as of \d\d:\d\d$/);
    expect(banner).toHaveTextContent("Barrack is limiting requests right now");
    expect(banner).toHaveTextContent("retry after 120 s · Request ID req-42");
    expect(screen.getByTestId("instance-row-train-h100")).toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();

    // Cleared by itself, no click and no event: the banner tries again.
    failing = false;
    await waitFor(() => expect(screen.queryByTestId("stale-banner")).not.toBeInTheDocument());
  });
});
