import { useMemo, useState } from "react";
import { Card } from "../components/ui/Card";
import { CreateImageDialog } from "../features/images/CreateImageDialog";
import { DeleteImageDialog } from "../features/images/DeleteImageDialog";
import type { ImageAction } from "../features/images/ImageActions";
import { ImageDetailsDialog } from "../features/images/ImageDetailsDialog";
import { ImageGroups } from "../features/images/ImageGroups";
import { ImageTable } from "../features/images/ImageTable";
import { groupBySourceVm, imagesInRegion, totalImageStorage } from "../features/images/versions";
import { formatGb } from "../lib/storageFormat";
import { useStorageOverview, type Image } from "../features/storage/queries";
import { ListPage } from "../components/ui/ListPage";
import { RegionSelect } from "../components/ui/RegionSelect";
import { regionOptions } from "../lib/regions";
import { Stat } from "../components/ui/Stat";
import { useItemDialog } from "../lib/useItemDialog";
import { useParamAction, useRegionParam } from "../lib/useRegionParam";

const NONE: never[] = [];

/** IMG-01…06: the account's custom images by region, as a list or grouped by source VM. */
export function ImagesPage() {
  const query = useStorageOverview();
  const data = query.data;
  const images = data?.images ?? NONE;
  const rows = data?.snapshots ?? NONE;
  const [region, setRegion] = useRegionParam();
  const [grouped, setGrouped] = useState(false);
  const [creating, setCreating] = useState(false);
  // `?create=SNAPSHOT` ("Create image from this snapshot") and `?details=IMAGE` (links).
  const [createFor, clearCreateFor] = useParamAction("create");
  const dialog = useItemDialog<ImageAction, Image>((id) => images.find((i) => i.id === id));

  const shown = useMemo(() => imagesInRegion(images, region), [images, region]);
  const groups = useMemo(() => groupBySourceVm(shown, rows, data?.instances ?? NONE), [shown, rows, data]);
  const snapshots = useMemo(() => rows.map((r) => r.snapshot), [rows]);
  const snapshotIds = useMemo(() => new Set(snapshots.map((s) => s.id)), [snapshots]);
  const regions = useMemo(() => regionOptions(images.map((i) => i.region)), [images]);

  const createOpen = creating || (createFor !== null && data !== undefined);
  const shownDialog = dialog.shown;
  const act = (image: Image, action: ImageAction) => dialog.open(action, image.id);

  return (
    <ListPage
      page="images"
      query={query}
      create={{ testId: "image-create", label: "Create Image", disabled: !data, onClick: () => setCreating(true) }}
      loading="Loading images…"
      toolbar={
        <>
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
        </>
      }
      dialogs={
        <>
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
          {shownDialog?.action === "details" && (
            <ImageDetailsDialog
              image={shownDialog.item}
              source={snapshots.find((s) => s.id === shownDialog.item.snapshot_id)}
              onOpenChange={dialog.onOpenChange}
            />
          )}
          {shownDialog?.action === "delete" && (
            <DeleteImageDialog image={shownDialog.item} onOpenChange={dialog.onOpenChange} />
          )}
        </>
      }
    >
      {() => (
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
      )}
    </ListPage>
  );
}
