import { useEffect, useState } from "react";
import { events } from "../../bindings";

/**
 * The tray's Quit while hibernate timers are pending: the backend shows the window and
 * sends `QuitRequested` with the VMs whose timers would not fire. `null` when not asked.
 */
export function useQuitRequest() {
  const [pending, setPending] = useState<string[] | null>(null);
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    events.quitRequested
      .listen(({ payload }) => setPending(payload.pendingTimers))
      .then((u) => {
        if (gone) u();
        else unlisten = u;
      })
      .catch(() => {
        // Outside the Tauri window there are no events.
      });
    return () => {
      gone = true;
      unlisten?.();
    };
  }, []);
  return { pendingTimers: pending, close: () => setPending(null) };
}
