// Settings › Logs: the level (applied by the backend at once), the log folder (opened by the
// backend: the webview never names a path) and the diagnostics text.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type LogLevel } from "../../bindings";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import type { Settings } from "./queries";

/** The levels, least to most verbose, as the select offers them. */
export const LOG_LEVELS: { value: LogLevel; label: string }[] = [
  { value: "error", label: "Errors only" },
  { value: "warn", label: "Warnings and errors" },
  { value: "info", label: "Information (default)" },
  { value: "debug", label: "Debug" },
  { value: "trace", label: "Trace (everything)" },
];

/** Changes the level: shown at once (the cache first), then saved and applied. */
export function useSetLogLevel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (level: LogLevel) => call(commands.setLogLevel(level)),
    onMutate: (level) => {
      const before = qc.getQueryData<Settings>(keys.settings);
      if (before) qc.setQueryData<Settings>(keys.settings, { ...before, logLevel: level });
      return { before };
    },
    onError: (_e, _level, ctx) => {
      if (ctx?.before) qc.setQueryData(keys.settings, ctx.before);
    },
    onSuccess: (saved) => qc.setQueryData(keys.settings, saved),
  });
}

export function useOpenLogFolder() {
  return useMutation({
    mutationFn: () => call(commands.openLogFolder()),
    meta: { quiet: true },
  });
}

/** The diagnostics text, and whether the clipboard took it. */
export type Diagnostics = { text: string; copied: boolean };

/** Asks the backend for the diagnostics text and puts it on the clipboard. */
export function useCopyDiagnostics() {
  return useMutation({
    mutationFn: async (): Promise<Diagnostics> => {
      const text = await call(commands.getDiagnostics());
      try {
        await navigator.clipboard.writeText(text);
        return { text, copied: true };
      } catch {
        return { text, copied: false };
      }
    },
    meta: { quiet: true },
  });
}
