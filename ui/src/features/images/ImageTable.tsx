import { Link } from "react-router";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { snapshotsPath } from "../snapshots/paths";
import type { Image } from "../storage/queries";
import { actionsColumn, storageColumns } from "../storage/columns";
import { ImageActions, type ImageAction } from "./ImageActions";

type Props = {
  images: readonly Image[];
  /** Source snapshots still in the account (a deleted one is named, not linked). */
  snapshotIds: ReadonlySet<string>;
  onAction: (image: Image, a: ImageAction) => void;
};

/** Images as rows: name, size, region, status, created, source snapshot, description (IMG-03/04). */
export function ImageTable({ images, snapshotIds, onAction }: Props) {
  const columns: Column<Image>[] = [
    ...storageColumns<Image>(
      (i) => `image-status-${i.name}`,
      (i) => i,
    ),
    {
      head: "Source snapshot",
      cell: (i) => <SourceSnapshot image={i} exists={i.snapshot_id != null && snapshotIds.has(i.snapshot_id)} />,
    },
    {
      head: "Description",
      cell: (i) => (
        <span className="line-clamp-2" title={i.description ?? undefined}>
          {i.description || "—"}
        </span>
      ),
      className: "max-w-xs text-fg-muted",
    },
    actionsColumn((i) => <ImageActions image={i} onAction={(a) => onAction(i, a)} />),
  ];
  return (
    <DataTable
      look="boxed"
      alignTop
      columns={columns}
      rows={images}
      rowKey={(i) => i.id}
      rowTestId={(i) => `image-row-${i.name}`}
    />
  );
}

/** The snapshot an image came from, linked to its details while it still exists. */
export function SourceSnapshot({ image, exists }: { image: Image; exists: boolean }) {
  const label = image.snapshot_name ?? image.snapshot_id ?? "—";
  if (!exists || !image.snapshot_id) {
    return (
      <span className="text-fg-muted">
        {label}
        {image.snapshot_id ? " (deleted)" : ""}
      </span>
    );
  }
  return (
    <Link
      data-testid={`image-source-${image.name}`}
      to={snapshotsPath({ details: image.snapshot_id })}
      className="text-primary underline"
    >
      {label}
    </Link>
  );
}
