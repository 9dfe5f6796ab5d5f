import { Link } from "react-router";
import { Fact, Facts, Section } from "../../components/ui/Facts";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import { Modal } from "../../components/ui/Modal";
import { imagesPath } from "../images/paths";
import type { SnapshotRow, Vm } from "../storage/queries";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { SnapshotBilling } from "./SnapshotBilling";
import { vmConfigFacts } from "./vmConfig";

type Props = { row: SnapshotRow; vms: readonly Vm[]; onOpenChange: (open: boolean) => void };

/** Everything about one snapshot (SNAP-20): facts, source configuration, description, images, billing. */
export function SnapshotDetailsDialog({ row, vms, onOpenChange }: Props) {
  const s = row.snapshot;
  const source = vms.find((vm) => vm.id === s.instance_id);
  const sourceName = s.instance_name ?? source?.name ?? s.instance_id;
  return (
    <Modal open onOpenChange={onOpenChange} testId="snapshot-details" title={s.name} wide>
      <Section title="Basic">
        <Facts>
          <Fact label="Name">{s.name}</Fact>
          <Fact label="Source VM">
            {source ? (
              <Link
                data-testid="snapshot-source-vm"
                to={`/instances/${encodeURIComponent(source.id)}`}
                className="text-primary underline"
              >
                {sourceName}
              </Link>
            ) : (
              <span data-testid="snapshot-source-vm" title="The VM no longer exists">
                {sourceName} (deleted)
              </span>
            )}
          </Fact>
          <Fact label="Size">{formatGb(s.size_gb)}</Fact>
          <Fact label="Created">{formatDateTime(s.created_at)}</Fact>
          <Fact label="Status">
            <StorageStatusBadge status={s.status} testId="snapshot-details-status" />
          </Fact>
          <Fact label="Image">{s.is_image ? "Yes" : "No"}</Fact>
        </Facts>
      </Section>
      <Section title="VM configuration">
        <Facts>
          {vmConfigFacts(s, source).map((f) => (
            <Fact key={f.label} label={f.label}>
              {f.value}
            </Fact>
          ))}
        </Facts>
      </Section>
      {s.description && (
        <Section title="Description">
          <p data-testid="snapshot-description-text" className="max-h-24 overflow-y-auto text-sm whitespace-pre-wrap">
            {s.description}
          </p>
        </Section>
      )}
      <Section title="Images made from it">
        {row.images.length === 0 ? (
          <p className="text-sm text-fg-muted">None yet.</p>
        ) : (
          <ul data-testid="snapshot-images" className="flex flex-col gap-1 text-sm">
            {row.images.map((i) => (
              <li key={i.id} className="flex items-center gap-2">
                <Link to={imagesPath({ details: i.id })} className="text-primary underline">
                  {i.name}
                </Link>
                <StorageStatusBadge status={i.status} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Billing">
        <SnapshotBilling snapshotId={s.id} />
      </Section>
    </Modal>
  );
}
