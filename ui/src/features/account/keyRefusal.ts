// Whether Barrack refused the signed-in profile's key (revoked, expired): from the
// backend's `KeyRefused` event, from `get_session`'s `keyRefused`, or from any command
// answering `Unauthorized` while signed in. The banner that asks to sign in again reads
// it; a new session (sign-in, another profile, the sandbox) clears it.

import { useSyncExternalStore } from "react";

export type KeyRefusal = { profile: string; message: string | null } | null;

let state: KeyRefusal = null;
const listeners = new Set<() => void>();

function set(next: KeyRefusal) {
  if (next?.profile === state?.profile && next?.message === state?.message) return;
  state = next;
  listeners.forEach((l) => l());
}

export const keyRefusal = {
  get: (): KeyRefusal => state,
  /** The first refusal's words stay: later ones say the same. */
  mark: (profile: string, message: string | null) => {
    if (state?.profile !== profile) set({ profile, message });
  },
  clear: () => set(null),
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export function useKeyRefusal(): KeyRefusal {
  return useSyncExternalStore(keyRefusal.subscribe, keyRefusal.get, keyRefusal.get);
}
