import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import { commands } from "../../bindings";

/** Forgets a saved profile and deletes its key from the keyring (one backend command). */
export function useRemoveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(commands.removeProfile(name)),
    onSuccess: (settings) => {
      qc.setQueryData(keys.settings, settings);
      void qc.invalidateQueries({ queryKey: keys.session });
    },
    onError: () => {
      void qc.invalidateQueries({ queryKey: keys.session });
      void qc.invalidateQueries({ queryKey: keys.settings });
    },
  });
}
