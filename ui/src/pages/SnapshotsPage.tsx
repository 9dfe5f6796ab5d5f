import { useMemo, useState } from "react";
import { Plus } from "lucide-react";
import { Card } from "../components/ui/Card";
import { Button } from "../components/ui/Button";
import { DataStatus } from "../components/ui/DataStatus";
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
import { RefreshButton } from "../components/ui/RefreshButton";
import { RegionSelect } from "../components/ui/RegionSelect";
import { regionOptions } from "../lib/regions";
import { useParamAction, useRegionParam } from "../lib/useRegionParam";
import { pageBySlug } from "../app/pages";
import { PageHeader } from "../components/ui/PageHeader";

const NONE: never[] = [];

type Open = { action: SnapshotAction; id: string } | null;

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
  const [open, setOpen] = useState<Open>(null);
  // `?details=ID` (from a VM's page or the Images page) opens that snapshot's details.
  const [linked, clearLinked] = useParamAction("details");

  const vms = useMemo(() => snapshotableVms(data?.eligible ?? NONE, region), [data, region]);
  const regionRows = useMemo(() => inRegionRows(rows, region), [rows, region]);
  const shown = useMemo(() => shownRows(rows, region, search, sort), [rows, region, search, sort]);
  const stats = useMemo(() => snapshotStats(regionRows, vms), [regionRows, vms]);
  const regions = useMemo(() => regionOptions(rows.map((r) => r.snapshot.region)), [rows]);
  const blocked = createVerdict(vms, region);

  const current: Open = open ?? (linked ? { action: "details", id: linked } : null);
  const openRow = current ? rows.find((r) => r.snapshot.id === current.id) : undefined;
  const close = () => {
    setOpen(null);
    if (linked) clearLinked();
  };

  const act = (row: SnapshotRow, action: SnapshotAction) => setOpen({ action, id: row.snapshot.id });

  return (
    // `page-snapshots` is the shell's convention for every page; `snapshots-page` the e2e suite's.
    <div data-testid="page-snapshots">
      <div data-testid="snapshots-page" className="flex flex-col gap-4">
        <PageHeader
          title="Snapshots"
          purpose={pageBySlug("snapshots").purpose}
          actions={
            <div className="flex flex-wrap items-center justify-end gap-2">
              <RefreshButton fetching={query.isFetching} onRefresh={() => void query.refetch()} />
              <Button
                variant="primary"
                data-testid="snapshot-create"
                disabled={!data || blocked !== null}
                title={blocked ?? undefined}
                onClick={() => setCreating(true)}
              >
                <Plus aria-hidden className="size-4" />
                Create Snapshot
              </Button>
            </div>
          }
        />
        <div className="flex flex-wrap items-center gap-3">
          <RegionSelect
            value={region}
            options={regions}
            onChange={(r) => {
              setRegion(r);
              setPage(1);
            }}
          />
          {data && blocked && (
            <p data-testid="snapshot-create-reason" className="text-sm text-fg-muted">
              {blocked}
            </p>
          )}
        </div>
        <DataStatus query={query} />
        {query.isPending ? (
          <p className="text-sm text-fg-muted">Loading snapshots…</p>
        ) : data ? (
          <>
            <SnapshotStats stats={stats} currency={data.currency} />
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
        ) : null}
      </div>
      {data && (
        <CreateSnapshotDialog
          open={creating}
          onOpenChange={setCreating}
          vms={vms}
          takenNames={rows.map((r) => r.snapshot.name)}
          profileComplete={data.profileComplete}
        />
      )}
      {current && openRow && current.action === "details" && (
        <SnapshotDetailsDialog row={openRow} vms={data?.instances ?? NONE} onOpenChange={(o) => !o && close()} />
      )}
      {current && openRow && current.action === "restore" && (
        <RestoreDialog
          snapshot={openRow.snapshot}
          vmNames={(data?.instances ?? NONE).map((vm) => vm.name)}
          onOpenChange={(o) => !o && close()}
        />
      )}
      {current && openRow && current.action === "delete" && (
        <DeleteSnapshotDialog snapshot={openRow.snapshot} onOpenChange={(o) => !o && close()} />
      )}
    </div>
  );
}
