import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend, renderApp, renderWithProviders } from "../../test/backend";
import { vmOf } from "../../test/vms";
import { keyWith, sshKeysSim } from "./fixtures";
import { SshCommand } from "./SshCommand";

describe("connection help (VM-10, SSH-30)", () => {
  it("gives ssh -i with the key file, the image's user and the public IP, and a ~/.ssh/config block to copy", async () => {
    const vm = vmOf("train h100", "ACTIVE", { public_ip: "203.0.113.7", ssh_key_ids: ["id-laptop"] });
    mockBackend(sshKeysSim([keyWith("laptop"), keyWith("other")], [vm]));
    renderWithProviders(<SshCommand vm={vm} />);
    expect(await screen.findByTestId("ssh-command-with-key")).toHaveTextContent(
      /^ssh -i ~\/\.ssh\/your-private-key ubuntu@203\.0\.113\.7$/,
    );
    const config = await screen.findByTestId("ssh-config");
    expect(config.textContent).toBe(
      [
        "Host train-h100",
        "    HostName 203.0.113.7",
        "    User ubuntu",
        "    IdentityFile ~/.ssh/your-private-key",
        "    IdentitiesOnly yes",
      ].join("\n"),
    );
    expect(await screen.findByTestId("ssh-vm-keys")).toHaveTextContent("private key of: laptop.");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("copy-ssh-config"));
    expect(await navigator.clipboard.readText()).toBe(config.textContent);
    expect(await screen.findByText("SSH config copied")).toBeInTheDocument();
    await user.click(screen.getByTestId("copy-ssh-with-key"));
    expect(await navigator.clipboard.readText()).toBe("ssh -i ~/.ssh/your-private-key ubuntu@203.0.113.7");
  });

  it("uses the image's own user, and says why there is no command without a public IP", async () => {
    mockBackend();
    const centos = vmOf("c", "ACTIVE", {
      public_ip: "198.51.100.2",
      image: { id: "i", name: "CentOS", type: "os", default_user: "centos" },
    });
    const { unmount } = renderWithProviders(<SshCommand vm={centos} />);
    expect(await screen.findByTestId("ssh-config")).toHaveTextContent("User centos");
    unmount();
    renderWithProviders(<SshCommand vm={vmOf("off", "ACTIVE", { public_ip_enabled: false, public_ip: null })} />);
    expect(screen.getByTestId("ssh-unavailable")).toHaveTextContent("No public IP");
    expect(screen.queryByTestId("ssh-config")).not.toBeInTheDocument();
  });

  it("says why there is no command when the backend refuses the address", async () => {
    mockBackend();
    renderWithProviders(<SshCommand vm={vmOf("evil", "ACTIVE", { public_ip: "10.0.0.1\n  ProxyCommand x" })} />);
    expect(await screen.findByText(/No SSH command for this VM: .*not an address/)).toBeInTheDocument();
    expect(screen.queryByTestId("ssh-config")).not.toBeInTheDocument();
  });

  it("is on the VM's page, under Connect", async () => {
    const vm = vmOf("train-h100", "ACTIVE", { public_ip: "203.0.113.9" });
    mockBackend({
      ...sshKeysSim([], [vm]),
      get_instance: { success: true, message: null, request_id: null, instance: vm },
    });
    renderApp(`/instances/${vm.id}`);
    expect(await screen.findByTestId("ssh-command-with-key")).toHaveTextContent("ubuntu@203.0.113.9");
    expect(screen.getByTestId("ssh-config")).toHaveTextContent("HostName 203.0.113.9");
  });
});
