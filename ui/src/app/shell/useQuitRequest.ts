import { useState } from "react";
import { events } from "../../bindings";
import { useSubscription } from "../../lib/events";

/**
 * The tray's Quit while hibernate timers are pending: the backend shows the window and
 * sends `QuitRequested` with the VMs whose timers would not fire. `null` when not asked.
 */
export function useQuitRequest() {
  const [pending, setPending] = useState<string[] | null>(null);
  useSubscription(() => events.quitRequested.listen(({ payload }) => setPending(payload.pendingTimers)), []);
  return { pendingTimers: pending, close: () => setPending(null) };
}
