import { useCallback, useEffect, useState } from "react";
import { commands, events, type AppNotice } from "../../bindings";
import { call } from "../../api";

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

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    events.noticesChanged
      .listen(() => void take())
      .then((u) => {
        if (gone) u();
        else unlisten = u;
      })
      .catch(() => {
        // Outside the Tauri window there are no events.
      });
    // After subscribing: a notice queued in between is announced by the event.
    void take();
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [take]);

  const dismiss = useCallback((id: number) => setNotices((old) => old.filter((n) => n.id !== id)), []);
  return { notices, dismiss };
}
