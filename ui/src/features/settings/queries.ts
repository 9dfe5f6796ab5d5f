// The app's settings: one query, saved as preferences only (profiles change by signing in).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type Preferences_Deserialize, type Settings_Serialize, type Theme } from "../../bindings";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";

export type Settings = Settings_Serialize;
/** What the UI may save: preferences only. Profiles (where the key goes) change by signing in. */
export type Preferences = Preferences_Deserialize;

export function useSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => call(commands.getSettings()),
    meta: { local: true },
    staleTime: Infinity,
  });
}

/** The preferences of a settings object: what `set_settings` takes (nothing about profiles). */
export function preferencesOf(s: Settings): Preferences {
  return {
    theme: s.theme,
    pollFastSecs: s.pollFastSecs,
    pollIdleSecs: s.pollIdleSecs,
    notifications: { ...s.notifications },
    lowBalanceThreshold: s.lowBalanceThreshold,
    autoUpdateCheck: s.autoUpdateCheck,
  };
}

/** Saves the preferences; the component shows field errors (`quiet`). */
export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preferences) => call(commands.setSettings(preferences)),
    onSuccess: (saved) => qc.setQueryData(keys.settings, saved),
    meta: { quiet: true },
  });
}

/** Changes the theme at once (the cache first, so it applies now), then saves it. */
export function useSetTheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (theme: Theme) => {
      const current = qc.getQueryData<Settings>(keys.settings) ?? (await call(commands.getSettings()));
      return call(commands.setSettings({ ...preferencesOf(current), theme }));
    },
    onMutate: (theme) => {
      const before = qc.getQueryData<Settings>(keys.settings);
      if (before) qc.setQueryData<Settings>(keys.settings, { ...before, theme });
      return { before };
    },
    // With quick successive picks the answers may come back in any order: the theme
    // shown is always the last one picked.
    onError: (_e, theme, ctx) => {
      const now = qc.getQueryData<Settings>(keys.settings);
      if (ctx?.before && now?.theme === theme) qc.setQueryData(keys.settings, ctx.before);
    },
    onSuccess: (saved) =>
      qc.setQueryData<Settings>(keys.settings, (now) => (now ? { ...saved, theme: now.theme } : saved)),
  });
}
