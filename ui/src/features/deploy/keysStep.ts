// The SSH keys step (DEP-40…44, DEP-01): which keys are chosen, and the rules a key created or
// imported here must follow — the same as the SSH Keys page (SSH-02, SSH-04), copied from
// barrack-api's validate.rs (ssh_key_name, ssh_public_key, SSH_KEY_TYPES).

import type { SshKey } from "../sshKeys/queries";
import type { Draft, StepErrors } from "./wizard";

/** validate.rs NAME_MAX. */
export const KEY_NAME_MAX = 50;

/**
 * validate.rs SSH_KEY_TYPES. It takes both lists of rules.md §7 (the format section's ssh-dss
 * and the supported-types section's ECDSA); no `sk-` (security key) types.
 */
export const SSH_KEY_TYPES = [
  "ssh-rsa",
  "ssh-ed25519",
  "ssh-dss",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
] as const;

/** validate.rs ssh_key_name: 1–50 letters, digits, `-`, `_`, `.` (no spaces); unique in the account. */
export function keyNameError(name: string, keys: readonly SshKey[]): string | null {
  const len = [...name].length;
  if (name.trim() === "") return "Required: letters, digits, '-', '_' and '.' (no spaces).";
  if (len > KEY_NAME_MAX) return `At most ${KEY_NAME_MAX} characters (it has ${len}).`;
  const bad = [...name].find((c) => !/^[A-Za-z0-9._-]$/.test(c));
  if (bad !== undefined) {
    const shown = bad === " " ? "a space" : `"${bad}"`;
    return `Only letters, digits, '-', '_' and '.' (no spaces); found ${shown}.`;
  }
  if (keys.some((k) => k.name === name)) return `A key named "${name}" already exists: pick another name.`;
  return null;
}

/** validate.rs ssh_public_key: one line of "type base64-body [comment]". */
export function publicKeyError(text: string): string | null {
  const v = text.trim();
  if (v === "") return "Required: paste the contents of your .pub file, such as ~/.ssh/id_ed25519.pub.";
  if (/[\r\n]/.test(v)) return "Paste a single line: one public key, not several lines or a private key.";
  const [kind = "", body = ""] = v.split(/\s+/);
  if (!(SSH_KEY_TYPES as readonly string[]).includes(kind)) {
    if (kind.startsWith("-----")) return "This looks like a private key. Paste the public key (the .pub file) instead.";
    return `Must start with the key type: one of ${SSH_KEY_TYPES.join(", ")}.`;
  }
  if (body.length < 16 || !/^[A-Za-z0-9+/=]+$/.test(body) || body.length % 4 !== 0) {
    return "After the type comes the key itself in base64; this one is incomplete or damaged. Copy the whole line again.";
  }
  return null;
}

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
