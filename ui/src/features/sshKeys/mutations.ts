// Deleting a key (SSH-20). The dialog shows its own error (`quiet`); the list is fetched again.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { sshKeyKeys, type SshKey } from "./queries";

export function useDeleteSshKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.deleteSshKey(id)),
    onSuccess: (_answer, id) => {
      // Gone at once, then the server's list (the key is removed from every region).
      qc.setQueryData<SshKey[]>(sshKeyKeys.list, (old) => old?.filter((k) => k.id !== id));
      void qc.invalidateQueries({ queryKey: sshKeyKeys.list });
    },
    meta: { quiet: true },
  });
}
