import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { commands, type SignInRequest_Serialize } from "../../bindings";
import { AppError, call, toAppError } from "../../lib/ipc";
import { applySession, type Session } from "./session";

/**
 * Signs in with a key. Deliberately not a TanStack mutation: a mutation keeps its
 * variables (the key) in the cache; here the request lives only for the call.
 */
export function useSignIn() {
  const qc = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function signIn(request: SignInRequest_Serialize): Promise<Session | null> {
    setPending(true);
    setError(null);
    try {
      const session = await call(commands.signIn(request));
      applySession(qc, session);
      return session;
    } catch (e) {
      setError(toAppError(e));
      return null;
    } finally {
      setPending(false);
    }
  }

  return { signIn, pending, error, clearError: () => setError(null) };
}
