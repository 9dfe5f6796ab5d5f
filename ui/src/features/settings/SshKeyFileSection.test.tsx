import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { appError, mockBackend, renderApp, settingsWith } from "../../test/backend";

describe("SSH private key file setting", () => {
  it("is chosen in the backend's dialog (no path from the webview) and cleared", async () => {
    const user = userEvent.setup();
    const b = mockBackend({
      choose_ssh_key_file: () => settingsWith({ sshKeyFile: "/home/me/.ssh/id_ed25519" }),
      clear_ssh_key_file: () => settingsWith({ sshKeyFile: null }),
    });
    renderApp("/settings");
    expect(await screen.findByTestId("ssh-key-file")).toHaveTextContent("None chosen");
    await user.click(screen.getByTestId("choose-ssh-key-file"));
    expect(await screen.findByText("/home/me/.ssh/id_ed25519")).toBeInTheDocument();
    expect(b.called("choose_ssh_key_file").map((c) => c.args)).toEqual([{}]);
    await user.click(screen.getByTestId("clear-ssh-key-file"));
    expect(await screen.findByText("None chosen")).toBeInTheDocument();
  });

  it("says nothing when the dialog is closed without a file", async () => {
    const user = userEvent.setup();
    mockBackend({
      choose_ssh_key_file: () => {
        throw appError("Cancelled", "No file was chosen; nothing was changed.");
      },
    });
    renderApp("/settings");
    await user.click(await screen.findByTestId("choose-ssh-key-file"));
    expect(await screen.findByTestId("ssh-key-file")).toHaveTextContent("None chosen");
    expect(screen.queryByText(/Cancelled/)).not.toBeInTheDocument();
  });
});
