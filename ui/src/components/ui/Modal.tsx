import type { ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { cn } from "../../lib/cn";
import { Button } from "./Button";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  testId: string;
  /** Wider for the details views. */
  wide?: boolean;
  children: ReactNode;
};

/** The frame every storage dialog shares: overlay, title, description, scrolling body. */
export function Modal({ open, onOpenChange, title, description, testId, wide, children }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          data-testid={testId}
          className={
            "fixed top-[10vh] left-1/2 z-50 max-h-[80vh] w-full -translate-x-1/2 overflow-y-auto rounded-lg border " +
            "border-border bg-surface p-5 text-fg shadow-2xl " +
            (wide ? "max-w-2xl" : "max-w-md")
          }
        >
          <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
          {description ? (
            <Dialog.Description asChild>
              <div className="mt-1 text-sm text-fg-muted">{description}</div>
            </Dialog.Description>
          ) : (
            // Radix wants a description or an explicit "none".
            <Dialog.Description className="sr-only">{title}</Dialog.Description>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const ModalClose = Dialog.Close;

type ActionsProps = {
  /** The confirming button's test id (Cancel's is `<testId>-cancel`) and words, before and while its action is sent. */
  testId: string;
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  variant?: "primary" | "danger";
  /** Without it the button submits the dialog's form. */
  onClick?: () => void;
  /** Cancel waits while the action is sent (closing would hide how it ends). */
  holdCancel?: boolean;
  className?: string;
};

/** A dialog's buttons: Cancel (closes it), then the one that confirms. */
export function ModalActions({
  testId,
  label,
  pendingLabel,
  pending,
  disabled,
  variant = "primary",
  onClick,
  holdCancel = false,
  className,
}: ActionsProps) {
  return (
    <div className={cn("flex justify-end gap-2", className)}>
      <ModalClose asChild>
        <Button data-testid={`${testId}-cancel`} disabled={holdCancel && pending}>
          Cancel
        </Button>
      </ModalClose>
      <Button
        type={onClick ? "button" : "submit"}
        variant={variant}
        data-testid={testId}
        disabled={disabled}
        pending={pending}
        onClick={onClick}
      >
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
