import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Alert, ErrorAlert } from "../../components/ui/Alert";
import { DescriptionField, Field } from "../../components/ui/Field";
import { Select } from "../../components/ui/Input";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { imageVerdict } from "../snapshots/eligibility";
import { formatGb } from "../../lib/storageFormat";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { NameField } from "../../components/ui/NameField";
import { useCreateImage } from "./mutations";
import { useResourceName } from "../../lib/useResourceName";
import type { Snapshot } from "../storage/queries";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Every snapshot; those not SUCCESS are listed but cannot be picked. */
  snapshots: readonly Snapshot[];
  /** Picked on arrival ("Create image from this snapshot"). */
  initialSnapshotId?: string | null;
  /** Every image name in the account (IMG-02: unique). */
  takenNames: readonly string[];
};

/** Creates a custom image from a SUCCESS snapshot (IMG-02), in that snapshot's region. */
export function CreateImageDialog(props: Props) {
  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      testId="image-dialog"
      title="Create image"
      description="A custom image boots new VMs with the snapshot's disk. It is private to your account."
    >
      <CreateImageForm {...props} onDone={() => props.onOpenChange(false)} />
    </Modal>
  );
}

/** The first choice: the snapshot asked for if it can be used, else the first that can. */
function firstChoice(snapshots: readonly Snapshot[], wanted: string | null | undefined): string {
  const asked = snapshots.find((s) => s.id === wanted && imageVerdict(s) === null);
  return asked?.id ?? snapshots.find((s) => imageVerdict(s) === null)?.id ?? "";
}

function CreateImageForm({ snapshots, initialSnapshotId, takenNames, onDone }: Props & { onDone: () => void }) {
  const create = useCreateImage();
  const guard = useSubmitGuard();
  const [snapshotId, setSnapshotId] = useState(() => firstChoice(snapshots, initialSnapshotId));
  const name = useResourceName("image", takenNames);
  const [description, setDescription] = useState("");
  const source = snapshots.find((s) => s.id === snapshotId);
  const other = create.error && create.error.field !== "name" ? create.error : null;
  // Asked for one that cannot be used yet: say why instead of silently picking another.
  const askedUnready = snapshots.find((s) => s.id === initialSnapshotId && imageVerdict(s) !== null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!source) return;
    // The name as Rust accepted it, for exactly what is typed now (IMG-02).
    void guard(() =>
      name.whenAccepted((accepted) =>
        create.mutateAsync(
          { snapshotId: source.id, name: accepted, description },
          {
            onSuccess: (res) => {
              toast.success(`Image ${res.image.name} is being created`, {
                description: `In ${res.image.region || source.region}; you are notified when it is available.`,
              });
              onDone();
            },
            onError: name.refused,
          },
        ),
      ),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
      {askedUnready && (
        <Alert tone="warning" title="That snapshot cannot be used yet">
          {imageVerdict(askedUnready)}
        </Alert>
      )}
      <Field
        id="image-snapshot"
        label="Source snapshot"
        hint="Only snapshots with status SUCCESS can be made into an image."
      >
        <Select
          id="image-snapshot"
          data-testid="image-snapshot"
          value={snapshotId}
          onChange={(e) => setSnapshotId(e.target.value)}
        >
          {snapshotId === "" && <option value="">No SUCCESS snapshot available</option>}
          {snapshots.map((s) => {
            const reason = imageVerdict(s);
            return (
              <option key={s.id} value={s.id} disabled={reason !== null} title={reason ?? undefined}>
                {`${s.name} (${s.region}, ${formatGb(s.size_gb)})${reason ? ` — ${s.status}, not ready` : ""}`}
              </option>
            );
          })}
        </Select>
      </Field>
      {source && (
        <p data-testid="image-region-note" className="text-sm text-fg-muted">
          The image is created in {source.region}, the snapshot's region, and can deploy VMs only there. To use it in
          another region, make a snapshot and an image in that region.
        </p>
      )}
      <NameField id="image-name" name={name} unique="among your images" />
      <DescriptionField id="image-description" value={description} onChange={setDescription} />
      {other && <ErrorAlert testId="image-error" error={other} />}
      <ModalActions
        testId="image-submit"
        label="Create Image"
        pendingLabel="Creating…"
        pending={create.isPending}
        disabled={!source}
      />
    </form>
  );
}
