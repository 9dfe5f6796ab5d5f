import { useMemo, useState } from "react";
import { Link } from "react-router";
import { Link2, Plus, Unlink } from "lucide-react";
import { pagePath } from "../../app/pages";
import { Button } from "../../components/ui/Button";
import { DataTable, type Column } from "../../components/ui/DataTable";
import type { VM } from "../instances/status";
import { AttachToVmDialog } from "./AttachToVmDialog";
import { CreateForVm } from "./CreateForVm";
import { DetachVolumeDialog } from "./DetachVolumeDialog";
import type { Volume } from "./queries";

type Attachment = VM["volumes"][number];

/** The attached volume as the detach rules need it (the VM's answer carries only this much). */
function asVolume(a: Attachment, vm: VM): Volume {
  return {
    id: a.volume_id,
    name: a.volume_name,
    region: vm.region,
    size_gb: a.size_gb,
    volume_type: "",
    tier: null,
    bootable: a.bootable,
    os_image_id: null,
    status: "ATTACHED",
    instance_id: vm.id,
    instance_name: vm.name,
    instance_status: vm.status,
    created_at: null,
  };
}

/** The volumes attached to the VM (DASH-05), with Attach, Detach and Create Volume (VM-02). */
export function VolumesList({ vm }: { vm: VM }) {
  const [dialog, setDialog] = useState<"attach" | "create" | null>(null);
  const [detaching, setDetaching] = useState<Attachment | null>(null);
  const columns = useMemo<Column<Attachment>[]>(
    () => [
      {
        head: "Name",
        cell: (v) => (
          <Link
            to={`${pagePath("volumes")}?details=${encodeURIComponent(v.volume_id)}`}
            className="hover:underline"
            title="Its details and billing on the Volumes page"
          >
            {v.volume_name}
          </Link>
        ),
      },
      { head: "Size", cell: (v) => (v.size_gb != null ? `${v.size_gb} GB` : "—"), className: "tabular-nums" },
      { head: "Device", cell: (v) => v.device ?? "—", className: "font-mono text-xs" },
      { head: "Boot", cell: (v) => (v.bootable ? "boot volume" : "") },
      {
        head: <span className="sr-only">Actions</span>,
        cell: (v) => (
          <Button data-testid={`vm-volume-detach-${v.volume_name}`} onClick={() => setDetaching(v)}>
            <Unlink aria-hidden className="size-4" />
            Detach
          </Button>
        ),
      },
    ],
    [],
  );
  const close = (open: boolean) => (open ? undefined : setDialog(null));
  return (
    <div className="flex flex-col gap-3">
      {vm.volumes.length === 0 ? (
        <p className="text-sm text-fg-muted">No volumes attached.</p>
      ) : (
        <DataTable
          testId="volumes-table"
          columns={columns}
          rows={vm.volumes}
          rowKey={(v) => v.volume_id}
          rowTestId={(v) => `volume-row-${v.volume_name}`}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button data-testid="vm-volume-attach" onClick={() => setDialog("attach")}>
          <Link2 aria-hidden className="size-4" />
          Attach volume
        </Button>
        <Button data-testid="vm-volume-create" onClick={() => setDialog("create")}>
          <Plus aria-hidden className="size-4" />
          Create Volume
        </Button>
      </div>
      {dialog === "attach" && <AttachToVmDialog vm={vm} onOpenChange={close} />}
      {dialog === "create" && <CreateForVm vm={vm} onOpenChange={close} />}
      {detaching && (
        <DetachVolumeDialog
          volume={asVolume(detaching, vm)}
          vms={[vm]}
          onOpenChange={(open) => (open ? undefined : setDetaching(null))}
        />
      )}
    </div>
  );
}
