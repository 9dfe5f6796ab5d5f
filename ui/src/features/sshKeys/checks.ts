// Whether a key may be deleted, asked of Rust (check_ssh_key_deletion): refused while a VM
// uses it, with the words that name those VMs (SSH-21).

import { commands, type FieldError, type SshKeyDeletionForm_Deserialize } from "../../bindings";
import type { Check } from "../../lib/useCheck";

export const sshKeyDeletionCheck: Check<SshKeyDeletionForm_Deserialize, FieldError[]> = {
  name: "sshKeyDeletion",
  run: (form) => commands.checkSshKeyDeletion(form),
};
