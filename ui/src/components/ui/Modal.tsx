import { useLayoutEffect, useRef, type ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { cn } from "../../lib/cn";
import { Button } from "./Button";

type FrameProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  testId?: string;
  /** Where it sits and how wide it is (the frame's look is shared). */
  className?: string;
  /** The content names no description (Radix otherwise asks for one). */
  noDescription?: boolean;
  children: ReactNode;
};

/** The element that had focus before a dialog took it, if it can take it back. */
function activeElement(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/**
 * Every dialog of the app: overlay, a modal panel that keeps Tab inside it (Tab from the
 * last element goes to the first, Shift+Tab from the first to the last), Escape closes it,
 * and on close focus goes back to the element that opened it — also when it was opened
 * without a Radix trigger (from state, a menu, an event), where Radix alone would drop it.
 */
export function DialogFrame({ open, onOpenChange, testId, className, noDescription, children }: FrameProps) {
  const opener = useRef<HTMLElement | null>(null);
  // On opening, before the content mounts (Radix's portal renders it a render later, and a
  // field with autoFocus takes focus as it mounts): what has focus now opened the dialog.
  useLayoutEffect(() => {
    if (open) opener.current = activeElement();
  }, [open]);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          data-testid={testId}
          {...(noDescription ? { "aria-describedby": undefined } : {})}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            const back = opener.current;
            opener.current = null;
            if (back?.isConnected) back.focus();
          }}
          className={cn(
            "fixed left-1/2 z-50 w-full -translate-x-1/2 rounded-lg border border-border bg-surface text-fg shadow-2xl",
            className,
          )}
        >
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

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

/** The frame every storage dialog shares: title, description, scrolling body. */
export function Modal({ open, onOpenChange, title, description, testId, wide, children }: Props) {
  return (
    <DialogFrame
      open={open}
      onOpenChange={onOpenChange}
      testId={testId}
      className={cn("top-[10vh] max-h-[80vh] overflow-y-auto p-5", wide ? "max-w-2xl" : "max-w-md")}
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
    </DialogFrame>
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
