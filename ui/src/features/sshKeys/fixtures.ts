// A fake backend for the SSH Keys page's tests: the keys, and the VMs that use them.

import { instancesOverviewOf, rowOf, type VM } from "../../test/vms";
import { GOOD_KEY, describeSshKeys, keyOf } from "../../test/sshKeys";
import type { SshKey } from "./queries";

export { GOOD_KEY, keyOf };

/** The permission lines Rust returns with a generated key, for a path that needs no quoting (as the fakes' are). */
export function hintsFor(path: string) {
  return {
    posix: `chmod 600 ${path}`,
    powerShell: `icacls ${path} /inheritance:r /grant:r "$($env:USERNAME):(R,W)"`,
  };
}

/** A stored key with its creation time and the VMs (ids) that use it. */
export function keyWith(name: string, patch: Partial<SshKey> = {}): SshKey {
  return { ...keyOf(`id-${name}`, name), ...patch };
}

export function sshKeysSim(initial: SshKey[], vms: VM[] = []) {
  let keys = [...initial];
  const ok = { success: true, message: null, request_id: null };
  return {
    list_ssh_keys: () => ({ ...ok, ssh_keys: [...keys] }),
    describe_ssh_keys: describeSshKeys,
    instances_overview: () => instancesOverviewOf(vms.map((v) => rowOf(v))),
    create_ssh_key: (a: Record<string, unknown>) => {
      const body = a.body as { name: string; public_key: string };
      const ssh_key = keyWith(body.name, { public_key: body.public_key });
      keys = [...keys, ssh_key];
      return { ...ok, ssh_key, private_key: null };
    },
    generate_ssh_key: (a: Record<string, unknown>) => {
      const name = a.name as string;
      const sshKey = keyWith(name, { public_key: "ssh-rsa AAAAB3NzaC1yc2E generated" });
      keys = [...keys, sshKey];
      const savedTo = `/home/me/.ssh/${name}`;
      return { sshKey, savedTo, permissionHints: hintsFor(savedTo) };
    },
    delete_ssh_key: (a: Record<string, unknown>) => {
      keys = keys.filter((k) => k.id !== a.keyId);
      return { ...ok, id: a.keyId };
    },
  };
}
