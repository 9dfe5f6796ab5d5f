// SSH key fixtures, shaped like the backend's answers.

import type { SshKey } from "../features/sshKeys/queries";
import { casesOf } from "./formCases";

/** A public key the rules accept. */
export const GOOD_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

/** An RSA key of 1024 bits (ssh-keygen). */
export const RSA_1024 =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDEp0KwsWbK6dGcWfvyXXdtrlUCmzermxFLfjFha7U6lqj6fYjSSpQNqGfbiqkXbf1joBTh2yowr/1bPdV2eiqpVXlNmjAEFv5FTp1I0rXT+GIzHSln+bqGAiEdgtkQk81B1MANOkFKzwKw2jE/aSHwnORYKOEvqShUy/lmqGkdaQ== me@box";

type KeyInfo = { kind: string; bits: number | null };

/** What Rust's describe_ssh_keys answered for each line of the case table (form_cases.rs). */
const DESCRIBED: Map<string, KeyInfo> = new Map(
  casesOf("describe_ssh_keys").map((c) => [(c.input.publicKeys as string[])[0]!, (c.output as KeyInfo[])[0]!]),
);

/** describe_ssh_keys as Rust answers it, line by line; a line the table lacks fails the test. */
export function describeSshKeys(args: Record<string, unknown>): KeyInfo[] {
  return (args.publicKeys as string[]).map((line) => {
    const info = DESCRIBED.get(line);
    if (!info) throw new Error(`no describe_ssh_keys case for ${line}: add it to form_cases.rs`);
    return info;
  });
}

/** A stored key, used by no VM. */
export const keyOf = (id: string, name = id): SshKey => ({
  id,
  name,
  public_key: GOOD_KEY,
  fingerprint: `SHA256:${id}`,
  used_by: [],
  created_at: null,
});
