// The backend's pushed events: connection state, a refused key, and the reason a saved
// session could not be restored at start. (Resource changes: app/changeFeed.ts.)

import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { UnlistenFn } from "@tauri-apps/api/event";
import { events } from "../bindings";
import { AppError, toAppError } from "./ipc";
import { useSession } from "../features/account/session";
import { connection } from "./connection";
import { keyRefusal } from "../features/account/keyRefusal";

/** Subscribes while mounted; a subscription that resolves after unmount is undone at once. */
export function useSubscription(subscribe: () => Promise<UnlistenFn>, deps: unknown[]) {
  useEffect(() => {
    let unlisten: UnlistenFn | undefined;
    let gone = false;
    subscribe()
      .then((u) => {
        if (gone) u();
        else unlisten = u;
      })
      .catch(() => {
        // Outside the Tauri window (a plain browser) there are no events.
      });
    return () => {
      gone = true;
      unlisten?.();
    };
    // The caller names what the subscription depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

/** The offline banner follows the poller; back online, what failed meanwhile is fetched again. */
export function useConnectionEvents(): void {
  const qc = useQueryClient();
  useSubscription(
    () =>
      events.connectionChanged.listen(({ payload }) => {
        if (payload.online) {
          connection.markOnline();
          void qc.invalidateQueries({ predicate: (q) => q.state.status === "error" });
        } else {
          connection.markOffline(payload.message ?? null);
        }
      }),
    [qc],
  );
}

/** Why the saved session did not come back at start (e.g. the keychain is locked). */
export function useStartupSessionError(): AppError | null {
  const { data } = useSession();
  return data?.startupError ? toAppError(data.startupError) : null;
}

/** The poller (or a command) met 401 for the signed-in profile: its banner asks to sign in again. */
export function useKeyRefusedEvents(): void {
  useSubscription(
    () => events.keyRefused.listen(({ payload }) => keyRefusal.mark(payload.profile, payload.message || null)),
    [],
  );
}
