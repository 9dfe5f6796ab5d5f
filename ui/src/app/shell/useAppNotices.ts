import { useCallback, useEffect, useState } from "react";
import { commands, events, type AppNotice } from "../../bindings";
import { call } from "../../lib/ipc";
import { useSubscription } from "../../lib/events";

export type ShownNotice = AppNotice & { id: number };

let nextId = 1;

/**
 * What the backend has to tell once (a damaged settings file kept aside, timers that fired
 * late, the window closed to the tray): taken at start and whenever `NoticesChanged`
 * arrives. The backend drains its queue, so each notice is kept here until dismissed.
 */
export function useAppNotices() {
  const [notices, setNotices] = useState<ShownNotice[]>([]);

  const take = useCallback(async () => {
    let taken: AppNotice[];
    try {
      taken = await call(commands.takeAppNotices());
    } catch {
      // Outside the Tauri window, or a backend without notices: nothing to say.
      return;
    }
    if (taken.length === 0) return;
    setNotices((old) => [
      ...old,
      ...taken
        .filter((n) => !old.some((o) => o.kind === n.kind && o.message === n.message))
        .map((n) => ({ ...n, id: nextId++ })),
    ]);
  }, []);

  useSubscription(() => events.noticesChanged.listen(() => void take()), [take]);
  // Once at start; a notice queued after this is announced by the event.
  useEffect(() => {
    void take();
  }, [take]);

  const dismiss = useCallback((id: number) => setNotices((old) => old.filter((n) => n.id !== id)), []);
  return { notices, dismiss };
}
