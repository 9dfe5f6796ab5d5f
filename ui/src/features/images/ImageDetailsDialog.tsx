import { Fact, Facts, Section } from "../../components/ui/Facts";
import { formatDateTime, formatGb } from "../../lib/storageFormat";
import { Modal } from "../../components/ui/Modal";
import type { Image, Snapshot } from "../storage/queries";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { SourceSnapshot } from "./ImageTable";

type Props = { image: Image; source: Snapshot | undefined; onOpenChange: (open: boolean) => void };

/** One image's properties and metadata (IMG-04). */
export function ImageDetailsDialog({ image: i, source, onOpenChange }: Props) {
  return (
    <Modal open onOpenChange={onOpenChange} testId="image-details" title={i.name} wide>
      <Section title="Properties">
        <Facts>
          <Fact label="Name">{i.name}</Fact>
          <Fact label="Status">
            <StorageStatusBadge status={i.status} testId="image-details-status" />
          </Fact>
          <Fact label="Region">{i.region}</Fact>
          <Fact label="Size">{formatGb(i.size_gb)}</Fact>
          <Fact label="Created">{formatDateTime(i.created_at)}</Fact>
          <Fact label="Source snapshot">
            <SourceSnapshot image={i} exists={source !== undefined} />
          </Fact>
          {source && <Fact label="Source VM">{source.instance_name ?? source.instance_id}</Fact>}
        </Facts>
      </Section>
      {i.description && (
        <Section title="Description">
          <p className="max-h-24 overflow-y-auto text-sm whitespace-pre-wrap">{i.description}</p>
        </Section>
      )}
      <Section title="Metadata">
        <Facts>
          <Fact label="Image ID">
            <span className="font-mono select-all">{i.id}</span>
          </Fact>
          <Fact label="Snapshot ID">
            <span className="font-mono select-all">{i.snapshot_id ?? "—"}</span>
          </Fact>
          <Fact label="Visibility">Private to your account</Fact>
          <Fact label="Deploys in">{i.region} only</Fact>
        </Facts>
      </Section>
    </Modal>
  );
}
