import { lazy, Suspense } from "react";
import { useQuitRequest } from "./useQuitRequest";

// Loaded when first asked (a dialog is no part of start-up).
const QuitConfirm = lazy(() => import("./QuitConfirm").then((m) => ({ default: m.QuitConfirm })));

/** The tray's Quit while hibernate timers are pending: "Quit anyway?" in the window. */
export function QuitDialog() {
  const { pendingTimers, close } = useQuitRequest();
  if (pendingTimers === null) return null;
  return (
    <Suspense fallback={null}>
      <QuitConfirm pendingTimers={pendingTimers} close={close} />
    </Suspense>
  );
}
