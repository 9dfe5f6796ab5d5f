import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../lib/ipc";
import { VM_ACTION_RULES } from "../../bindings";
import { deferred, fails, mockBackend, renderWithProviders } from "../../test/backend";
import { actionAnswer, consequencesOf, vmOf, type VM } from "../../test/vms";
import { VM_ACTIONS } from "./status";
import { VmActions } from "./VmActions";

/** The VM's actions with the backend's consequences, and whatever else the test answers. */
function renderActions(vm: VM, answers: Record<string, unknown> = {}) {
  const backend = mockBackend({ instance_actions: consequencesOf(), ...answers });
  renderWithProviders(<VmActions vm={vm} />);
  return { backend, user: userEvent.setup() };
}

const STATUSES = Object.keys(VM_ACTION_RULES) as (keyof typeof VM_ACTION_RULES)[];

describe("VM actions follow the state rules", () => {
  it("enables each action exactly when VM_ACTION_RULES allows it, and says why not otherwise", async () => {
    mockBackend({ instance_actions: consequencesOf() });
    for (const status of STATUSES) {
      const view = renderWithProviders(<VmActions vm={vmOf(`vm-${status.toLowerCase()}`, status)} />);
      for (const action of VM_ACTIONS) {
        const button = screen.getByTestId(`action-${action}`);
        const reason = VM_ACTION_RULES[status][action];
        if (reason === null) {
          expect(button, `${status} ${action}`).toBeEnabled();
          expect(button).not.toHaveAttribute("title");
        } else {
          expect(button, `${status} ${action}`).toBeDisabled();
          expect(button).toHaveAttribute("title", reason);
          expect(button).toHaveAccessibleDescription(reason);
        }
      }
      view.unmount();
    }
  });

  it("shows every action's cost consequence before any click", async () => {
    mockBackend({ instance_actions: consequencesOf() });
    renderWithProviders(<VmActions vm={vmOf("train", "ACTIVE")} />);
    await waitFor(() =>
      expect(screen.getByTestId("action-consequence-stop")).toHaveTextContent(
        "keeps billing the full rate (4.98 USD/h)",
      ),
    );
    expect(screen.getByTestId("action-consequence-hibernate")).toHaveTextContent("0.01 USD/h");
    expect(screen.getByTestId("action-consequence-delete")).toHaveTextContent("ends billing");
    expect(screen.getByTestId("action-consequence-start")).toHaveTextContent("Starts billing");
  });
});

describe("confirmations", () => {
  it("asks before stopping, naming the VM; cancel sends nothing", async () => {
    const { backend, user } = renderActions(vmOf("train", "ACTIVE"), {
      stop_instance: actionAnswer("vm-train", "STOPPING"),
    });
    await user.click(screen.getByTestId("action-stop"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Stop train?");
    expect(dialog).toHaveTextContent("keeps billing the full rate");
    expect(within(dialog).queryByTestId("confirm-input")).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(backend.called("stop_instance")).toEqual([]);

    await user.click(screen.getByTestId("action-stop"));
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(backend.called("stop_instance")).toHaveLength(1));
    expect(backend.called("stop_instance")[0]!.args).toEqual({ instanceId: "vm-train" });
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
  });

  it("asks before hibernating too, but starts, reboots and restores at once", async () => {
    const { backend, user } = renderActions(vmOf("a", "ACTIVE"), {
      reboot_instance: actionAnswer("vm-a", "REBOOTING"),
    });
    await user.click(screen.getByTestId("action-hibernate"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Hibernate a?");
    await user.keyboard("{Escape}");
    await user.click(screen.getByTestId("action-reboot"));
    await waitFor(() => expect(backend.called("reboot_instance")).toHaveLength(1));
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
  });

  it("deletes only after the VM's name is typed exactly", async () => {
    const { backend, user } = renderActions(vmOf("train-h100", "SHUTOFF"), {
      delete_instance: actionAnswer("vm-train-h100", "DELETING"),
    });
    await user.click(screen.getByTestId("action-delete"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Delete train-h100?");
    expect(dialog).toHaveTextContent("cannot be undone");
    const confirm = screen.getByTestId("confirm-action");
    expect(confirm).toBeDisabled();
    await user.type(screen.getByTestId("confirm-input"), "train-h10");
    expect(confirm).toBeDisabled();
    await user.type(screen.getByTestId("confirm-input"), "00");
    expect(confirm).toBeDisabled();
    await user.clear(screen.getByTestId("confirm-input"));
    await user.type(screen.getByTestId("confirm-input"), "Train-H100");
    expect(confirm).toBeDisabled();
    expect(backend.called("delete_instance")).toEqual([]);
    await user.clear(screen.getByTestId("confirm-input"));
    await user.type(screen.getByTestId("confirm-input"), "train-h100");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(backend.called("delete_instance")).toHaveLength(1));
  });

  it("starts the typed name afresh each time the dialog opens", async () => {
    const { user } = renderActions(vmOf("box", "ACTIVE"));
    await user.click(screen.getByTestId("action-delete"));
    await user.type(screen.getByTestId("confirm-input"), "box");
    await user.keyboard("{Escape}");
    await user.click(screen.getByTestId("action-delete"));
    expect(screen.getByTestId("confirm-input")).toHaveValue("");
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
  });
});

describe("no double submit", () => {
  it("sends one start for a double click, and shows progress meanwhile", async () => {
    const answer = deferred<unknown>();
    const { backend, user } = renderActions(vmOf("dev", "SHUTOFF"), { start_instance: () => answer.promise });
    await user.dblClick(screen.getByTestId("action-start"));
    await user.click(screen.getByTestId("action-start"));
    expect(screen.getByTestId("action-start")).toBeDisabled();
    expect(screen.getByTestId("action-start")).toHaveTextContent("Starting…");
    // The other actions wait too.
    expect(screen.getByTestId("action-delete")).toBeDisabled();
    answer.resolve(actionAnswer("vm-dev", "STARTING"));
    await waitFor(() => expect(screen.getByTestId("action-start")).toHaveTextContent(/^Start$/));
    expect(backend.called("start_instance")).toHaveLength(1);
  });

  it("sends one delete when the confirm button is clicked twice", async () => {
    const answer = deferred<unknown>();
    const { backend, user } = renderActions(vmOf("old", "ERROR"), { delete_instance: () => answer.promise });
    await user.click(screen.getByTestId("action-delete"));
    await user.type(screen.getByTestId("confirm-input"), "old");
    await user.dblClick(screen.getByTestId("confirm-action"));
    expect(screen.getByTestId("confirm-action")).toBeDisabled();
    expect(screen.getByTestId("confirm-action")).toHaveAttribute("aria-busy", "true");
    answer.resolve(actionAnswer("vm-old", "DELETING"));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(backend.called("delete_instance")).toHaveLength(1);
  });
});

describe("errors", () => {
  it.each([
    ["InsufficientCredits", "add credits before starting a VM"],
    ["Conflict", "The VM is already running"],
    ["Network", "error sending request: connection refused"],
  ] as const)("%s: what to do, and the server's own words, where the button is", async (code, message) => {
    mockBackend({ instance_actions: consequencesOf(), start_instance: fails(code, message, { requestId: "req-9" }) });
    renderWithProviders(<VmActions vm={vmOf("dev", "SHUTOFF")} />);
    await userEvent.click(screen.getByTestId("action-start"));
    const banner = await screen.findByTestId("error-banner");
    expect(banner).toHaveTextContent(ERROR_MESSAGES[code]);
    expect(banner).toHaveTextContent(message);
    expect(banner).toHaveTextContent("Request ID req-9");
    if (code === "InsufficientCredits")
      expect(within(banner).getByRole("link", { name: "Add credits" })).toBeInTheDocument();
    // The button can be used again.
    expect(screen.getByTestId("action-start")).toBeEnabled();
  });
});
