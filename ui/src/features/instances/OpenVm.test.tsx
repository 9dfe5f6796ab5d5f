import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend, renderWithProviders } from "../../test/backend";
import { vmOf } from "../../test/vms";
import { OpenVm } from "./OpenVm";

describe("Open in terminal, VS Code, Jupyter", () => {
  it("sends the instance id only and shows that the sandbox launches nothing", async () => {
    const user = userEvent.setup();
    const vm = vmOf("train", "ACTIVE", { jupyter_enabled: true });
    const b = mockBackend({
      open_in_terminal: { outcome: "simulated", message: "The sandbox's VMs are simulated: nothing was opened." },
      open_in_vscode: { outcome: "launched", message: "VS Code is opening train over Remote-SSH." },
      open_jupyter: { outcome: "launched", message: "Jupyter of train is opening in your browser." },
    });
    renderWithProviders(<OpenVm vm={vm} />);
    await user.click(screen.getByTestId("open-terminal"));
    expect(await screen.findByTestId("launch-simulated")).toHaveTextContent("nothing was opened");
    expect(b.called("open_in_terminal").map((c) => c.args)).toEqual([{ instanceId: vm.id }]);
    await user.click(screen.getByTestId("open-vscode"));
    await user.click(screen.getByTestId("open-jupyter"));
    expect(b.called("open_in_vscode").map((c) => c.args)).toEqual([{ instanceId: vm.id }]);
    expect(b.called("open_jupyter").map((c) => c.args)).toEqual([{ instanceId: vm.id }]);
    expect(screen.queryByTestId("launch-simulated")).not.toBeInTheDocument();
  });

  it("offers Jupyter only when it is on for the VM", () => {
    mockBackend();
    renderWithProviders(<OpenVm vm={vmOf("plain", "ACTIVE", { jupyter_enabled: false })} />);
    expect(screen.getByTestId("open-terminal")).toBeEnabled();
    expect(screen.queryByTestId("open-jupyter")).not.toBeInTheDocument();
  });

  it("is disabled with the reason while the VM cannot be reached", () => {
    mockBackend();
    const { unmount } = renderWithProviders(<OpenVm vm={vmOf("off", "SHUTOFF", { jupyter_enabled: true })} />);
    for (const id of ["open-terminal", "open-vscode", "open-jupyter"]) expect(screen.getByTestId(id)).toBeDisabled();
    expect(screen.getByTestId("open-vm-reason")).toHaveTextContent(
      "off is SHUTOFF: it can be reached only while ACTIVE.",
    );
    unmount();
    renderWithProviders(<OpenVm vm={vmOf("hidden", "ACTIVE", { public_ip_enabled: false, public_ip: null })} />);
    expect(screen.getByTestId("open-vscode")).toBeDisabled();
    expect(screen.getByTestId("open-vm-reason")).toHaveTextContent("hidden has no public IP address to connect to.");
  });

  it("says why the backend refused, with what to do", async () => {
    const user = userEvent.setup();
    mockBackend({
      open_in_terminal: {
        outcome: "refused",
        reason: "NoTerminal",
        message: "No terminal was found (looked for x-terminal-emulator, gnome-terminal, konsole)",
      },
    });
    renderWithProviders(<OpenVm vm={vmOf("train", "ACTIVE")} />);
    await user.click(screen.getByTestId("open-terminal"));
    const refused = await screen.findByTestId("launch-refused");
    expect(refused).toHaveAttribute("data-reason", "NoTerminal");
    expect(refused).toHaveTextContent("No terminal was found");
    expect(refused).toHaveTextContent("Install a terminal");
  });
});
