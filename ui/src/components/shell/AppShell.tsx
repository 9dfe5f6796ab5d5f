import { useCallback, useState } from "react";
import { Navigate, Route, Routes } from "react-router";
import { useConnectionEvents, useResourceEvents } from "../../events";
import { useInstanceEventPatches } from "../vm/queries";
import { PAGES, pagePath, type PageInfo } from "../../pages";
import { BillingPage } from "../../pages/BillingPage";
import { DashboardPage } from "../../pages/DashboardPage";
import { DeployPage } from "../../pages/DeployPage";
import { ImagesPage } from "../../pages/ImagesPage";
import { InstanceDetailPage } from "../../pages/InstanceDetailPage";
import { InstancesPage } from "../../pages/InstancesPage";
import { PlaceholderPage } from "../../pages/PlaceholderPage";
import { SettingsPage } from "../../pages/SettingsPage";
import { SnapshotsPage } from "../../pages/SnapshotsPage";
import { CommandPalette, usePaletteShortcut } from "./CommandPalette";
import { Header } from "./Header";
import { OfflineBanner } from "./OfflineBanner";
import { Sidebar } from "./Sidebar";

function pageElement(page: PageInfo) {
  switch (page.slug) {
    case "dashboard":
      return <DashboardPage />;
    case "deploy":
      return <DeployPage />;
    case "instances":
      return <InstancesPage />;
    case "snapshots":
      return <SnapshotsPage />;
    case "images":
      return <ImagesPage />;
    case "billing":
      return <BillingPage />;
    case "settings":
      return <SettingsPage />;
    default:
      return <PlaceholderPage page={page} />;
  }
}

/** The signed-in layout: sidebar, header, offline banner, the current page, the palette. */
export function AppShell() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  usePaletteShortcut(useCallback(() => setPaletteOpen((open) => !open), []));
  useResourceEvents();
  useConnectionEvents();
  useInstanceEventPatches();

  return (
    <div data-testid="app-shell" className="flex h-full overflow-hidden">
      <Sidebar />
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        <Header onOpenPalette={() => setPaletteOpen(true)} />
        <OfflineBanner />
        <main className="min-h-0 flex-1 overflow-y-auto p-6">
          <Routes>
            <Route index element={<Navigate to={pagePath("dashboard")} replace />} />
            {PAGES.map((page) => (
              <Route key={page.slug} path={pagePath(page.slug)} element={pageElement(page)} />
            ))}
            <Route path="/instances/:id" element={<InstanceDetailPage />} />
            <Route path="*" element={<Navigate to={pagePath("dashboard")} replace />} />
          </Routes>
        </main>
      </div>
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
    </div>
  );
}
