// Toasts from the first chunk's code (error toasts, the browser opener): sonner loads beside
// the first page, not in the first chunk, and a toast asked before its toaster listens waits
// for it (sonner drops what is published before its Toaster subscribed).

import type { toast as SonnerToast } from "sonner";

let markReady: () => void = () => undefined;
const toasterListens = new Promise<void>((resolve) => {
  markReady = resolve;
});

/** Called once the Toaster has mounted (ToasterHost). */
export function toasterReady(): void {
  markReady();
}

/** Runs `show` with sonner's `toast` once the toaster listens. */
export function withToast(show: (toast: typeof SonnerToast) => void): void {
  void Promise.all([import("sonner"), toasterListens]).then(([m]) => show(m.toast));
}
