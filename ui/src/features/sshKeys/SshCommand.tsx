import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "../../components/ui/Button";
import type { VM } from "../instances/status";

/** `ssh <user>@<public ip>`: the image's login user, `ubuntu` when it names none (rules.md §7). */
export function sshCommand(vm: VM): string | null {
  if (!vm.public_ip_enabled || !vm.public_ip) return null;
  const user = vm.image.default_user?.trim() || "ubuntu";
  return `ssh ${user}@${vm.public_ip}`;
}

/** The SSH command with a copy button (VM-10). */
export function SshCommand({ vm }: { vm: VM }) {
  const command = sshCommand(vm);
  if (!command) {
    return (
      <p data-testid="ssh-unavailable" className="text-sm text-fg-muted">
        {vm.public_ip_enabled
          ? `The public IP is on, but no address is assigned while the VM is ${vm.status}.`
          : "No public IP: turn it on to reach this VM over SSH from the internet."}
      </p>
    );
  }
  async function copy() {
    try {
      await navigator.clipboard.writeText(command ?? "");
      toast.success("SSH command copied");
    } catch {
      toast.error("Could not copy; select the command and copy it by hand.");
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <code
          data-testid="ssh-command"
          className="flex-1 rounded-md bg-surface-2 px-3 py-2 font-mono text-sm select-all"
        >
          {command}
        </code>
        <Button data-testid="copy-ssh" onClick={() => void copy()} aria-label="Copy the SSH command">
          <Copy aria-hidden className="size-4" />
          Copy
        </Button>
      </div>
      <p className="text-xs text-fg-muted">
        Uses your SSH key; SSH answers only while the VM is ACTIVE and its rules let port 22 in.
      </p>
    </div>
  );
}
