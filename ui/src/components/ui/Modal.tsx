import type { ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";

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
