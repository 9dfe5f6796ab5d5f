// The session (who is signed in, where) and the mutations that change it: a new session
// drops what was cached for the previous account.

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { commands, type SessionInfo_Serialize } from "../../bindings";
import { takeEarly } from "../../lib/early";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import { keyRefusal } from "./keyRefusal";

export type Session = SessionInfo_Serialize;

/**
 * A new session (sign-in, another profile, sandbox, sign-out): what was cached for the
 * previous account goes, the session is replaced and settings are read again.
 */
export function applySession(qc: QueryClient, session: Session): void {
  keyRefusal.clear();
  qc.removeQueries({
    predicate: (q) => q.queryKey[0] !== keys.session[0] && q.queryKey[0] !== keys.settings[0],
  });
  qc.setQueryData(keys.session, session);
  void qc.invalidateQueries({ queryKey: keys.settings });
}

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async () => {
      // The first answer was asked for as the bundle began to run (lib/early.ts).
      const early = takeEarly("getSession");
      const session = await call(early ?? commands.getSession());
      // Signed out at start: the last-known state asked with it belongs to no later session.
      if (early !== undefined && !session.signedIn) void takeEarly("getLastKnown");
      return session;
    },
    meta: { local: true },
    // The backend answers once its start-up restore (or sandbox) is done.
    staleTime: Infinity,
  });
}

function useSessionMutation<A>(run: (arg: A) => Promise<Session>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (session) => applySession(qc, session),
    meta: { changesSession: true },
  });
}

export function useSwitchProfile() {
  return useSessionMutation((name: string) => call(commands.useProfile(name)));
}

export function useSignOut() {
  return useSessionMutation((_: void) => call(commands.signOut()));
}

export function useStartSandbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.startSandbox()),
    onSuccess: (session) => applySession(qc, session),
    meta: { quiet: true },
  });
}

export function useCheckConnection() {
  return useMutation({
    mutationFn: () => call(commands.checkConnection()),
  });
}
