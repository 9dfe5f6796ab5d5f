// DEP-03: the wizard is reached from the sidebar, the dashboard's quick actions and the
// command palette, and all three land on the same route.

import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend, renderApp } from "../../test/backend";
import { accountOverviewOf, rowOf, vmOf } from "../../test/vms";
import { catalogOf } from "./testCatalog";

function backend() {
  return mockBackend({
    deploy_catalog: catalogOf(),
    get_deploy_draft: null,
    save_deploy_draft: null,
    list_deploy_templates: [],
    account_overview: accountOverviewOf([rowOf(vmOf("train-h100", "ACTIVE"))]),
  });
}

describe("the wizard's entry points (DEP-03)", () => {
  it("opens from the sidebar's Deploy VM", async () => {
    backend();
    renderApp("/instances");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("nav-deploy"));
    expect(await screen.findByTestId("deploy-step-gpu")).toBeInTheDocument();
  });

  it("opens from the dashboard's quick actions", async () => {
    backend();
    renderApp("/dashboard");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("quick-deploy"));
    expect(await screen.findByTestId("deploy-step-gpu")).toBeInTheDocument();
  });

  it("opens from the command palette", async () => {
    backend();
    renderApp("/dashboard");
    const user = userEvent.setup();
    await screen.findByTestId("page-dashboard");
    await user.keyboard("{Control>}k{/Control}");
    await user.type(await screen.findByTestId("command-input"), "deploy");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("deploy-step-gpu")).toBeInTheDocument();
  });
});
