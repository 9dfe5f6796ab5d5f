import { useCallback, useState, type ComponentType } from "react";
import { useDeepLinks } from "../deepLinks/useDeepLinks";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useConnectionEvents, useKeyRefusedEvents } from "../../lib/events";
import { useChangeFeed } from "../changeFeed";
import { PAGES, pagePath, type PageInfo, type PageSlug } from "../pages";
import { AiChatPage } from "../../pages/AiChatPage";
import { BillingPage } from "../../pages/BillingPage";
import { DashboardPage } from "../../pages/DashboardPage";
import { DeployPage } from "../../pages/DeployPage";
import { FirewallsPage } from "../../pages/FirewallsPage";
import { SshKeysPage } from "../../pages/SshKeysPage";
import { ImagesPage } from "../../pages/ImagesPage";
import { InstanceDetailPage } from "../../pages/InstanceDetailPage";
import { InstancesPage } from "../../pages/InstancesPage";
import { SettingsPage } from "../../pages/SettingsPage";
import { ScriptsPage } from "../../pages/ScriptsPage";
import { SnapshotsPage } from "../../pages/SnapshotsPage";
import { VolumesPage } from "../../pages/VolumesPage";
import { CommandPalette, usePaletteShortcut } from "./CommandPalette";
import { useConnection } from "../../lib/connection";
import { Header } from "./Header";
import { KeyRefusedBanner } from "./KeyRefusedBanner";
import { OfflineBanner } from "./OfflineBanner";
import { OfflineScreen } from "./OfflineScreen";
import { useHasRemoteData } from "./useHasRemoteData";
import { Sidebar } from "./Sidebar";

/** Every page's component: a page added to PAGES without one fails the type check. */
const BUILT: Record<PageSlug, ComponentType> = {
  dashboard: DashboardPage,
  deploy: DeployPage,
  instances: InstancesPage,
  snapshots: SnapshotsPage,
  images: ImagesPage,
  firewalls: FirewallsPage,
  "ssh-keys": SshKeysPage,
  volumes: VolumesPage,
  scripts: ScriptsPage,
  billing: BillingPage,
  "ai-chat": AiChatPage,
  settings: SettingsPage,
};

function pageElement(page: PageInfo) {
  const Page = BUILT[page.slug];
  return <Page />;
}

function PageRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to={pagePath("dashboard")} replace />} />
      {PAGES.map((page) => (
        <Route key={page.slug} path={pagePath(page.slug)} element={pageElement(page)} />
      ))}
      <Route path="/instances/:id" element={<InstanceDetailPage />} />
      <Route path="*" element={<Navigate to={pagePath("dashboard")} replace />} />
    </Routes>
  );
}

/**
 * The signed-in layout: sidebar, header, the refused-key and offline banners, the current
 * page (or, offline before anything loaded, the offline screen), the palette.
 */
export function AppShell() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  usePaletteShortcut(useCallback(() => setPaletteOpen((open) => !open), []));
  useChangeFeed();
  useConnectionEvents();
  useKeyRefusedEvents();
  useDeepLinks();
  const { online, message } = useConnection();
  const hasData = useHasRemoteData();
  // Settings stays reachable offline: a wrong base URL is fixed there.
  const onSettings = useLocation().pathname.startsWith(pagePath("settings"));

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
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
    </div>
  );
}
