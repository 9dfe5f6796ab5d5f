import { useCallback, useMemo, useState } from "react";
import { Card } from "../components/ui/Card";
import { ListPage } from "../components/ui/ListPage";
import { Pager } from "../components/ui/Pager";
import { RegionSelect } from "../components/ui/RegionSelect";
import { Stat } from "../components/ui/Stat";
import { IncompleteProfile } from "../components/IncompleteProfile";
import { useBalance } from "../features/billing/balance";
import { useInstancesOverview } from "../features/instances/queries";
import { AttachVolumeDialog } from "../features/volumes/AttachVolumeDialog";
import { CloneVolumeDialog } from "../features/volumes/CloneVolumeDialog";
import { CreateVolumeDialog } from "../features/volumes/CreateVolumeDialog";
import { DeleteVolumeDialog } from "../features/volumes/DeleteVolumeDialog";
import { DetachVolumeDialog } from "../features/volumes/DetachVolumeDialog";
import { ResizeVolumeDialog } from "../features/volumes/ResizeVolumeDialog";
import { deleteBlocked, type VolumeAction } from "../features/volumes/VolumeActions";
import { VolumeCard } from "../features/volumes/VolumeCard";
import { VolumeDetailsDialog } from "../features/volumes/VolumeDetailsDialog";
import { VolumeTable } from "../features/volumes/VolumeTable";
import { VolumeViewToggle, type VolumeView } from "../features/volumes/VolumeViewToggle";
import { useVolumes, type Volume } from "../features/volumes/queries";
import { volumeStats } from "../features/volumes/stats";
import { CARDS_PER_PAGE, clampPage, pageSlice } from "../lib/paging";
import { inRegion, regionOptions } from "../lib/regions";
import { useItemDialog } from "../lib/useItemDialog";
import { useRegionParam } from "../lib/useRegionParam";

const NONE: never[] = [];

/** Why "Create Volume" is off, or null (VOL-10, ACCT-04: nothing is sent for an incomplete profile). */
const INCOMPLETE = "Your Barrack profile is incomplete: complete it on barrack.ai to create volumes.";

/** VOL-01…52: a region's volumes as cards or a table, with create, attach, detach, clone, resize and delete. */
export function VolumesPage() {
  const query = useVolumes();
  const volumes = query.data?.volumes ?? NONE;
  const vmsQuery = useInstancesOverview();
  const vms = useMemo(() => vmsQuery.data?.rows.map((r) => r.vm) ?? NONE, [vmsQuery.data]);
  // Attach and detach ask Rust about the VMs once they are known (or failed to load).
  const vmsKnown = !vmsQuery.isPending;
  const balanceQuery = useBalance();
  const balance = balanceQuery.data;
  const currency = balance?.currency ?? "USD";
  const profileComplete = balance?.profile_complete !== false;
  const [region, setRegion] = useRegionParam();
  const [view, setView] = useState<VolumeView>("cards");
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const dialog = useItemDialog<VolumeAction, Volume>((id) => volumes.find((v) => v.id === id));
  const shown = useMemo(() => volumes.filter((v) => inRegion(v.region, region)), [volumes, region]);
  const stats = useMemo(() => volumeStats(shown), [shown]);
  const regions = useMemo(() => regionOptions(volumes.map((v) => v.region)), [volumes]);
  const names = useMemo(() => volumes.map((v) => v.name), [volumes]);
  const { open } = dialog;
  const act = useCallback(
    (v: Volume, a: VolumeAction) => {
      if (a === "delete" && deleteBlocked(v)) return;
      open(a, v.id);
    },
    [open],
  );
  const d = dialog.shown;

  return (
    <ListPage
      page="volumes"
      query={query}
      create={{
        testId: "volume-create",
        label: "Create Volume",
        // Known first: an incomplete profile sends nothing (ACCT-04).
        disabled: !query.data || balanceQuery.isPending || !profileComplete,
        title: profileComplete ? undefined : INCOMPLETE,
        onClick: () => setCreating(true),
      }}
      loading="Loading volumes…"
      toolbar={
        <RegionSelect
          value={region}
          options={regions}
          onChange={(r) => {
            setRegion(r);
            setPage(1);
          }}
        />
      }
      notice={!profileComplete && <IncompleteProfile what="new volumes" testId="volume-page-profile" />}
      dialogs={
        <>
          {creating && (
            <CreateVolumeDialog
              onOpenChange={setCreating}
              takenNames={names}
              suggestedName={query.data?.nextName}
              region={region}
              regions={regions}
            />
          )}
          {d?.action === "details" && (
            <VolumeDetailsDialog volume={d.item} currency={currency} onOpenChange={dialog.onOpenChange} />
          )}
          {d?.action === "attach" && vmsKnown && (
            <AttachVolumeDialog volume={d.item} vms={vms} onOpenChange={dialog.onOpenChange} />
          )}
          {d?.action === "detach" && vmsKnown && (
            <DetachVolumeDialog volume={d.item} vms={vms} onOpenChange={dialog.onOpenChange} />
          )}
          {d?.action === "clone" && (
            <CloneVolumeDialog volume={d.item} takenNames={names} onOpenChange={dialog.onOpenChange} />
          )}
          {d?.action === "resize" && <ResizeVolumeDialog volume={d.item} onOpenChange={dialog.onOpenChange} />}
          {d?.action === "delete" && <DeleteVolumeDialog volume={d.item} onOpenChange={dialog.onOpenChange} />}
        </>
      }
    >
      {() => {
        const current = clampPage(page, shown.length);
        return (
          <div className="flex flex-col gap-4">
            <div data-testid="volume-stats" className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label="Total Volumes" value={stats.volumes} testId="stat-volumes" />
              <Stat
                label="Total Storage"
                value={`${stats.storageGb.toLocaleString("en-US")} GB`}
                testId="stat-storage"
                hint="GB allocated in total"
              />
              <Stat label="Attached Volumes" value={stats.attached} testId="stat-attached" />
              <Stat label="Bootable Volumes" value={stats.bootable} testId="stat-bootable" />
            </div>
            <VolumeViewToggle view={view} onView={setView} />
            {shown.length === 0 ? (
              <Card data-testid="volumes-empty" className="text-sm text-fg-muted">
                No volumes{region ? ` in ${region}` : ""} yet. A volume is block storage you attach to a running VM of
                its region; it keeps its data when the VM is deleted.
              </Card>
            ) : view === "cards" ? (
              <>
                <div data-testid="volume-grid" className="grid grid-cols-1 gap-4 lg:grid-cols-3">
                  {pageSlice(shown, current).map((v) => (
                    <VolumeCard key={v.id} volume={v} currency={currency} onAction={(a) => act(v, a)} />
                  ))}
                </div>
                <Pager page={current} total={shown.length} perPage={CARDS_PER_PAGE} onPage={setPage} />
              </>
            ) : (
              <VolumeTable volumes={shown} currency={currency} onAction={act} />
            )}
          </div>
        );
      }}
    </ListPage>
  );
}
