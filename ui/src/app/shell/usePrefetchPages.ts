// Once the first data is on screen, the other pages' chunks load one by one while the window
// is idle, so a later click shows its page at once (no chunk load on the click's path).

import { useEffect } from "react";
import { loadPage, type RouteChunk } from "./pageChunks";

/** In the order a user most often goes next. The code editor, charts and markdown come with their pages. */
const NEXT: readonly RouteChunk[] = [
  "dashboard",
  "deploy",
  "instances",
  "instance-detail",
  "billing",
  "volumes",
  "snapshots",
  "images",
  "firewalls",
  "ssh-keys",
  "scripts",
  "settings",
  "ai-chat",
];

type Idle = (cb: () => void) => () => void;

/** `requestIdleCallback` where the webview has it (WebKitGTK may not), else a short timer. */
const whenIdle: Idle =
  typeof window !== "undefined" && "requestIdleCallback" in window
    ? (cb) => {
        const id = window.requestIdleCallback(cb, { timeout: 2000 });
        return () => window.cancelIdleCallback(id);
      }
    : (cb) => {
        const id = setTimeout(cb, 50);
        return () => clearTimeout(id);
      };

export function usePrefetchPages(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    let cancel = () => {};
    let stopped = false;
    const next = (i: number) => {
      const chunk = NEXT[i];
      if (stopped || chunk === undefined) return;
      cancel = whenIdle(() => {
        // A chunk that fails to load is loaded again by its route; the rest go on.
        void loadPage(chunk)
          .catch(() => undefined)
          .then(() => next(i + 1));
      });
    };
    next(0);
    return () => {
      stopped = true;
      cancel();
    };
  }, [ready]);
}
