import { Copy } from "lucide-react";
import { Button } from "../../components/ui/Button";
import type { VM } from "../instances/status";
import { useQuery } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { copyText } from "./copy";
import { useSshKeys } from "./queries";

/** The VM's connection help, built by the backend (SSH-30, VM-10); none without a public IP. */
export function useConnectionHelp(vm: VM) {
  const ip = vm.public_ip_enabled ? vm.public_ip : null;
  const facts = { name: vm.name, defaultUser: vm.image.default_user, publicIp: ip ?? "" };
  return useQuery({
    queryKey: ["connection-help", facts],
    queryFn: () => call(commands.connectionHelp(facts)),
    enabled: ip != null && ip !== "",
    staleTime: Infinity,
    meta: { quiet: true },
  });
}

function CopyButton({ testId, text, what }: { testId: string; text: string; what: string }) {
  return (
    <Button data-testid={testId} onClick={() => void copyText(text, what)} aria-label={`Copy the ${what}`}>
      <Copy aria-hidden className="size-4" />
      Copy
    </Button>
  );
}

/** The names of the keys the VM was deployed with. */
function KeysOfVm({ vm }: { vm: VM }) {
  const names = (useSshKeys().data ?? []).filter((k) => vm.ssh_key_ids.includes(k.id)).map((k) => k.name);
  if (names.length === 0) return null;
  return (
    <p data-testid="ssh-vm-keys" className="text-xs text-fg-muted">
      This VM accepts the private key of: {names.join(", ")}.
    </p>
  );
}

/** Connection help (VM-10, SSH-30): the SSH commands and a `~/.ssh/config` block, each with a copy button. */
export function SshCommand({ vm }: { vm: VM }) {
  const help = useConnectionHelp(vm);
  if (!vm.public_ip_enabled || !vm.public_ip) {
    return (
      <p data-testid="ssh-unavailable" className="text-sm text-fg-muted">
        {vm.public_ip_enabled
          ? `The public IP is on, but no address is assigned while the VM is ${vm.status}.`
          : "No public IP: turn it on to reach this VM over SSH from the internet."}
      </p>
    );
  }
  if (!help.data) {
    return (
      <p data-testid="ssh-unavailable" className="text-sm text-fg-muted">
        {help.error ? `No SSH command for this VM: ${help.error.message}` : "…"}
      </p>
    );
  }
  const { ssh: command, sshWithKey: withKey, config, alias, keyFile } = help.data;
  const code = "flex-1 rounded-md bg-surface-2 px-3 py-2 font-mono text-sm select-all";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <code data-testid="ssh-command" className={code}>
          {command}
        </code>
        <CopyButton testId="copy-ssh" text={command} what="SSH command" />
      </div>
      <p className="text-xs text-fg-muted">
        Uses your SSH key; SSH answers only while the VM is ACTIVE and its rules let port 22 in. With the key in another
        file:
      </p>
      <div className="flex items-center gap-2">
        <code data-testid="ssh-command-with-key" className={code}>
          {withKey}
        </code>
        <CopyButton testId="copy-ssh-with-key" text={withKey} what="SSH command with a key file" />
      </div>
      <KeysOfVm vm={vm} />
      <p className="text-xs text-fg-muted">
        Or add this to <code>~/.ssh/config</code> and connect with <code>ssh {alias}</code>; put the private key's path
        in place of <code>{keyFile}</code>:
      </p>
      <div className="flex items-start gap-2">
        <pre data-testid="ssh-config" className={`${code} whitespace-pre`}>
          {config}
        </pre>
        <CopyButton testId="copy-ssh-config" text={config} what="SSH config" />
      </div>
    </div>
  );
}
