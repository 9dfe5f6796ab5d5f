import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useState, type ComponentType } from "react";
import { markStart } from "../../lib/startMarks";
import { useDeepLinks } from "../deepLinks/useDeepLinks";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useConnectionEvents, useKeyRefusedEvents } from "../../lib/events";
import { useChangeFeed } from "../changeFeed";
import { useLastKnown } from "../lastKnown/useLastKnown";
import { PAGES, pagePath, type PageInfo, type PageSlug } from "../pages";
import { PAGE_COMPONENTS } from "./pageChunks";
import { usePrefetchPages } from "./usePrefetchPages";
import { usePaletteShortcut } from "./paletteShortcut";
import { useConnection } from "../../lib/connection";
import { Header } from "./Header";
import { KeyRefusedBanner } from "./KeyRefusedBanner";
import { OfflineBanner } from "./OfflineBanner";
import { OfflineScreen } from "./OfflineScreen";
import { useHasRemoteData } from "./useHasRemoteData";
import { Sidebar } from "./Sidebar";

// The palette (cmdk) loads when first opened.
const CommandPalette = lazy(() => import("./CommandPalette").then((m) => ({ default: m.CommandPalette })));

/** Every page's component, each loaded with its route (pageChunks.ts). */
const BUILT: Record<PageSlug, ComponentType> = PAGE_COMPONENTS;
const InstanceDetailPage = PAGE_COMPONENTS["instance-detail"];

function pageElement(page: PageInfo) {
  const Page = BUILT[page.slug];
  return <Page />;
}

/**
 * While a page's chunk loads the page area stays empty (the shell is painted around it);
 * a later navigation keeps the previous page until the next one is ready (the router
 * navigates in a transition), so nothing flashes.
 */
function PageRoutes() {
  return (
    <Suspense fallback={<div data-testid="page-loading" aria-busy="true" />}>
      <Routes>
        <Route index element={<Navigate to={pagePath("dashboard")} replace />} />
        {PAGES.map((page) => (
          <Route key={page.slug} path={pagePath(page.slug)} element={pageElement(page)} />
        ))}
        <Route path="/instances/:id" element={<InstanceDetailPage />} />
        <Route path="*" element={<Navigate to={pagePath("dashboard")} replace />} />
      </Routes>
    </Suspense>
  );
}

/**
 * The signed-in layout: sidebar, header, the refused-key and offline banners, the current
 * page (or, offline before anything loaded, the offline screen), the palette.
 */
export function AppShell() {
  const [paletteOpen, setPaletteOpenState] = useState(false);
  // Mounted from its first opening on (it keeps its closing animation after that).
  const [paletteWanted, setPaletteWanted] = useState(false);
  const setPaletteOpen = useCallback((open: boolean | ((was: boolean) => boolean)) => {
    setPaletteWanted(true);
    setPaletteOpenState(open);
  }, []);
  usePaletteShortcut(useCallback(() => setPaletteOpen((open) => !open), [setPaletteOpen]));
  useChangeFeed();
  useLastKnown(); // paints the last-known state at start (app/lastKnown)
  useConnectionEvents();
  useKeyRefusedEvents();
  useDeepLinks();
  const { online, message } = useConnection();
  const hasData = useHasRemoteData();
  usePrefetchPages(hasData);
  // Settings stays reachable offline: a wrong base URL is fixed there.
  const onSettings = useLocation().pathname.startsWith(pagePath("settings"));
  useLayoutEffect(() => markStart("shell-commit"), []);
  useEffect(() => markStart("shell"), []);

  return (
    <div data-testid="app-shell" className="flex h-full overflow-hidden">
      <Sidebar />
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        <Header onOpenPalette={() => setPaletteOpen(true)} />
        <KeyRefusedBanner />
        {/* The offline screen says it already when nothing is loaded. */}
        {hasData && <OfflineBanner />}
        <main className="min-h-0 flex-1 overflow-y-auto p-6">
          {!online && !hasData && !onSettings ? <OfflineScreen message={message} /> : <PageRoutes />}
        </main>
      </div>
      {paletteWanted && (
        <Suspense fallback={null}>
          <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
        </Suspense>
      )}
    </div>
  );
}
