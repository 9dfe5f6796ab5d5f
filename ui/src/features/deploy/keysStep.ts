// The SSH keys step (DEP-40…44, DEP-01): which keys are chosen. The rules of a key created or
// imported here are Rust's (check_ssh_key; SshKeyInline.tsx asks them).

import type { SshKey } from "../sshKeys/queries";
import type { Draft, StepErrors } from "./wizard";

/**
 * The selection once the keys are known (DEP-41): ids of deleted keys dropped, and the only
 * key chosen when none is. `null` when nothing changes (so the draft is not saved for nothing).
 */
export function reconcileSelection(selected: readonly string[], keys: readonly SshKey[]): string[] | null {
  const known = selected.filter((id) => keys.some((k) => k.id === id));
  if (known.length === 0 && keys.length === 1) return [keys[0]!.id];
  return known.length === selected.length ? null : known;
}

/** DEP-01: no key, no deploy. Ids of keys that no longer exist do not count. */
export function validateKeys(draft: Pick<Draft, "sshKeyIds">, keys: readonly SshKey[]): StepErrors {
  const chosen = draft.sshKeyIds.filter((id) => keys.some((k) => k.id === id));
  if (chosen.length > 0) return {};
  const how = keys.length === 0 ? "create or import one here" : "tick one below, or create or import one";
  return { sshKeyIds: `Choose at least one SSH key: a VM cannot be deployed without one (${how}).` };
}

/** "ED25519 · SHA256:abc…" from the key's text and fingerprint. */
export function keyDetail(k: SshKey): string {
  const type = k.public_key.trim().split(/\s+/)[0] ?? "";
  const label = type.startsWith("ecdsa") ? "ECDSA" : type.replace(/^ssh-/, "").toUpperCase();
  return [label, k.fingerprint].filter(Boolean).join(" · ");
}
