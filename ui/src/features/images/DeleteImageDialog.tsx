import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { useDeleteImage } from "./mutations";
import type { Image } from "../storage/queries";

/** Deletes one image after asking (IMG-04/06); a refusal stays in the dialog. */
export function DeleteImageDialog({ image, onOpenChange }: { image: Image; onOpenChange: (open: boolean) => void }) {
  return (
    <DeleteDialog onOpenChange={onOpenChange} noun="image" id={image.id} name={image.name} deletion={useDeleteImage()}>
      VMs deployed from it are not affected, and neither is the snapshot it was made from.
    </DeleteDialog>
  );
}
