// The signed-in profile's last-known state, asked for once per session (the backend answers
// from its data folder, without the network) and painted into the caches as it arrives.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../bindings";
import { call } from "../../lib/ipc";
import { takeEarly } from "../../lib/early";
import { keys } from "../../lib/queryClient";
import { seedLastKnown, type Painted } from "./seed";

/** Starts with "last-known": a new session drops it with the rest (account/session.ts). */
export const lastKnownKey = ["last-known"] as const;

/**
 * What was painted, if anything. Mounted in the signed-in shell (which paints) and by the
 * header's marker (which reads the same query).
 */
export function useLastKnown() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: lastKnownKey,
    queryFn: async (): Promise<Painted | null> => {
      const session = qc.getQueryData(keys.session);
      // The first was asked for as the bundle began to run (lib/early.ts).
      const lk = await call(takeEarly("getLastKnown") ?? commands.getLastKnown());
      // Painted only into the session it was asked for (a switch meanwhile drops it).
      if (!lk || qc.getQueryData(keys.session) !== session) return null;
      return seedLastKnown(qc, lk);
    },
    meta: { local: true, quiet: true },
    staleTime: Infinity,
  });
}
