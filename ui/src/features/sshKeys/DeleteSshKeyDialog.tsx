// Deleting a key (SSH-20, SSH-21, GEN-01): asked of Rust first. A key a VM uses is refused
// before anything is sent, naming the VMs; another is deleted after a confirmation.

import { Link } from "react-router";
import { Button } from "../../components/ui/Button";
import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { Modal, ModalClose } from "../../components/ui/Modal";
import { errorAt } from "../../lib/checks";
import { useCheck } from "../../lib/useCheck";
import { sshKeyDeletionCheck } from "./checks";
import { useDeleteSshKey } from "./mutations";
import type { SshKey } from "./queries";
import type { KeyUser } from "./usedBy";

type Props = { sshKey: SshKey; users: KeyUser[]; onOpenChange: (open: boolean) => void };

export function DeleteSshKeyDialog({ sshKey, users, onOpenChange }: Props) {
  const deletion = useDeleteSshKey();
  const check = useCheck(sshKeyDeletionCheck, { name: sshKey.name, usedBy: users.map((u) => u.name) });
  const answer = check.data;
  // Until Rust has answered, nothing is offered (it answers at once)…
  if (answer === undefined && !check.error) return null;
  const refusal = answer && errorAt(answer, "usedBy");
  if (refusal) return <InUse sshKey={sshKey} users={users} refusal={refusal} onOpenChange={onOpenChange} />;
  // …unless the check itself failed: the confirmation is still offered (the server refuses a key in use),
  // saying why the usual words are missing.
  return (
    <DeleteDialog onOpenChange={onOpenChange} noun="SSH key" id={sshKey.id} name={sshKey.name} deletion={deletion}>
      {check.error ? (
        <span data-testid="ssh-key-deletion-check-error" role="alert" className="text-danger">
          Whether a VM uses this key could not be checked ({check.error.serverMessage}). If one does, the server refuses
          to delete it and says so here. It is removed from every region at once.
        </span>
      ) : (
        <>
          It is removed from every region at once. No VM uses it now; VMs deployed with it later would not get it. Keep
          at least one key that works for your VMs.
        </>
      )}
    </DeleteDialog>
  );
}

function InUse({ sshKey, users, refusal, onOpenChange }: Props & { refusal: string }) {
  return (
    <Modal open onOpenChange={onOpenChange} testId="ssh-key-in-use" title={`SSH key ${sshKey.name} is in use`}>
      <p data-testid="ssh-key-in-use-reason" role="alert" className="mt-3 text-sm">
        {refusal}
      </p>
      <ul className="mt-3 flex flex-col gap-1 text-sm">
        {users.map((u) => (
          <li key={u.id}>
            <Link
              to={`/instances/${encodeURIComponent(u.id)}`}
              data-testid={`ssh-key-in-use-vm-${u.name}`}
              className="text-primary underline"
            >
              {u.name}
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-5 flex justify-end">
        <ModalClose asChild>
          <Button data-testid="ssh-key-in-use-close">Close</Button>
        </ModalClose>
      </div>
    </Modal>
  );
}
