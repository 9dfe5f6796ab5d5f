// The start's first questions asked before React renders (startEarly.ts, lib/early.ts):
// the app's queries take those answers instead of asking again.

import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { commands } from "../bindings";
import { putEarly, takeEarly } from "../lib/early";
import { SIGNED_OUT, mockBackend, renderApp } from "../test/backend";
import { accountOverviewOf, consequencesOf, rowOf, vmOf } from "../test/vms";
import { prefetchDashboardAtStart } from "../features/dashboard/prefetch";

/** What startEarly.ts asks, on the dashboard. */
function askEarly() {
  putEarly("getSession", commands.getSession());
  putEarly("getLastKnown", commands.getLastKnown());
  putEarly("accountOverview", commands.accountOverview());
}

describe("the start's first questions, asked early", () => {
  it("each serve the query that would ask it: session, last-known and dashboard asked once", async () => {
    const backend = mockBackend({
      account_overview: accountOverviewOf([rowOf(vmOf("early-vm"))]),
      instance_actions: consequencesOf(),
    });
    askEarly();
    const { client } = renderApp("/dashboard");
    void prefetchDashboardAtStart(client);
    expect(await screen.findByTestId("vm-operations-panel")).toHaveTextContent("early-vm");
    expect(backend.called("get_session")).toHaveLength(1);
    expect(backend.called("get_last_known")).toHaveLength(1);
    expect(backend.called("account_overview")).toHaveLength(1);
  });

  it("signed out at start, the last-known state asked then is dropped (no later session gets it)", async () => {
    mockBackend({ get_session: SIGNED_OUT });
    askEarly();
    renderApp("/dashboard");
    expect(await screen.findByTestId("signin")).toBeInTheDocument();
    expect(takeEarly("getSession")).toBeUndefined();
    expect(takeEarly("getLastKnown")).toBeUndefined();
    void takeEarly("accountOverview");
  });
});
