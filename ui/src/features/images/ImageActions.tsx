import { Info, Rocket, Trash2 } from "lucide-react";
import { Link } from "react-router";
import { deployPath } from "../deploy/draft";
import { Button } from "../../components/ui/Button";
import type { Image } from "../storage/queries";
import { deployVerdict } from "./versions";

export type ImageAction = "details" | "delete";

const LINK =
  "inline-flex items-center justify-center gap-2 rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-fg hover:opacity-90";

/** Deploy (Available images only, IMG-05), details and delete for one image. */
export function ImageActions({ image, onAction }: { image: Image; onAction: (a: ImageAction) => void }) {
  const reason = deployVerdict(image);
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {reason === null ? (
        <Link
          data-testid={`image-deploy-${image.name}`}
          to={deployPath({ region: image.region, bootKind: "custom_image", bootId: image.id, bootName: image.name })}
          className={LINK}
        >
          <Rocket aria-hidden className="size-4" />
          Deploy
        </Link>
      ) : (
        <Button data-testid={`image-deploy-${image.name}`} disabled title={reason}>
          <Rocket aria-hidden className="size-4" />
          Deploy
        </Button>
      )}
      <Button
        data-testid={`image-details-${image.name}`}
        aria-label={`Details of ${image.name}`}
        title="Details"
        onClick={() => onAction("details")}
      >
        <Info aria-hidden className="size-4" />
      </Button>
      <Button variant="danger" data-testid={`image-delete-${image.name}`} onClick={() => onAction("delete")}>
        <Trash2 aria-hidden className="size-4" />
        Delete
      </Button>
    </div>
  );
}
