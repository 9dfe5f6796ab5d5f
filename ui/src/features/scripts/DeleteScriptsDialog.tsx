import { toast } from "sonner";
import { ErrorAlert } from "../../components/ui/Alert";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { useDeleteScripts } from "./mutations";
import type { Script } from "./queries";

type Props = {
  /** The scripts ticked in the list. */
  scripts: readonly Script[];
  onOpenChange: (open: boolean) => void;
  /** After the request: the selection is cleared. */
  onDeleted: () => void;
};

function countOf(n: number): string {
  return n === 1 ? "1 script" : `${n} scripts`;
}

/** Asks before deleting the selected scripts at once (SCR-01, the bulk endpoint), naming each. */
export function DeleteScriptsDialog({ scripts, onOpenChange, onDeleted }: Props) {
  const deletion = useDeleteScripts();
  const guard = useSubmitGuard();
  const confirm = () =>
    void guard(async () => {
      const res = await deletion.mutateAsync(scripts.map((s) => s.id));
      // Already gone (deleted elsewhere) is not a failure: they are not there any more either way.
      toast.success(`${countOf(res.deleted.length)} deleted`, {
        description: res.not_found.length ? `${countOf(res.not_found.length)} had already been deleted.` : undefined,
      });
      onDeleted();
      onOpenChange(false);
    });
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (deletion.isPending ? undefined : onOpenChange(o))}
      title={`Delete ${countOf(scripts.length)}?`}
      confirmLabel="Delete"
      pending={deletion.isPending}
      onConfirm={confirm}
      footer={
        <>
          <ul data-testid="bulk-delete-names" className="max-h-40 list-disc overflow-y-auto pl-5">
            {scripts.map((s) => (
              <li key={s.id} className="break-all">
                {s.name}
              </li>
            ))}
          </ul>
          {deletion.error && (
            <div className="mt-3">
              <ErrorAlert testId="delete-error" error={deletion.error} />
            </div>
          )}
        </>
      }
    >
      These scripts will be deleted permanently. This action cannot be undone. VMs already deployed with them are not
      affected.
    </ConfirmDialog>
  );
}
