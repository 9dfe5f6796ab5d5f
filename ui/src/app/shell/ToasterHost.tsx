import { useEffect } from "react";
import { Toaster } from "sonner";
import { toasterReady } from "../../lib/lazyToast";

/** Its effect runs after the Toaster's own (a later sibling): the toaster listens by then. */
function Ready() {
  useEffect(() => toasterReady(), []);
  return null;
}

/** The toasts (sonner: a chunk of its own, loaded beside the first page). */
export function ToasterHost({ theme }: { theme: "light" | "dark" | "system" }) {
  return (
    <>
      <Toaster theme={theme} position="bottom-right" richColors closeButton duration={8000} />
      <Ready />
    </>
  );
}
