// Settings › Software updates: the check, the install (the backend verifies the signature before it
// installs anything, then restarts) and the automatic-check preference.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import { preferencesOf, type Settings } from "./queries";

/** Asks the update server; the section shows the answer (or the error) itself. */
export function useCheckForUpdate() {
  return useMutation({
    mutationFn: () => call(commands.checkForUpdate()),
    meta: { quiet: true },
  });
}

/** Downloads, verifies, installs, then the app restarts; answers the installed version. */
export function useInstallUpdate() {
  return useMutation({
    mutationFn: (version: string) => call(commands.installUpdate(version)),
    meta: { quiet: true },
  });
}

/** Turns the automatic check on or off at once (the cache first), then saves it. */
export function useSetAutoUpdateCheck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (on: boolean) => {
      const current = qc.getQueryData<Settings>(keys.settings) ?? (await call(commands.getSettings()));
      return call(commands.setSettings({ ...preferencesOf(current), autoUpdateCheck: on }));
    },
    onMutate: (on) => {
      const before = qc.getQueryData<Settings>(keys.settings);
      if (before) qc.setQueryData<Settings>(keys.settings, { ...before, autoUpdateCheck: on });
      return { before };
    },
    onError: (_e, _on, ctx) => {
      if (ctx?.before) qc.setQueryData(keys.settings, ctx.before);
    },
    onSuccess: (saved) => qc.setQueryData(keys.settings, saved),
  });
}
