import { describe, expect, it } from "vitest";
import { waitFor } from "@testing-library/react";
import { commands } from "../../bindings";
import { createQueryClient } from "../../lib/queryClient";
import { putEarly, takeEarly } from "../../lib/early";
import { vmKeys } from "../instances/queries";
import { mockBackend } from "../../test/backend";
import { prefetchDashboardAtStart } from "./prefetch";

describe("the dashboard's data at start", () => {
  it("asked early, is put under the page's key with no page mounted, and taken once", async () => {
    const backend = mockBackend();
    putEarly("accountOverview", commands.accountOverview());
    const qc = createQueryClient();
    void prefetchDashboardAtStart(qc);
    expect(qc.getQueryState(vmKeys.account)?.fetchStatus).toBe("fetching");
    await waitFor(() => expect(qc.getQueryData(vmKeys.account)).toBeDefined());
    expect(backend.called("account_overview")).toHaveLength(1);
    expect(takeEarly("accountOverview")).toBeUndefined();
    // A second call (nothing asked early any more) asks nothing.
    void prefetchDashboardAtStart(createQueryClient());
    expect(backend.called("account_overview")).toHaveLength(1);
  });

  it("asks nothing when nothing was asked early (the window opened on another page)", () => {
    const backend = mockBackend();
    const qc = createQueryClient();
    void prefetchDashboardAtStart(qc);
    expect(qc.getQueryState(vmKeys.account)).toBeUndefined();
    expect(backend.called("account_overview")).toHaveLength(0);
  });
});
