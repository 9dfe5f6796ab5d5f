import type { ReactNode } from "react";
import { TriangleAlert } from "lucide-react";
import type { AppError } from "../../lib/ipc";
import { errorDetail } from "../../lib/notify";
import { Alert } from "./Alert";
import { Button } from "./Button";
import { Modal, ModalClose } from "./Modal";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "snapshot" or "image". */
  noun: string;
  /** The exact name, as the user knows it (SNAP-40). */
  name: string;
  /** What is not affected (SNAP-41, IMG-06). */
  children: ReactNode;
  pending: boolean;
  error: AppError | null;
  onConfirm: () => void;
};

/**
 * Asks before deleting a snapshot or an image (GEN-01): names it, says it cannot be
 * undone, and shows a refusal (e.g. a restore still running) inside, without closing.
 */
export function DeleteDialog({ open, onOpenChange, noun, name, children, pending, error, onConfirm }: Props) {
  return (
    <Modal
      open={open}
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
      {error && (
        <div className="mt-3">
          <Alert testId="delete-error" title={error.humanMessage}>
            {errorDetail(error)}
          </Alert>
        </div>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <ModalClose asChild>
          <Button disabled={pending}>Cancel</Button>
        </ModalClose>
        <Button variant="danger" data-testid="confirm-delete" pending={pending} onClick={onConfirm}>
          {pending ? "Deleting…" : "Delete"}
        </Button>
      </div>
    </Modal>
  );
}
