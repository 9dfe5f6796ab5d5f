import { useCallback, useEffect } from "react";
import { useNavigate } from "react-router";
import { commands, events, type DeepLink } from "../../bindings";
import { call } from "../../lib/ipc";
import { useSubscription } from "../../lib/events";
import { pagePath } from "../pages";

/** Where a `barrack://` link leads, as read (and checked) by the backend. */
export function deepLinkPath(link: DeepLink): string {
  if (link.page === "instance") return `${pagePath("instances")}/${encodeURIComponent(link.id)}`;
  return link.template ? `/deploy?template=${encodeURIComponent(link.template)}` : "/deploy";
}

/**
 * `barrack://instances/<id>` and `barrack://deploy?template=<name>` (issue 16): the backend
 * reads each link (a refused one becomes a notice, never a navigation) and keeps the good
 * one until the window takes it — at start, and when `DeepLinkArrived` says one came.
 */
export function useDeepLinks() {
  const navigate = useNavigate();
  const take = useCallback(async () => {
    let link: DeepLink | null;
    try {
      link = await call(commands.takeDeepLink());
    } catch {
      // Outside the Tauri window: no links.
      return;
    }
    if (link) void navigate(deepLinkPath(link));
  }, [navigate]);
  useSubscription(() => events.deepLinkArrived.listen(() => void take()), [take]);
  useEffect(() => {
    void take();
  }, [take]);
}
