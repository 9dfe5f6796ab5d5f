import { Database } from "lucide-react";
import { Link } from "react-router";
import { formatGb } from "../../lib/storageFormat";
import { Card } from "../../components/ui/Card";
import { StatusBadge } from "../../components/ui/StatusBadge";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { deleteBlocked, VolumeActions, type VolumeAction } from "./VolumeActions";
import { VolumeCost } from "./VolumeCost";
import type { Volume } from "./queries";

/** "Cloud-SSD": how the platform names the SSD type on a card (rules.md §5). */
export function typeLabel(type: string): string {
  return type.toUpperCase() === "SSD" ? "Cloud-SSD" : type;
}

type Props = { volume: Volume; currency: string; onAction: (a: VolumeAction) => void };

/** One volume as a card (VOL-04): name and status, its VM, size, region, type, bootable, cost, actions. */
export function VolumeCard({ volume: v, currency, onAction }: Props) {
  const blocked = deleteBlocked(v);
  return (
    <Card data-testid={`volume-card-${v.name}`} className="flex flex-col gap-3">
      <div className="flex items-start justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          <Database aria-hidden className="size-5 shrink-0 text-primary" />
          <h2 className="font-semibold break-all">{v.name}</h2>
        </div>
        <StorageStatusBadge status={v.status} testId={`volume-status-${v.name}`} />
      </div>
      <p data-testid={`volume-vm-${v.name}`} className="flex flex-wrap items-center gap-2 text-sm">
        {v.instance_id ? (
          <>
            <span>
              <span className="text-fg-muted">Attached to </span>
              <Link
                to={`/instances/${encodeURIComponent(v.instance_id)}`}
                data-testid={`volume-vm-link-${v.name}`}
                className="font-medium hover:underline"
              >
                {v.instance_name ?? v.instance_id}
              </Link>
            </span>
            {v.instance_status && <StatusBadge status={v.instance_status} />}
          </>
        ) : (
          <span className="text-fg-muted">Not attached</span>
        )}
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-fg-muted">Size</dt>
        <dd data-testid={`volume-size-${v.name}`} className="tabular-nums">
          {formatGb(v.size_gb)}
        </dd>
        <dt className="text-fg-muted">Region</dt>
        <dd>{v.region}</dd>
        <dt className="text-fg-muted">Type</dt>
        <dd>{typeLabel(v.volume_type)}</dd>
        <dt className="text-fg-muted">Bootable</dt>
        <dd data-testid={`volume-bootable-${v.name}`}>{v.bootable ? "Yes" : "No"}</dd>
        <dt className="text-fg-muted">Cost</dt>
        <dd>
          <VolumeCost volume={v} currency={currency} testId={`volume-cost-${v.name}`} />
        </dd>
      </dl>
      <div className="mt-auto">
        <VolumeActions volume={v} onAction={onAction} />
      </div>
      {blocked && v.instance_id && <p className="text-xs text-fg-muted">Delete: {blocked}</p>}
    </Card>
  );
}
