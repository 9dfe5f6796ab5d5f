import { lazy, Suspense } from "react";
import { useTrayActionRequest } from "./useTrayActionRequest";

// Loaded when first asked (a dialog is no part of start-up).
const TrayActionConfirm = lazy(() => import("./TrayActionConfirm").then((m) => ({ default: m.TrayActionConfirm })));

/**
 * The tray's Stop or Hibernate on a running VM, asked in the window: the same words and
 * cost consequence as the VM's own page, and the same command, sent only on confirm.
 */
export function TrayActionDialog() {
  const { request, close } = useTrayActionRequest();
  if (!request) return null;
  // Keyed: another request starts with a fresh mutation (no earlier error shown).
  return (
    <Suspense fallback={null}>
      <TrayActionConfirm key={`${request.action}:${request.instanceId}`} request={request} close={close} />
    </Suspense>
  );
}
