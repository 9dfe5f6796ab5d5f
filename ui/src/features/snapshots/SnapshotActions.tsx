import { ImagePlus, RotateCcw } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { DeleteButton, DetailsButton } from "../../components/ui/ItemButtons";
import { LinkButton } from "../../components/ui/LinkButton";
import { imagesPath } from "../images/paths";
import type { Snapshot } from "../storage/queries";
import { imageVerdict, restoreVerdict } from "./eligibility";

export type SnapshotAction = "details" | "restore" | "delete";

type Props = { snapshot: Snapshot; onAction: (action: SnapshotAction) => void };

/**
 * What can be done with one snapshot, on a card or a table row. Restore and "Create image"
 * need a SUCCESS snapshot: otherwise disabled, saying why (SNAP-30, IMG-02).
 */
export function SnapshotActions({ snapshot: s, onAction }: Props) {
  const restoreReason = restoreVerdict(s);
  return (
    <div className="flex flex-wrap gap-2">
      <DetailsButton testId={`snapshot-details-${s.name}`} name={s.name} onClick={() => onAction("details")} />
      <Button
        data-testid={`snapshot-restore-${s.name}`}
        disabled={restoreReason !== null}
        title={restoreReason ?? "Restore to a new VM"}
        onClick={() => onAction("restore")}
      >
        <RotateCcw aria-hidden className="size-4" />
        Restore
      </Button>
      <LinkButton
        testId={`snapshot-make-image-${s.name}`}
        to={imagesPath({ create: s.id })}
        reason={imageVerdict(s)}
        title="Create image from this snapshot"
      >
        <ImagePlus aria-hidden className="size-4" />
        Create image
      </LinkButton>
      <DeleteButton testId={`snapshot-delete-${s.name}`} onClick={() => onAction("delete")} />
    </div>
  );
}
