import { useMemo, useState } from "react";
import { Card } from "../components/ui/Card";
import { CreateSnapshotDialog } from "../features/snapshots/CreateSnapshotDialog";
import { DeleteSnapshotDialog } from "../features/snapshots/DeleteSnapshotDialog";
import { createVerdict, snapshotableVms } from "../features/snapshots/eligibility";
import { inRegionRows, shownRows, type SnapshotSort } from "../features/snapshots/list";
import { RestoreDialog } from "../features/snapshots/RestoreDialog";
import type { SnapshotAction } from "../features/snapshots/SnapshotActions";
import { SnapshotDetailsDialog } from "../features/snapshots/SnapshotDetailsDialog";
import { SnapshotGrid } from "../features/snapshots/SnapshotGrid";
import { SnapshotStats } from "../features/snapshots/SnapshotStats";
import { SnapshotTable } from "../features/snapshots/SnapshotTable";
import { SnapshotToolbar, type SnapshotView } from "../features/snapshots/SnapshotToolbar";
import { snapshotStats } from "../features/snapshots/stats";
import { useStorageOverview, type SnapshotRow } from "../features/storage/queries";
import { ListPage } from "../components/ui/ListPage";
import { RegionSelect } from "../components/ui/RegionSelect";
import { IncompleteProfile } from "../components/IncompleteProfile";
import { ALL_REGIONS, regionOptions } from "../lib/regions";
import { useItemDialog } from "../lib/useItemDialog";
import { useRegionParam } from "../lib/useRegionParam";

const NONE: never[] = [];

/** SNAP-01…41: a region's snapshots as cards or a table, with create, details, restore and delete. */
export function SnapshotsPage() {
  const query = useStorageOverview();
  const data = query.data;
  const rows = data?.snapshots ?? NONE;
  const [region, setRegion] = useRegionParam();
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<SnapshotSort>("newest");
  const [view, setView] = useState<SnapshotView>("cards");
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  // `?details=ID` (from a VM's page or the Images page) opens that snapshot's details.
  const dialog = useItemDialog<SnapshotAction, SnapshotRow>((id) => rows.find((r) => r.snapshot.id === id));

  const vms = useMemo(() => snapshotableVms(data?.eligible ?? NONE, region), [data, region]);
  const regionRows = useMemo(() => inRegionRows(rows, region), [rows, region]);
  const shown = useMemo(() => shownRows(rows, region, search, sort), [rows, region, search, sort]);
  const stats = useMemo(() => snapshotStats(regionRows, vms), [regionRows, vms]);
  const regions = useMemo(() => regionOptions(rows.map((r) => r.snapshot.region)), [rows]);
  const profileComplete = data?.profileComplete !== false;
  const blocked = createVerdict(vms, region, profileComplete);

  const shownDialog = dialog.shown;
  const act = (row: SnapshotRow, action: SnapshotAction) => dialog.open(action, row.snapshot.id);

  return (
    <ListPage
      page="snapshots"
      query={query}
      create={{
        testId: "snapshot-create",
        label: "Create Snapshot",
        disabled: !data || blocked !== null,
        title: blocked ?? undefined,
        onClick: () => setCreating(true),
      }}
      loading="Loading snapshots…"
      toolbar={
        <>
          <RegionSelect
            value={region}
            options={regions}
            onChange={(r) => {
              setRegion(r);
              setPage(1);
            }}
          />
          {data && blocked && profileComplete && (
            <p data-testid="snapshot-create-reason" className="text-sm text-fg-muted">
              {blocked}
            </p>
          )}
        </>
      }
      notice={!profileComplete && <IncompleteProfile what="snapshots" testId="snapshot-profile" />}
      dialogs={
        <>
          {data && (
            <CreateSnapshotDialog
              open={creating}
              onOpenChange={setCreating}
              vms={vms}
              askRegion={region === ALL_REGIONS}
              takenNames={rows.map((r) => r.snapshot.name)}
              profileComplete={data.profileComplete}
            />
          )}
          {shownDialog?.action === "details" && (
            <SnapshotDetailsDialog
              row={shownDialog.item}
              vms={data?.instances ?? NONE}
              onOpenChange={dialog.onOpenChange}
            />
          )}
          {shownDialog?.action === "restore" && (
            <RestoreDialog
              snapshot={shownDialog.item.snapshot}
              vmNames={(data?.instances ?? NONE).map((vm) => vm.name)}
              onOpenChange={dialog.onOpenChange}
            />
          )}
          {shownDialog?.action === "delete" && (
            <DeleteSnapshotDialog snapshot={shownDialog.item.snapshot} onOpenChange={dialog.onOpenChange} />
          )}
        </>
      }
    >
      {(loaded) => (
        <>
          <SnapshotStats stats={stats} currency={loaded.currency} />
          <SnapshotToolbar
            search={search}
            onSearch={(s) => {
              setSearch(s);
              setPage(1);
            }}
            sort={sort}
            onSort={setSort}
            view={view}
            onView={setView}
          />
          {shown.length === 0 ? (
            <Card data-testid="snapshots-empty" className="text-sm text-fg-muted">
              {regionRows.length === 0
                ? `No snapshots${region ? ` in ${region}` : ""} yet. A snapshot copies a running VM's disk; restore it to a new VM or turn it into an image.`
                : "No snapshot matches the search."}
            </Card>
          ) : view === "cards" ? (
            <SnapshotGrid rows={shown} page={page} onPage={setPage} onAction={act} />
          ) : (
            <SnapshotTable rows={shown} onAction={act} />
          )}
        </>
      )}
    </ListPage>
  );
}
