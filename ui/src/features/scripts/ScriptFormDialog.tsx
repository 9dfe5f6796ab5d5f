// Creating or editing a saved script (SCR-01, SCR-03): name, description and the shell
// editor. Every rule is Rust's: the name through check_resource_name (unique among the
// account's scripts), the size through check_cloud_init as it is typed, and the rest as
// the backend refuses it, shown at its field. Closing with unsaved changes asks first.

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { DescriptionField } from "../../components/ui/Field";
import { Modal, ModalActions } from "../../components/ui/Modal";
import { NameField } from "../../components/ui/NameField";
import { toAppError } from "../../lib/ipc";
import { useResourceName } from "../../lib/useResourceName";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { fieldRefusal } from "./fieldRefusal";
import { useCreateScript, useUpdateScript, type ScriptInput } from "./mutations";
import type { Script } from "./queries";
import { ScriptContentField } from "./ScriptContentField";

type Props = {
  /** The script edited; without one a new script is created. */
  script?: Script | undefined;
  /** Every script name in the account (SCR-01: unique). */
  takenNames: readonly string[];
  onOpenChange: (open: boolean) => void;
};

/** Mounted while open: each opening starts from the script as saved. */
export function ScriptFormDialog({ script, takenNames, onOpenChange }: Props) {
  const create = useCreateScript();
  const update = useUpdateScript();
  const mutation = script ? update : create;
  const guard = useSubmitGuard();
  // Its own name is not a clash.
  const others = script ? takenNames.filter((n) => n !== script.name) : takenNames;
  const name = useResourceName("script", others, script ? script.name : null);
  const [description, setDescription] = useState(script?.description ?? "");
  const [content, setContent] = useState(script?.content ?? "");
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  // The refusal shown at a field lasts until that field changes.
  const [refused, setRefused] = useState<{ content: boolean; description: boolean }>({
    content: false,
    description: false,
  });

  const error = mutation.error;
  const contentRefusal = refused.content ? fieldRefusal(error, "content", "The script") : null;
  const descriptionRefusal = refused.description ? fieldRefusal(error, "description", "The description") : null;
  const other = error && !["name", "content", "description"].includes(error.field ?? "") ? error : null;

  const dirty =
    name.field.value !== (script?.name ?? "") ||
    description !== (script?.description ?? "") ||
    content !== (script?.content ?? "");

  function close(open: boolean) {
    if (open) return;
    // Closing while the request is out would hide its answer.
    if (mutation.isPending) return;
    if (dirty) setConfirmDiscard(true);
    else onOpenChange(false);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void guard(() =>
      name.whenAccepted(async (accepted) => {
        const input: ScriptInput = { name: accepted, description, content };
        try {
          const res = script ? await update.mutateAsync({ id: script.id, input }) : await create.mutateAsync(input);
          toast.success(script ? `Script ${res.script.name} saved` : `Script ${res.script.name} created`);
          onOpenChange(false);
        } catch (err) {
          // The dialog stays open, with the refusal at its field (or above the buttons).
          const appError = toAppError(err);
          name.refused(appError);
          setRefused({ content: appError.field === "content", description: appError.field === "description" });
        }
      }),
    );
  }

  return (
    <Modal
      open
      onOpenChange={close}
      testId="script-dialog"
      wide
      title={script ? `Edit script ${script.name}` : "New startup script"}
      description="A saved script can be picked in the deploy wizard's Advanced step; it runs at the VM's first boot."
    >
      <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-4">
        <NameField id="script-name" name={name} unique="among your scripts" />
        <DescriptionField
          id="script-description"
          value={description}
          error={descriptionRefusal}
          onChange={(v) => {
            setDescription(v);
            setRefused((r) => ({ ...r, description: false }));
          }}
        />
        <ScriptContentField
          id="script-content"
          value={content}
          refusal={contentRefusal}
          onChange={(v) => {
            setContent(v);
            setRefused((r) => ({ ...r, content: false }));
          }}
        />
        {other && <ErrorAlert testId="script-error" error={other} />}
        <ModalActions
          testId="script-submit"
          label={script ? "Save" : "Create Script"}
          pendingLabel={script ? "Saving…" : "Creating…"}
          pending={mutation.isPending}
          holdCancel
        />
      </form>
      <ConfirmDialog
        open={confirmDiscard}
        onOpenChange={setConfirmDiscard}
        title="Discard unsaved changes?"
        confirmLabel="Discard"
        onConfirm={() => {
          setConfirmDiscard(false);
          onOpenChange(false);
        }}
      >
        {script ? `Your changes to ${script.name} are not saved.` : "This script is not saved."} Closing now loses them.
      </ConfirmDialog>
    </Modal>
  );
}
