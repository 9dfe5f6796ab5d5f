import { ImagePlus, Info, RotateCcw, Trash2 } from "lucide-react";
import { Link } from "react-router";
import { Button } from "../../components/ui/Button";
import { imagesPath } from "../images/paths";
import type { Snapshot } from "../storage/queries";
import { imageVerdict, restoreVerdict } from "./eligibility";

export type SnapshotAction = "details" | "restore" | "delete";

type Props = { snapshot: Snapshot; onAction: (action: SnapshotAction) => void };

const LINK =
  "inline-flex items-center justify-center gap-2 rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2";

/**
 * What can be done with one snapshot, on a card or a table row. Restore and "Create image"
 * need a SUCCESS snapshot: otherwise disabled, saying why (SNAP-30, IMG-02).
 */
export function SnapshotActions({ snapshot: s, onAction }: Props) {
  const restoreReason = restoreVerdict(s);
  const imageReason = imageVerdict(s);
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        data-testid={`snapshot-details-${s.name}`}
        aria-label={`Details of ${s.name}`}
        title="Details"
        onClick={() => onAction("details")}
      >
        <Info aria-hidden className="size-4" />
      </Button>
      <Button
        data-testid={`snapshot-restore-${s.name}`}
        disabled={restoreReason !== null}
        title={restoreReason ?? "Restore to a new VM"}
        onClick={() => onAction("restore")}
      >
        <RotateCcw aria-hidden className="size-4" />
        Restore
      </Button>
      {imageReason === null ? (
        <Link
          data-testid={`snapshot-make-image-${s.name}`}
          to={imagesPath({ create: s.id })}
          className={LINK}
          title="Create image from this snapshot"
        >
          <ImagePlus aria-hidden className="size-4" />
          Create image
        </Link>
      ) : (
        <Button data-testid={`snapshot-make-image-${s.name}`} disabled title={imageReason}>
          <ImagePlus aria-hidden className="size-4" />
          Create image
        </Button>
      )}
      <Button variant="danger" data-testid={`snapshot-delete-${s.name}`} onClick={() => onAction("delete")}>
        <Trash2 aria-hidden className="size-4" />
        Delete
      </Button>
    </div>
  );
}
