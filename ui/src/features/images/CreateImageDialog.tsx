import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { errorDetail } from "../../lib/notify";
import { withoutFieldPrefix } from "../settings/preferences";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Field } from "../../components/ui/Field";
import { Select } from "../../components/ui/Input";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { imageVerdict } from "../snapshots/eligibility";
import { formatGb } from "../../lib/storageFormat";
import { Modal, ModalClose } from "../../components/ui/Modal";
import { NAME_HINT, NameField } from "../../components/ui/NameField";
import { useCreateImage } from "./mutations";
import { errorAt, resourceNameCheck } from "../../lib/checks";
import { useCheck, useCheckNow } from "../../lib/useCheck";
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
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [description, setDescription] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const source = snapshots.find((s) => s.id === snapshotId);
  const checkNow = useCheckNow();
  const nameForm = { name, noun: "image" as const, taken: [...takenNames] };
  const nameAnswer = useCheck(resourceNameCheck, nameForm, touched).data;
  const message = (touched ? errorAt(nameAnswer?.errors, "name") : null) ?? refusal;
  const other = create.error && create.error.field !== "name" ? create.error : null;
  // Asked for one that cannot be used yet: say why instead of silently picking another.
  const askedUnready = snapshots.find((s) => s.id === initialSnapshotId && imageVerdict(s) !== null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!source) return;
    void guard(async () => {
      // The name as Rust accepted it, for exactly what is typed now (IMG-02).
      const checked = await checkNow(resourceNameCheck, nameForm);
      if (checked.value == null) return;
      await create.mutateAsync(
        { snapshotId: source.id, name: checked.value, description },
        {
          onSuccess: (res) => {
            toast.success(`Image ${res.image.name} is being created`, {
              description: `In ${res.image.region || source.region}; you are notified when it is available.`,
            });
            onDone();
          },
          onError: (err) => {
            if (err.field === "name") setRefusal(withoutFieldPrefix(err.serverMessage, "name"));
          },
        },
      );
    });
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
      <NameField
        id="image-name"
        label="Name"
        hint={`${NAME_HINT}; unique among your images.`}
        value={name}
        error={message}
        autoFocus
        onChange={(v) => {
          setName(v);
          setTouched(true);
          setRefusal(null);
        }}
      />
      <Field id="image-description" label="Description (optional)">
        <textarea
          id="image-description"
          data-testid="image-description"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
        />
      </Field>
      {other && (
        <Alert testId="image-error" title={other.humanMessage}>
          {errorDetail(other)}
        </Alert>
      )}
      <div className="flex justify-end gap-2">
        <ModalClose asChild>
          <Button>Cancel</Button>
        </ModalClose>
        <Button
          type="submit"
          variant="primary"
          data-testid="image-submit"
          disabled={!source}
          pending={create.isPending}
        >
          {create.isPending ? "Creating…" : "Create Image"}
        </Button>
      </div>
    </form>
  );
}
