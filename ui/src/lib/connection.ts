// Whether Barrack can be reached, from the backend poller's `connection-changed` events
// and from queries that failed with Network or Timeout. The offline banner reads it.

import { useSyncExternalStore } from "react";

export type ConnectionState = { online: boolean; message: string | null };

const ONLINE: ConnectionState = { online: true, message: null };

let state: ConnectionState = ONLINE;
const listeners = new Set<() => void>();

function set(next: ConnectionState) {
  if (next.online === state.online && next.message === state.message) return;
  state = next;
  listeners.forEach((l) => l());
}

export const connection = {
  get: (): ConnectionState => state,
  markOffline: (message: string | null) => set({ online: false, message }),
  markOnline: () => set(ONLINE),
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** For tests. */
  reset: () => set(ONLINE),
};

export function useConnection(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.get, connection.get);
}
