import { Link } from "react-router";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import { snapshotsPath } from "../snapshots/paths";
import type { Image } from "../storage/queries";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { ImageActions, type ImageAction } from "./ImageActions";

type Props = {
  images: readonly Image[];
  /** Source snapshots still in the account (a deleted one is named, not linked). */
  snapshotIds: ReadonlySet<string>;
  onAction: (image: Image, a: ImageAction) => void;
};

/** Images as rows: name, size, region, status, created, source snapshot, description (IMG-03/04). */
export function ImageTable({ images, snapshotIds, onAction }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm [&_td]:px-3 [&_th]:px-3">
        <thead className="bg-surface-2 text-xs text-fg-muted">
          <tr>
            <th className="py-2 font-medium">Name</th>
            <th className="py-2 font-medium">Status</th>
            <th className="py-2 font-medium">Size</th>
            <th className="py-2 font-medium">Region</th>
            <th className="py-2 font-medium">Created</th>
            <th className="py-2 font-medium">Source snapshot</th>
            <th className="py-2 font-medium">Description</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {images.map((i) => (
            <tr key={i.id} data-testid={`image-row-${i.name}`} className="border-t border-border align-top">
              <td className="py-2 font-medium break-all">{i.name}</td>
              <td className="py-2">
                <StorageStatusBadge status={i.status} testId={`image-status-${i.name}`} />
              </td>
              <td className="py-2 tabular-nums">{formatGb(i.size_gb)}</td>
              <td className="py-2">{i.region}</td>
              <td className="py-2 whitespace-nowrap">{formatDateTime(i.created_at)}</td>
              <td className="py-2">
                <SourceSnapshot image={i} exists={i.snapshot_id != null && snapshotIds.has(i.snapshot_id)} />
              </td>
              <td className="max-w-xs py-2 text-fg-muted">
                <span className="line-clamp-2" title={i.description ?? undefined}>
                  {i.description || "—"}
                </span>
              </td>
              <td className="py-2">
                <ImageActions image={i} onAction={(a) => onAction(i, a)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
