import { useState } from "react";
import { toast } from "sonner";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { DataTable, type Column } from "../../components/ui/DataTable";
import { ErrorAlert } from "../../components/ui/Alert";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { useDetachFirewall } from "./mutations";
import type { Firewall } from "./queries";

type Attachment = Firewall["attachments"][number];

/** The "Attached VMs" tab (FW-21): each VM with its attachment status, detached after a warning. */
export function AttachedVms({ firewall }: { firewall: Firewall }) {
  const detach = useDetachFirewall(firewall.id);
  const guard = useSubmitGuard();
  const [asked, setAsked] = useState<Attachment | null>(null);
  const columns: Column<Attachment>[] = [
    { head: "VM", cell: (a) => a.instance_name || a.instance_id, className: "font-medium break-all" },
    { head: "VM status", cell: (a) => a.instance_status },
    { head: "Attachment", cell: (a) => a.status },
    {
      head: <span className="sr-only">Actions</span>,
      cell: (a) => (
        <Button data-testid={`detach-${a.instance_name}`} onClick={() => setAsked(a)}>
          Detach
        </Button>
      ),
      className: "text-right",
    },
  ];

  const confirm = () =>
    void guard(async () => {
      if (!asked) return;
      try {
        await detach.mutateAsync([asked.instance_id]);
        toast.success(`${firewall.name} detached from ${asked.instance_name}`);
        setAsked(null);
      } catch {
        // Shown in the dialog, which stays open.
      }
    });

  return (
    <>
      {firewall.attachments.length === 0 ? (
        <p data-testid="attached-empty" className="text-sm text-fg-muted">
          Not attached to any VM.
        </p>
      ) : (
        <DataTable
          testId="attached-vms"
          columns={columns}
          rows={firewall.attachments}
          rowKey={(a) => a.instance_id}
          rowTestId={(a) => `attached-${a.instance_name}`}
        />
      )}
      <ConfirmDialog
        open={asked !== null}
        onOpenChange={(o) => {
          if (!o && !detach.isPending) {
            setAsked(null);
            detach.reset();
          }
        }}
        title={`Detach ${firewall.name} from ${asked?.instance_name ?? ""}?`}
        confirmLabel="Detach"
        pending={detach.isPending}
        onConfirm={confirm}
        footer={detach.error && <ErrorAlert testId="detach-error" error={detach.error} />}
      >
        The VM loses this firewall's protection at once: only its own rules apply from then on.
      </ConfirmDialog>
    </>
  );
}
