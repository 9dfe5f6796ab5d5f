// The SSH Keys page's Create Key and Import Key (SSH-01…05): the deploy wizard's own forms
// (their rules asked of Rust, the private key written by the backend where the user says),
// in a dialog, with the help on where to find a public key.

import { useState } from "react";
import { toast } from "sonner";
import { Modal } from "../../components/ui/Modal";
import { SshKeyCreate, SshKeyImport } from "../deploy/SshKeyInline";
import { ImportHelp } from "./ImportHelp";
import type { SshKey } from "./queries";

export type KeyFormMode = "create" | "import";

type Props = { mode: KeyFormMode; keys: readonly SshKey[]; onOpenChange: (open: boolean) => void };

/** After the private key is saved: the key is in every region, ready for the wizard. */
const NEXT_ON_PAGE = "The key is now in every region, ready to choose when you deploy a VM.";

export function KeyFormDialog({ mode, keys, onOpenChange }: Props) {
  // While a key is being created the dialog stays (Esc, the overlay and Cancel do nothing): closing it would hide
  // where the private key went and that it is the only copy.
  const [creating, setCreating] = useState(false);
  const close = () => onOpenChange(false);
  return (
    <Modal
      open
      onOpenChange={(o) => (creating ? undefined : onOpenChange(o))}
      testId="ssh-key-dialog"
      wide
      title={mode === "create" ? "Create Key" : "Import Key"}
      description={
        mode === "create"
          ? "Barrack makes a 2048-bit RSA key pair. You choose where the private key is saved; it is given out once only."
          : "Add a public key you already have; it is copied to every region and can be used at once."
      }
    >
      <div className="mt-4 flex flex-col gap-4">
        {mode === "create" ? (
          <SshKeyCreate
            keys={keys}
            next={NEXT_ON_PAGE}
            onCreated={() => {}}
            onClose={close}
            onPendingChange={setCreating}
          />
        ) : (
          <>
            <ImportHelp />
            <SshKeyImport
              keys={keys}
              onCreated={(key) => {
                toast.success(`SSH key ${key.name} imported`);
                close();
              }}
              onClose={close}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
