import type { ReactNode } from "react";
import { TriangleAlert } from "lucide-react";
import { toast } from "sonner";
import type { AppError } from "../../lib/ipc";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { ErrorAlert } from "./Alert";
import { Modal, ModalActions } from "./Modal";

type Props = {
  onOpenChange: (open: boolean) => void;
  noun: "snapshot" | "image" | "script" | "firewall" | "SSH key";
  /** The item's id, what the delete request takes. */
  id: string;
  /** The exact name, as the user knows it (SNAP-40). */
  name: string;
  /** What is not affected (SNAP-41, IMG-06). */
  children: ReactNode;
  /** The delete mutation. */
  deletion: { mutateAsync: (id: string) => Promise<unknown>; isPending: boolean; error: AppError | null };
};

const NOUN_TITLE = {
  snapshot: "Snapshot",
  image: "Image",
  script: "Script",
  firewall: "Firewall",
  "SSH key": "SSH key",
} as const;

/**
 * Asks before deleting a snapshot, an image or a script (GEN-01): names it, says it cannot be
 * undone, and shows a refusal (e.g. a restore still running) inside, without closing.
 */
export function DeleteDialog({ onOpenChange, noun, id, name, children, deletion }: Props) {
  const guard = useSubmitGuard();
  const pending = deletion.isPending;
  // Awaited: the list drops the item (unmounting this dialog) before a `mutate` callback would run.
  const confirm = () =>
    void guard(async () => {
      await deletion.mutateAsync(id);
      toast.success(`${NOUN_TITLE[noun]} ${name} deleted`);
      onOpenChange(false);
    });
  return (
    <Modal
      open
      // Closing while the request is out would hide its answer.
      onOpenChange={(o) => (pending ? undefined : onOpenChange(o))}
      testId="confirm-dialog"
      title={`Delete ${noun} ${name}?`}
    >
      <div className="mt-3 flex gap-3 text-sm">
        <TriangleAlert aria-hidden data-testid="delete-warning-icon" className="size-6 shrink-0 text-danger" />
        <div className="flex flex-col gap-2">
          <p>
            The {noun} <span className="font-semibold break-all">{name}</span> will be deleted permanently. This action
            cannot be undone.
          </p>
          <p className="text-fg-muted">{children}</p>
        </div>
      </div>
      {deletion.error && (
        <div className="mt-3">
          <ErrorAlert testId="delete-error" error={deletion.error} />
        </div>
      )}
      <ModalActions
        className="mt-5"
        testId="confirm-delete"
        label="Delete"
        pendingLabel="Deleting…"
        pending={pending}
        variant="danger"
        onClick={confirm}
        holdCancel
      />
    </Modal>
  );
}
