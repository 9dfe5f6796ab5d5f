import { useMemo, useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { DataStatus } from "../components/ui/DataStatus";
import { CreateImageDialog } from "../features/images/CreateImageDialog";
import { DeleteImageDialog } from "../features/images/DeleteImageDialog";
import type { ImageAction } from "../features/images/ImageActions";
import { ImageDetailsDialog } from "../features/images/ImageDetailsDialog";
import { ImageGroups } from "../features/images/ImageGroups";
import { ImageTable } from "../features/images/ImageTable";
import { groupBySourceVm, imagesInRegion, totalImageStorage } from "../features/images/versions";
import { formatGb } from "../lib/storageFormat";
import { useStorageOverview, type Image } from "../features/storage/queries";
import { RefreshButton } from "../components/ui/RefreshButton";
import { RegionSelect } from "../components/ui/RegionSelect";
import { regionOptions } from "../lib/regions";
import { Stat } from "../components/ui/Stat";
import { useParamAction, useRegionParam } from "../lib/useRegionParam";
import { pageBySlug } from "../app/pages";
import { PageHeader } from "../components/ui/PageHeader";

const NONE: never[] = [];

type Open = { action: ImageAction; id: string } | null;

/** IMG-01…06: the account's custom images by region, as a list or grouped by source VM. */
export function ImagesPage() {
  const query = useStorageOverview();
  const data = query.data;
  const images = data?.images ?? NONE;
  const rows = data?.snapshots ?? NONE;
  const [region, setRegion] = useRegionParam();
  const [grouped, setGrouped] = useState(false);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  // `?create=SNAPSHOT` ("Create image from this snapshot") and `?details=IMAGE` (links).
  const [createFor, clearCreateFor] = useParamAction("create");
  const [linked, clearLinked] = useParamAction("details");

  const shown = useMemo(() => imagesInRegion(images, region), [images, region]);
  const groups = useMemo(() => groupBySourceVm(shown, rows, data?.instances ?? NONE), [shown, rows, data]);
  const snapshots = useMemo(() => rows.map((r) => r.snapshot), [rows]);
  const snapshotIds = useMemo(() => new Set(snapshots.map((s) => s.id)), [snapshots]);
  const regions = useMemo(() => regionOptions(images.map((i) => i.region)), [images]);

  const createOpen = creating || (createFor !== null && data !== undefined);
  const current: Open = open ?? (linked ? { action: "details", id: linked } : null);
  const openImage = current ? images.find((i) => i.id === current.id) : undefined;
  const close = () => {
    setOpen(null);
    if (linked) clearLinked();
  };
  const act = (image: Image, action: ImageAction) => setOpen({ action, id: image.id });

  return (
    // `page-images` is the shell's convention for every page; `images-page` the e2e suite's.
    <div data-testid="page-images">
      <div data-testid="images-page" className="flex flex-col gap-4">
        <PageHeader
          title="Images"
          purpose={pageBySlug("images").purpose}
          actions={
            <div className="flex flex-wrap items-center justify-end gap-2">
              <RefreshButton fetching={query.isFetching} onRefresh={() => void query.refetch()} />
              <Button variant="primary" data-testid="image-create" disabled={!data} onClick={() => setCreating(true)}>
                <Plus aria-hidden className="size-4" />
                Create Image
              </Button>
            </div>
          }
        />
        <div className="flex flex-wrap items-center gap-3">
          <RegionSelect value={region} options={regions} onChange={setRegion} />
          <label className="ml-auto flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              data-testid="images-group-toggle"
              checked={grouped}
              onChange={(e) => setGrouped(e.target.checked)}
            />
            Group by source VM
          </label>
        </div>
        <DataStatus query={query} />
        {query.isPending ? (
          <p className="text-sm text-fg-muted">Loading images…</p>
        ) : data ? (
          <>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label="Images" value={shown.length} testId="images-total" />
              <Stat
                label="Storage used by images"
                value={formatGb(totalImageStorage(shown))}
                testId="images-total-storage"
              />
            </div>
            {shown.length === 0 ? (
              <Card data-testid="images-empty" className="text-sm text-fg-muted">
                No images{region ? ` in ${region}` : ""} yet. Make one from a snapshot with status SUCCESS, then deploy
                new VMs from it.
              </Card>
            ) : grouped ? (
              <ImageGroups groups={groups} snapshotIds={snapshotIds} onAction={act} />
            ) : (
              <ImageTable images={shown} snapshotIds={snapshotIds} onAction={act} />
            )}
          </>
        ) : null}
      </div>
      {data && (
        <CreateImageDialog
          open={createOpen}
          onOpenChange={(o) => {
            setCreating(o);
            if (!o && createFor !== null) clearCreateFor();
          }}
          snapshots={snapshots}
          initialSnapshotId={createFor}
          takenNames={images.map((i) => i.name)}
        />
      )}
      {current && openImage && current.action === "details" && (
        <ImageDetailsDialog
          image={openImage}
          source={snapshots.find((s) => s.id === openImage.snapshot_id)}
          onOpenChange={(o) => !o && close()}
        />
      )}
      {current && openImage && current.action === "delete" && (
        <DeleteImageDialog image={openImage} onOpenChange={(o) => !o && close()} />
      )}
    </div>
  );
}
