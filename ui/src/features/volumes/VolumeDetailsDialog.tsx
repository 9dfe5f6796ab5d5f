// A volume's details and billing (VOL-52): what it is, where it is attached, its cost per
// hour from the pricing table, and its billing records.

import { Facts, Fact, Section } from "../../components/ui/Facts";
import { formatGb } from "../../lib/storageFormat";
import { Modal, ModalClose } from "../../components/ui/Modal";
import { Button } from "../../components/ui/Button";
import { formatDateTime } from "../../lib/format";
import { StorageStatusBadge } from "../storage/StorageStatusBadge";
import { typeLabel } from "./VolumeCard";
import { VolumeBilling } from "./VolumeBilling";
import { VolumeCost } from "./VolumeCost";
import type { Volume } from "./queries";

type Props = { volume: Volume; currency: string; onOpenChange: (open: boolean) => void };

export function VolumeDetailsDialog({ volume: v, currency, onOpenChange }: Props) {
  return (
    <Modal open onOpenChange={onOpenChange} testId="volume-details" title={v.name} wide>
      <div className="mt-3 flex flex-col gap-4">
        <Section title="Volume">
          <Facts>
            <Fact label="Status">
              <StorageStatusBadge status={v.status} />
            </Fact>
            <Fact label="ID">
              <span className="font-mono select-all">{v.id}</span>
            </Fact>
            <Fact label="Size">{formatGb(v.size_gb)}</Fact>
            <Fact label="Region">{v.region}</Fact>
            <Fact label="Type">
              {typeLabel(v.volume_type)}
              {v.tier ? ` (${v.tier})` : ""}
            </Fact>
            <Fact label="Bootable">
              {v.bootable ? `Yes${v.os_image_id ? ` (OS image ${v.os_image_id})` : ""}` : "No"}
            </Fact>
            <Fact label="Attached to">{v.instance_name ?? v.instance_id ?? "—"}</Fact>
            <Fact label="Created">{formatDateTime(v.created_at)}</Fact>
            <Fact label="Cost">
              <VolumeCost volume={v} currency={currency} testId="volume-details-cost" />
            </Fact>
          </Facts>
        </Section>
        <Section title="Billing">
          <VolumeBilling volumeId={v.id} />
        </Section>
        <div className="flex justify-end">
          <ModalClose asChild>
            <Button data-testid="volume-details-close">Close</Button>
          </ModalClose>
        </div>
      </div>
    </Modal>
  );
}
