import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SANDBOX, balanceOf, deferred, emitResourcesChanged, mockBackend, renderApp } from "../../test/backend";
import { accountOverviewOf, consequencesOf, rowOf, vmOf } from "../../test/vms";
import type { AccountOverview } from "../../features/instances/queries";
import type { LastKnown } from "./seed";

const SAVED_AT = "2026-03-02T14:02:41Z";
/** The marker's text for SAVED_AT in the test's local time. */
const AS_OF = (() => {
  const d = new Date(SAVED_AT);
  return `as of ${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
})();
const REFUSED = { code: "Network", message: "error sending request: connection refused (127.0.0.1:9)" };

const KEPT_VM = rowOf(vmOf("kept-vm"));
const FRESH_VM = rowOf(vmOf("fresh-vm"));

function lastKnownOf(overview: AccountOverview): LastKnown {
  return { version: 2, savedAt: SAVED_AT, baseUrl: "https://barrack.ai/api/", keyHint: "x7Qa", overview };
}

const KEPT = lastKnownOf(
  accountOverviewOf([KEPT_VM], { balance: 77.5, balances: [{ currency: "USD", amount: 77.5 }] }),
);

describe("the last-known state at start", () => {
  it("is painted at once with the header's 'as of', which goes once fresh data replaces it", async () => {
    const overview = deferred<AccountOverview>();
    const balance = deferred<ReturnType<typeof balanceOf>>();
    mockBackend({
      get_last_known: KEPT,
      account_overview: () => overview.promise,
      get_balance: () => balance.promise,
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");

    // Painted before any answer: the balance, the VMs, marked with the time it was fetched.
    expect(await screen.findByTestId("as-of")).toHaveTextContent(new RegExp(`^${AS_OF}$`));
    expect(screen.getByTestId("header-balance")).toHaveTextContent("77.50");
    expect(await screen.findByTestId("vm-operations-panel")).toHaveTextContent("kept-vm");

    // The balance answers first: the dashboard still shows the kept overview, so the mark stays.
    balance.resolve(balanceOf(241.2));
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("241.20"));
    expect(screen.getByTestId("as-of")).toBeInTheDocument();

    overview.resolve(accountOverviewOf([FRESH_VM]));
    await waitFor(() => expect(screen.queryByTestId("as-of")).not.toBeInTheDocument());
    expect(screen.getByTestId("vm-operations-panel")).toHaveTextContent("fresh-vm");
    expect(screen.getByTestId("vm-operations-panel")).not.toHaveTextContent("kept-vm");
  });

  it("stays while the VMs shown are the kept ones, though the poller has pushed a new balance", async () => {
    const overview = deferred<AccountOverview>();
    mockBackend({
      get_last_known: KEPT,
      account_overview: () => overview.promise,
      get_balance: () => new Promise(() => {}),
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    expect(await screen.findByTestId("as-of")).toBeInTheDocument();

    // A balance change patches the header's balance and the dashboard's, not its VMs: they
    // are still the kept ones, so the mark stays.
    await emitResourcesChanged({
      kinds: ["balance"],
      balance: 55.25,
      currency: "USD",
      balances: [{ currency: "USD", amount: 55.25 }],
      runwayHours: 12,
    });
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("55.25"));
    expect(screen.getByTestId("vm-operations-panel")).toHaveTextContent("kept-vm");
    expect(screen.getByTestId("as-of")).toHaveTextContent(AS_OF);

    overview.resolve(accountOverviewOf([FRESH_VM]));
    await waitFor(() => expect(screen.queryByTestId("as-of")).not.toBeInTheDocument());
  });

  it("goes when the fresh answers equal what was painted", async () => {
    const overview = deferred<AccountOverview>();
    const balance = deferred<ReturnType<typeof balanceOf>>();
    mockBackend({
      get_last_known: KEPT,
      account_overview: () => overview.promise,
      get_balance: () => balance.promise,
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    expect(await screen.findByTestId("as-of")).toBeInTheDocument();
    overview.resolve(structuredClone(KEPT.overview));
    balance.resolve(balanceOf(77.5));
    await waitFor(() => expect(screen.queryByTestId("as-of")).not.toBeInTheDocument());
    expect(screen.getByTestId("header-balance")).toHaveTextContent("77.50");
  });

  it("stays on screen, with its 'as of' and the offline banner, when the API cannot be reached", async () => {
    const backend = mockBackend({
      get_last_known: KEPT,
      account_overview: () => {
        throw REFUSED;
      },
      get_balance: () => {
        throw REFUSED;
      },
      instances_overview: () => {
        throw REFUSED;
      },
      instance_actions: consequencesOf(),
    });
    // jsdom measures nothing: the instances list gets a viewport.
    vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(600);
    vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(1200);
    renderApp("/dashboard");
    await waitFor(() => expect(screen.queryByTestId("offline-banner")).toBeInTheDocument(), { timeout: 3000 });
    await waitFor(() => expect(backend.called("account_overview").length).toBeGreaterThan(0));
    expect(screen.getByTestId("as-of")).toHaveTextContent(AS_OF);
    expect(screen.getByTestId("header-balance")).toHaveTextContent("77.50");
    expect(screen.getByTestId("vm-operations-panel")).toHaveTextContent("kept-vm");
    expect(screen.queryByTestId("offline-screen")).not.toBeInTheDocument();

    // The instances list is painted from the same state.
    await userEvent.click(screen.getByTestId("nav-instances"));
    expect(await screen.findByTestId("instance-row-kept-vm")).toBeInTheDocument();
    expect(screen.getByTestId("as-of")).toHaveTextContent(AS_OF);
  });

  it("never replaces an answer that came first, and is asked for once", async () => {
    const last = deferred<LastKnown>();
    const backend = mockBackend({
      get_last_known: () => last.promise,
      account_overview: accountOverviewOf([FRESH_VM]),
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    expect(await screen.findByTestId("vm-operations-panel")).toHaveTextContent("fresh-vm");
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("241.20"));
    last.resolve(KEPT);
    await waitFor(() => expect(backend.called("get_last_known")).toHaveLength(1));
    expect(screen.queryByTestId("as-of")).not.toBeInTheDocument();
    expect(screen.getByTestId("vm-operations-panel")).not.toHaveTextContent("kept-vm");
    expect(backend.called("account_overview")).toHaveLength(1);
  });

  it("is not fetched twice: a first fetch under way is kept", async () => {
    const backend = mockBackend({
      get_last_known: KEPT,
      account_overview: () => new Promise((r) => setTimeout(() => r(accountOverviewOf([FRESH_VM])), 30)),
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    await waitFor(() => expect(screen.getByTestId("vm-operations-panel")).toHaveTextContent("fresh-vm"));
    expect(backend.called("account_overview")).toHaveLength(1);
    expect(backend.called("get_balance")).toHaveLength(1);
  });

  it("the sandbox (nothing kept) shows no 'as of'", async () => {
    mockBackend({
      get_session: SANDBOX,
      account_overview: accountOverviewOf([FRESH_VM]),
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    expect(await screen.findByTestId("vm-operations-panel")).toHaveTextContent("fresh-vm");
    expect(screen.queryByTestId("as-of")).not.toBeInTheDocument();
  });
});
