import { useState } from "react";
import { events, type VmActionRequested } from "../../bindings";
import { useSubscription } from "../../lib/events";

/**
 * A VM's Stop or Hibernate clicked in the tray: the backend shows the window and sends
 * `VmActionRequested` (it never acts itself). `null` when nothing is asked.
 */
export function useTrayActionRequest() {
  const [request, setRequest] = useState<VmActionRequested | null>(null);
  useSubscription(() => events.vmActionRequested.listen(({ payload }) => setRequest(payload)), []);
  return { request, close: () => setRequest(null) };
}
