import { Rocket } from "lucide-react";
import { deployPath } from "../deploy/draft";
import { DeleteButton, DetailsButton } from "../../components/ui/ItemButtons";
import { LinkButton } from "../../components/ui/LinkButton";
import type { Image } from "../storage/queries";
import { deployVerdict } from "./versions";

export type ImageAction = "details" | "delete";

/** Deploy (Available images only, IMG-05), details and delete for one image. */
export function ImageActions({ image, onAction }: { image: Image; onAction: (a: ImageAction) => void }) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <LinkButton
        variant="primary"
        testId={`image-deploy-${image.name}`}
        to={deployPath({ region: image.region, bootKind: "custom_image", bootId: image.id, bootName: image.name })}
        reason={deployVerdict(image)}
      >
        <Rocket aria-hidden className="size-4" />
        Deploy
      </LinkButton>
      <DetailsButton testId={`image-details-${image.name}`} name={image.name} onClick={() => onAction("details")} />
      <DeleteButton testId={`image-delete-${image.name}`} onClick={() => onAction("delete")} />
    </div>
  );
}
