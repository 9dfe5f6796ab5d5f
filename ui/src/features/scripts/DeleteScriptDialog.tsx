import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { useDeleteScript } from "./mutations";
import type { Script } from "./queries";

/** Asks before deleting one script (SCR-01), naming it. */
export function DeleteScriptDialog({ script, onOpenChange }: { script: Script; onOpenChange: (o: boolean) => void }) {
  const deletion = useDeleteScript();
  return (
    <DeleteDialog onOpenChange={onOpenChange} noun="script" id={script.id} name={script.name} deletion={deletion}>
      VMs already deployed with it are not affected; the deploy wizard can no longer pick it.
    </DeleteDialog>
  );
}
