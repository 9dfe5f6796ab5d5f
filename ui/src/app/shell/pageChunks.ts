// Every page is a chunk of its own, loaded when its route is first shown: the first chunk holds
// the shell (sidebar, header, banners) and the start-up code only, and a page's heavy parts
// (charts, the code editor, markdown) come with the page that uses them.

import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { PageSlug } from "../pages";

type Loader = () => Promise<ComponentType>;

/** The module of each route, as an import the bundler splits at. */
const LOADERS: Record<PageSlug | "instance-detail", Loader> = {
  dashboard: () => import("../../pages/DashboardPage").then((m) => m.DashboardPage),
  deploy: () => import("../../pages/DeployPage").then((m) => m.DeployPage),
  instances: () => import("../../pages/InstancesPage").then((m) => m.InstancesPage),
  snapshots: () => import("../../pages/SnapshotsPage").then((m) => m.SnapshotsPage),
  images: () => import("../../pages/ImagesPage").then((m) => m.ImagesPage),
  firewalls: () => import("../../pages/FirewallsPage").then((m) => m.FirewallsPage),
  "ssh-keys": () => import("../../pages/SshKeysPage").then((m) => m.SshKeysPage),
  volumes: () => import("../../pages/VolumesPage").then((m) => m.VolumesPage),
  scripts: () => import("../../pages/ScriptsPage").then((m) => m.ScriptsPage),
  billing: () => import("../../pages/BillingPage").then((m) => m.BillingPage),
  "ai-chat": () => import("../../pages/AiChatPage").then((m) => m.AiChatPage),
  settings: () => import("../../pages/SettingsPage").then((m) => m.SettingsPage),
  "instance-detail": () => import("../../pages/InstanceDetailPage").then((m) => m.InstanceDetailPage),
};

export type RouteChunk = keyof typeof LOADERS;

/** One load per chunk: a prefetch and the route's own render share it. */
const started = new Map<RouteChunk, Promise<ComponentType>>();

export function loadPage(chunk: RouteChunk): Promise<ComponentType> {
  let p = started.get(chunk);
  if (!p) {
    p = LOADERS[chunk]();
    // A failed load (a file missing on disk) is tried again by the next render.
    p.catch(() => started.delete(chunk));
    started.set(chunk, p);
  }
  return p;
}

/** The component React suspends on until its chunk is loaded. */
export const PAGE_COMPONENTS = Object.fromEntries(
  (Object.keys(LOADERS) as RouteChunk[]).map((chunk) => [
    chunk,
    lazy(() => loadPage(chunk).then((Page) => ({ default: Page }))),
  ]),
) as Record<RouteChunk, LazyExoticComponent<ComponentType>>;

/**
 * The chunk the address shows at start (`#/billing`, `#/instances/…`), started before React
 * renders so it loads while the session is asked for.
 */
export function chunkOfHash(hash: string): RouteChunk {
  const first = hash.replace(/^#?\/?/, "").split(/[/?]/)[0] ?? "";
  if (first === "instances" && /^#?\/?instances\/[^/?]/.test(hash)) return "instance-detail";
  return first in LOADERS ? (first as RouteChunk) : "dashboard";
}

/** Every route's chunk, loaded (tests that render the whole app wait for it once). */
export async function loadAllPages(): Promise<void> {
  await Promise.all((Object.keys(LOADERS) as RouteChunk[]).map(loadPage));
}
