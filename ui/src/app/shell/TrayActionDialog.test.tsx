import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { VmActionRequested } from "../../bindings";
import { emitEvent, fails, mockBackend, renderWithProviders } from "../../test/backend";
import { actionAnswer, consequencesOf } from "../../test/vms";
import { TrayActionDialog } from "./TrayActionDialog";

/** The tray's click, as the backend sends it. */
async function trayAsks(request: VmActionRequested) {
  await emitEvent("vm-action-requested", request);
}

function renderDialog(answers: Record<string, unknown> = {}) {
  const backend = mockBackend({ instance_actions: consequencesOf(), ...answers });
  renderWithProviders(<TrayActionDialog />);
  return { backend, user: userEvent.setup() };
}

describe("the tray's Stop and Hibernate are asked in the window", () => {
  it("opens a confirmation naming the VM when the tray asks; Cancel sends nothing", async () => {
    const { backend, user } = renderDialog({ stop_instance: actionAnswer("BRK-1", "STOPPING") });
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
    await trayAsks({ instanceId: "BRK-1", instanceName: "train", action: "stop" });
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Stop train?");
    expect(within(dialog).getByTestId("tray-action-what")).toHaveTextContent("train shuts down gracefully");
    // The cost consequence comes from the backend, as on the VM's page.
    await waitFor(() => expect(dialog).toHaveTextContent("keeps billing the full rate"));
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(backend.called("stop_instance")).toEqual([]);
  });

  it("calls the command for that VM and action only on confirm, then closes", async () => {
    const { backend, user } = renderDialog({ hibernate_instance: actionAnswer("BRK-7", "HIBERNATING") });
    await trayAsks({ instanceId: "BRK-7", instanceName: "infer", action: "hibernate" });
    expect(await screen.findByTestId("confirm-dialog")).toHaveTextContent("Hibernate infer?");
    expect(backend.called("hibernate_instance")).toEqual([]);
    expect(backend.called("stop_instance")).toEqual([]);
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(backend.called("hibernate_instance")).toHaveLength(1));
    expect(backend.called("hibernate_instance")[0]!.args).toEqual({ instanceId: "BRK-7" });
    expect(backend.called("stop_instance")).toEqual([]);
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
  });

  it("Escape closes it without acting", async () => {
    const { backend, user } = renderDialog();
    await trayAsks({ instanceId: "BRK-2", instanceName: "box", action: "hibernate" });
    await screen.findByTestId("confirm-dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(backend.called("hibernate_instance")).toEqual([]);
  });

  it("a refused action stays open with the server's reason", async () => {
    const { backend, user } = renderDialog({
      stop_instance: fails("Conflict", "The VM is STOPPING; wait until it has finished."),
    });
    await trayAsks({ instanceId: "BRK-3", instanceName: "late", action: "stop" });
    await user.click(await screen.findByTestId("confirm-action"));
    await waitFor(() => expect(backend.called("stop_instance")).toHaveLength(1));
    expect(await screen.findByTestId("error-banner")).toBeInTheDocument();
    expect(screen.getByTestId("confirm-dialog")).toBeInTheDocument();
  });
});
