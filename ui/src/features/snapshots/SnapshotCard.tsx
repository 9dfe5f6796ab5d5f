import { Card } from "../../components/ui/Card";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import type { SnapshotRow } from "../storage/queries";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { snapshotType } from "./list";
import { SnapshotActions, type SnapshotAction } from "./SnapshotActions";

/** One snapshot as a card: name, size, region, created, type, status, actions (SNAP-04). */
export function SnapshotCard({ row, onAction }: { row: SnapshotRow; onAction: (a: SnapshotAction) => void }) {
  const s = row.snapshot;
  return (
    <Card data-testid={`snapshot-card-${s.name}`} className="flex flex-col gap-3 p-4">
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 font-semibold break-all">{s.name}</h2>
        <StorageStatusBadge status={s.status} testId={`snapshot-status-${s.name}`} />
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-fg-muted">Size</dt>
        <dd className="tabular-nums" title="Real size after compression; storage is billed on it">
          {formatGb(s.size_gb)}
        </dd>
        <dt className="text-fg-muted">Region</dt>
        <dd>{s.region}</dd>
        <dt className="text-fg-muted">Created</dt>
        <dd>{formatDateTime(s.created_at)}</dd>
        <dt className="text-fg-muted">Type</dt>
        <dd>{snapshotType(s.is_image)}</dd>
      </dl>
      <div className="mt-auto">
        <SnapshotActions snapshot={s} onAction={onAction} />
      </div>
    </Card>
  );
}
