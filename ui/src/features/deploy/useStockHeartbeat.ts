// While a view that shows the GPU stock is mounted and visible, it tells the backend so with a
// heartbeat (`watch_stock(true)`); the poller follows the stock for 45 s after each beat, so a
// reload, a crash or a hidden window ends the following by itself. Unmounting ends it at once.

import { useEffect } from "react";
import { commands } from "../../bindings";

/** How often a mounted, visible view beats (well inside the backend's 45 s). */
export const STOCK_HEARTBEAT_MS = 30_000;

export function useStockHeartbeat() {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const beat = () => void commands.watchStock(true);
    const start = () => {
      if (timer !== undefined) return;
      beat();
      timer = setInterval(beat, STOCK_HEARTBEAT_MS);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    // Hidden: no beats, so the backend stops fetching the stock once the last one runs out.
    const follow = () => (document.visibilityState === "hidden" ? stop() : start());
    follow();
    document.addEventListener("visibilitychange", follow);
    return () => {
      document.removeEventListener("visibilitychange", follow);
      stop();
      void commands.watchStock(false);
    };
  }, []);
}
