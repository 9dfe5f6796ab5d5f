import { useId, useState, type ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Button } from "./Button";
import { Input } from "./Input";
import { DialogFrame } from "./Modal";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  /** The confirm button stays disabled until exactly this text is typed (e.g. a VM's name). */
  typeToConfirm?: string;
  /** Anything after the description (a list of what is skipped, an error). */
  footer?: ReactNode;
};

/** Asks before a permanent or disruptive action (GEN-01). */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  pending,
  onConfirm,
  typeToConfirm,
  footer,
}: Props) {
  return (
    <DialogFrame open={open} onOpenChange={onOpenChange} testId="confirm-dialog" className="top-1/3 max-w-md p-5">
      <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
      <Dialog.Description asChild>
        <div className="mt-2 text-sm text-fg-muted">{children}</div>
      </Dialog.Description>
      {/* Mounted with the dialog's content, so the typed text starts empty each time. */}
      <ConfirmBody
        typeToConfirm={typeToConfirm}
        footer={footer}
        confirmLabel={confirmLabel}
        pending={pending}
        onConfirm={onConfirm}
      />
    </DialogFrame>
  );
}

type BodyProps = Pick<Props, "typeToConfirm" | "footer" | "confirmLabel" | "pending" | "onConfirm">;

function ConfirmBody({ typeToConfirm, footer, confirmLabel, pending, onConfirm }: BodyProps) {
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const matches = typeToConfirm === undefined || typed === typeToConfirm;
  return (
    <>
      {footer && <div className="mt-3 text-sm">{footer}</div>}
      {typeToConfirm !== undefined && (
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm">
            Type <span className="font-mono font-semibold">{typeToConfirm}</span> to confirm
          </label>
          <Input
            id={inputId}
            data-testid="confirm-input"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Dialog.Close asChild>
          <Button>Cancel</Button>
        </Dialog.Close>
        <Button variant="danger" data-testid="confirm-action" pending={pending} disabled={!matches} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}
