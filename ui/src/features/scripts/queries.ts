// The account's saved startup scripts (SCR-01).

import { useQuery } from "@tanstack/react-query";
import { commands, type Script_Serialize } from "../../bindings";
import { call } from "../../lib/ipc";

export type Script = Script_Serialize;

/** The account's saved startup scripts (SCR-01), for the page, the picker (DEP-54) and the review. */
export const scriptKeys = { list: ["scripts", "list"] as const };

/**
 * The list. Quiet where it is only a picker (the wizard says so in its field); the Scripts
 * page shows its own error banner either way. Scripts are not polled: mutations refetch it.
 */
export function useScripts(enabled = true) {
  return useQuery({
    queryKey: scriptKeys.list,
    queryFn: async () => (await call(commands.listScripts())).scripts,
    meta: { quiet: true },
    enabled,
  });
}
