// The first render waits a moment for the start's early answers and finds them in the caches
// (app/primeAtStart.ts); late or signed out, the queries take over as before.

import { render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { commands } from "../bindings";
import { putEarly, takeEarly } from "../lib/early";
import { createQueryClient, keys } from "../lib/queryClient";
import { SIGNED_IN, SIGNED_OUT, balanceOf, deferred, mockBackend, renderApp } from "../test/backend";
import { accountOverviewOf, consequencesOf } from "../test/vms";
import { prefetchDashboardAtStart } from "../features/dashboard/prefetch";
import { Providers, Root } from "./App";
import { primeAtStart } from "./primeAtStart";
import type { LastKnown } from "./lastKnown/seed";
import type { QueryClient } from "@tanstack/react-query";

const OVERVIEW = accountOverviewOf([], { balance: 77.5, balances: [{ currency: "USD", amount: 77.5 }] });
const KEPT: LastKnown = {
  version: 2,
  savedAt: "2026-03-02T14:02:41Z",
  baseUrl: "https://barrack.ai/api/",
  keyHint: "x7Qa",
  overview: accountOverviewOf([], { balance: 12.25, balances: [{ currency: "USD", amount: 12.25 }] }),
};

/** What startEarly.ts asks on the dashboard. */
function askEarly() {
  putEarly("getSession", commands.getSession());
  putEarly("getLastKnown", commands.getLastKnown());
  putEarly("accountOverview", commands.accountOverview());
}

/** The app's first render with `qc` as primed (no query has run yet). */
function renderPrimed(qc: QueryClient) {
  return render(
    <Providers client={qc}>
      <MemoryRouter initialEntries={["/dashboard"]}>
        <Root />
      </MemoryRouter>
    </Providers>,
  );
}

const LONG = { session: 1000, data: 1000 };

describe("the first render primed with the early answers", () => {
  it("signed in on the dashboard: the first frame is the shell with the overview's balance, and no balance is asked", async () => {
    const backend = mockBackend({ account_overview: OVERVIEW, instance_actions: consequencesOf() });
    askEarly();
    const qc = createQueryClient();
    await primeAtStart(qc, prefetchDashboardAtStart(qc), LONG);
    renderPrimed(qc);
    // At once: no "Starting…", no placeholder for the amount.
    expect(screen.getByTestId("app-shell")).toBeInTheDocument();
    expect(screen.getByTestId("header-balance")).toHaveTextContent("77.50");
    expect(screen.queryByTestId("as-of")).not.toBeInTheDocument();
    expect(await screen.findByTestId("page-dashboard")).toBeInTheDocument();
    expect(backend.called("get_balance")).toHaveLength(0);
    expect(backend.called("get_session")).toHaveLength(1);
    expect(backend.called("account_overview")).toHaveLength(1);
  });

  it("the last-known state is painted in the first frame, dated, and the overview replaces its balance when it comes", async () => {
    const overview = deferred<typeof OVERVIEW>();
    const backend = mockBackend({
      get_last_known: KEPT,
      account_overview: () => overview.promise,
      get_balance: () => new Promise(() => undefined),
      instance_actions: consequencesOf(),
    });
    askEarly();
    const qc = createQueryClient();
    const dashboard = prefetchDashboardAtStart(qc);
    await primeAtStart(qc, dashboard, LONG);
    renderPrimed(qc);
    expect(screen.getByTestId("header-balance")).toHaveTextContent("12.25");
    expect(await screen.findByTestId("as-of")).toBeInTheDocument();
    // The shell did not ask for the last-known state again.
    expect(backend.called("get_last_known")).toHaveLength(1);
    overview.resolve(OVERVIEW);
    await dashboard;
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("77.50"));
  });

  it("a session not answered in time is left for the session query, which shows it when it comes (asked once)", async () => {
    const late = deferred<typeof SIGNED_IN>();
    const backend = mockBackend({ get_session: () => late.promise });
    putEarly("getSession", commands.getSession());
    const qc = createQueryClient();
    await primeAtStart(qc, undefined, { session: 5, data: 5 });
    expect(qc.getQueryData(keys.session)).toBeUndefined();
    renderApp("/dashboard");
    expect(screen.getByText("Starting…")).toBeInTheDocument();
    late.resolve(SIGNED_IN);
    expect(await screen.findByTestId("app-shell")).toBeInTheDocument();
    expect(backend.called("get_session")).toHaveLength(1);
  });

  it("the dashboard's data late and nothing kept: the first render waits only its moment for it", async () => {
    const late = deferred<typeof OVERVIEW>();
    mockBackend({ account_overview: () => late.promise });
    askEarly();
    const qc = createQueryClient();
    await primeAtStart(qc, prefetchDashboardAtStart(qc), { session: 1000, data: 5 });
    expect(qc.getQueryData(keys.session)).toEqual(SIGNED_IN);
    expect(qc.getQueryData(keys.balance)).toBeUndefined();
    late.resolve(OVERVIEW);
  });

  it("signed out: the session is cached and the last-known state asked with it is dropped", async () => {
    mockBackend({ get_session: SIGNED_OUT });
    askEarly();
    const qc = createQueryClient();
    await primeAtStart(qc, undefined, LONG);
    expect(qc.getQueryData(keys.session)).toEqual(SIGNED_OUT);
    expect(takeEarly("getLastKnown")).toBeUndefined();
    void takeEarly("accountOverview");
  });

  it("nothing asked early: nothing waited for", async () => {
    mockBackend();
    const qc = createQueryClient();
    await primeAtStart(qc, undefined, { session: 60_000, data: 60_000 });
    expect(qc.getQueryData(keys.session)).toBeUndefined();
  });
});

describe("the overview's balance at start", () => {
  it("replaces no balance newer than its question, and writes none into a session that replaced it", async () => {
    // A newer balance (the poller's patch) stays.
    const first = deferred<typeof OVERVIEW>();
    mockBackend({ account_overview: () => first.promise });
    putEarly("accountOverview", commands.accountOverview());
    const qc = createQueryClient();
    const done = prefetchDashboardAtStart(qc);
    qc.setQueryData(keys.balance, balanceOf(5));
    first.resolve(OVERVIEW);
    await done;
    expect(qc.getQueryData(keys.balance)).toEqual(balanceOf(5));

    // A switch of session meanwhile (every query removed): nothing written.
    const second = deferred<typeof OVERVIEW>();
    mockBackend({ account_overview: () => second.promise });
    putEarly("accountOverview", commands.accountOverview());
    const qc2 = createQueryClient();
    const done2 = prefetchDashboardAtStart(qc2);
    qc2.removeQueries();
    second.resolve(OVERVIEW);
    await done2;
    await new Promise((r) => setTimeout(r, 0));
    expect(qc2.getQueryData(keys.balance)).toBeUndefined();
  });
});
