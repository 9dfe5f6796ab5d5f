// What can be done with a volume, and why not when it cannot (VOL-04, VOL-31, VOL-40).

import { Copy, Eye, Link2, Maximize2, Unlink } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { DeleteButton } from "../../components/ui/ItemButtons";
import { isInProgress } from "../storage/status";
import type { Volume } from "./queries";

export type VolumeAction = "details" | "attach" | "detach" | "clone" | "resize" | "delete";

/** Why a volume cannot be deleted now (VOL-40), or null. */
export function deleteBlocked(v: Volume): string | null {
  if (v.instance_id != null) return `Attached to ${v.instance_name ?? "a VM"}: detach it first.`;
  if (isInProgress(v.status)) return `The volume is ${v.status}: wait until it has finished.`;
  return null;
}

/** Why a volume cannot be cloned or resized now, or null. */
export function busy(v: Volume): string | null {
  return isInProgress(v.status) ? `The volume is ${v.status}: wait until it has finished.` : null;
}

/** The buttons of a card or a table row. */
export function VolumeActions({ volume: v, onAction }: { volume: Volume; onAction: (a: VolumeAction) => void }) {
  const blocked = deleteBlocked(v);
  const waiting = busy(v);
  return (
    <div className="flex flex-wrap gap-2">
      <Button data-testid={`volume-details-${v.name}`} onClick={() => onAction("details")}>
        <Eye aria-hidden className="size-4" />
        Details
      </Button>
      {v.instance_id != null ? (
        <Button data-testid={`volume-detach-${v.name}`} onClick={() => onAction("detach")}>
          <Unlink aria-hidden className="size-4" />
          Detach
        </Button>
      ) : (
        <Button
          data-testid={`volume-attach-${v.name}`}
          disabled={waiting !== null}
          title={waiting ?? undefined}
          onClick={() => onAction("attach")}
        >
          <Link2 aria-hidden className="size-4" />
          Attach
        </Button>
      )}
      <Button
        data-testid={`volume-clone-${v.name}`}
        disabled={waiting !== null}
        title={waiting ?? undefined}
        onClick={() => onAction("clone")}
      >
        <Copy aria-hidden className="size-4" />
        Clone
      </Button>
      <Button
        data-testid={`volume-resize-${v.name}`}
        disabled={waiting !== null}
        title={waiting ?? undefined}
        onClick={() => onAction("resize")}
      >
        <Maximize2 aria-hidden className="size-4" />
        Resize
      </Button>
      {blocked ? (
        <span title={blocked}>
          <Button variant="danger" data-testid={`volume-delete-${v.name}`} disabled aria-label={`Delete: ${blocked}`}>
            Delete
          </Button>
        </span>
      ) : (
        <DeleteButton testId={`volume-delete-${v.name}`} onClick={() => onAction("delete")} />
      )}
    </div>
  );
}
