// The deploy wizard's own rule checks (the VM name is lib/checks.ts's, the security rules'
// list is instances/checks.ts's): each asks the Rust rule of one field as it is typed.

import {
  commands,
  type CloudInitCheck,
  type JupyterCheck,
  type SshKeyCheck_Serialize,
  type SshKeyForm_Deserialize,
} from "../../bindings";
import type { Check } from "../../lib/useCheck";

/** A key created (no `publicKey`) or imported in the wizard, unique among `taken`. */
export const sshKeyCheck: Check<SshKeyForm_Deserialize, SshKeyCheck_Serialize> = {
  name: "sshKey",
  run: (form) => commands.checkSshKey(form),
};

/** The Jupyter password while Jupyter is on: its errors and its strength. */
export const jupyterPasswordCheck: Check<string, JupyterCheck> = {
  name: "jupyterPassword",
  run: (password) => commands.checkJupyterPassword(password),
};

/** The cloud-init script: its size in bytes and whether it fits. */
export const cloudInitCheck: Check<string, CloudInitCheck> = {
  name: "cloudInit",
  run: (script) => commands.checkCloudInit(script),
};
