import type { Image } from "../storage/queries";
import type { ImageAction } from "./ImageActions";
import { ImageTable } from "./ImageTable";
import type { ImageGroup } from "./versions";

type Props = {
  groups: readonly ImageGroup[];
  snapshotIds: ReadonlySet<string>;
  onAction: (image: Image, a: ImageAction) => void;
};

/** "Group by source VM": each VM's images as versions, newest first. */
export function ImageGroups({ groups, snapshotIds, onAction }: Props) {
  return (
    <div className="flex flex-col gap-5">
      {groups.map((g) => (
        <section key={g.key} data-testid={`image-group-${g.vmName}`} aria-label={`Images of ${g.vmName}`}>
          <h2 className="mb-2 text-sm font-semibold">
            {g.vmName}{" "}
            <span className="font-normal text-fg-muted">
              · {g.images.length} {g.images.length === 1 ? "version" : "versions"}, newest first
            </span>
          </h2>
          <ImageTable images={g.images} snapshotIds={snapshotIds} onAction={onAction} />
        </section>
      ))}
    </div>
  );
}
