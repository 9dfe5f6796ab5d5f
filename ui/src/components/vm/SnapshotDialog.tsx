import { useState, type FormEvent } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { useBalance } from "../../api";
import { withoutFieldPrefix } from "../settings/preferences";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Field, fieldAria } from "../ui/Field";
import { Input } from "../ui/Input";
import { errorDetail } from "../../notify";
import { useCreateSnapshot } from "./mutations";
import { NAME_MAX, resourceNameError } from "./names";
import type { VM } from "./status";
import { useSubmitGuard } from "./useSubmitGuard";

type Props = { vm: VM; open: boolean; onOpenChange: (open: boolean) => void };

/** Names and creates a snapshot of the VM (SNAP-12, SNAP-14); the Snapshots page lists them. */
export function SnapshotDialog({ vm, open, onOpenChange }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          data-testid="snapshot-dialog"
          className="fixed top-1/4 left-1/2 z-50 w-full max-w-md -translate-x-1/2 rounded-lg border border-border bg-surface p-5 text-fg shadow-2xl"
        >
          <Dialog.Title className="text-base font-semibold">Snapshot {vm.name}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-fg-muted">
            A point-in-time copy of the VM, billed as storage while it exists. The VM keeps running; creation may take
            several minutes.
          </Dialog.Description>
          <SnapshotForm vm={vm} onDone={() => onOpenChange(false)} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SnapshotForm({ vm, onDone }: { vm: VM; onDone: () => void }) {
  const create = useCreateSnapshot();
  const guard = useSubmitGuard();
  const profileIncomplete = useBalance().data?.profile_complete === false;
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const localError = touched ? resourceNameError(name) : null;
  const nameError = localError ?? serverError;
  const otherError = create.error && create.error.field !== "name" ? create.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (resourceNameError(name)) return;
    void guard(() =>
      create.mutateAsync(
        { vm, name: name.trim() },
        {
          onSuccess: onDone,
          onError: (err) => {
            if (err.field === "name") setServerError(withoutFieldPrefix(err.serverMessage, "name"));
          },
        },
      ),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
      {profileIncomplete && (
        <Alert tone="warning" title="Your Barrack profile is incomplete">
          Barrack refuses snapshots until the profile in My Account is complete (SNAP-06).
        </Alert>
      )}
      <Field
        id="snapshot-name"
        label="Name"
        hint={`1–${NAME_MAX} letters, digits, spaces, "-", "_" or "."; unique in your account.`}
        error={nameError}
      >
        <div className="relative">
          <Input
            {...fieldAria("snapshot-name", nameError)}
            data-testid="snapshot-name"
            autoFocus
            value={name}
            placeholder={`${vm.name}-backup`.slice(0, NAME_MAX)}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
              setServerError(null);
            }}
            className="pr-16"
          />
          <span
            data-testid="snapshot-name-count"
            className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-fg-muted tabular-nums"
          >
            {Array.from(name).length}/{NAME_MAX}
          </span>
        </div>
      </Field>
      {otherError && (
        <Alert title={otherError.humanMessage}>{errorDetail(otherError)}</Alert>
      )}
      <div className="flex justify-end gap-2">
        <Dialog.Close asChild>
          <Button>Cancel</Button>
        </Dialog.Close>
        <Button type="submit" variant="primary" data-testid="snapshot-create" pending={create.isPending}>
          {create.isPending ? "Creating…" : "Create snapshot"}
        </Button>
      </div>
    </form>
  );
}
