// The backend's pushed events: the poller's batched changes and connection state, a
// refused key, and the reason a saved session could not be restored at start.

import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { UnlistenFn } from "@tauri-apps/api/event";
import { events, type ResourcesChanged_Serialize } from "../bindings";
import { AppError, toAppError } from "./ipc";
import { keys } from "./queryClient";
import { patchBalance } from "../features/billing/balance";
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

/** Lists whose query keys start with these words are refetched when their kind changes. */
const KIND_QUERIES: Record<string, string[]> = {
  instances: ["instances", "dashboard"],
  // Both pages show snapshots and images (lineage, sources): each kind refreshes both.
  snapshots: ["snapshots", "images"],
  images: ["images", "snapshots"],
};

/** The poller's changes patch the cache (balance) or mark the changed lists stale. */
export function useResourceEvents(): void {
  const qc = useQueryClient();
  useSubscription(
    () =>
      events.resourcesChanged.listen(({ payload }: { payload: ResourcesChanged_Serialize }) => {
        for (const kind of payload.kinds) {
          if (kind === "balance") {
            if (payload.balance != null) patchBalance(qc, payload.balance, payload.currency ?? null);
            else void qc.invalidateQueries({ queryKey: keys.balance });
            continue;
          }
          for (const key of KIND_QUERIES[kind] ?? []) void qc.invalidateQueries({ queryKey: [key] });
        }
      }),
    [qc],
  );
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
