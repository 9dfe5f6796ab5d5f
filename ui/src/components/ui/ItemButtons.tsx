import { Info, Trash2 } from "lucide-react";
import { Button } from "./Button";

/** An item's details, as an icon button named for the item. */
export function DetailsButton({ testId, name, onClick }: { testId: string; name: string; onClick: () => void }) {
  return (
    <Button data-testid={testId} aria-label={`Details of ${name}`} title="Details" onClick={onClick}>
      <Info aria-hidden className="size-4" />
    </Button>
  );
}

/** Asks to delete an item (the dialog it opens names it again). */
export function DeleteButton({ testId, onClick }: { testId: string; onClick: () => void }) {
  return (
    <Button variant="danger" data-testid={testId} onClick={onClick}>
      <Trash2 aria-hidden className="size-4" />
      Delete
    </Button>
  );
}
