// SSH key fixtures, shaped like the backend's answers.

import type { SshKey } from "../features/sshKeys/queries";

/** A public key the rules accept. */
export const GOOD_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

/** A stored key, used by no VM. */
export const keyOf = (id: string, name = id): SshKey => ({
  id,
  name,
  public_key: GOOD_KEY,
  fingerprint: `SHA256:${id}`,
  used_by: [],
  created_at: null,
});
