import { toast } from "sonner";
import { useSubmitGuard } from "../../lib/useSubmitGuard";
import { DeleteDialog } from "../../components/ui/DeleteDialog";
import { useDeleteImage } from "./mutations";
import type { Image } from "../storage/queries";

/** Deletes one image after asking (IMG-04/06); a refusal stays in the dialog. */
export function DeleteImageDialog({ image, onOpenChange }: { image: Image; onOpenChange: (open: boolean) => void }) {
  const del = useDeleteImage();
  const guard = useSubmitGuard();
  // Awaited: the list drops the image (unmounting this dialog) before a `mutate` callback.
  const confirm = () =>
    void guard(async () => {
      await del.mutateAsync(image.id);
      toast.success(`Image ${image.name} deleted`);
      onOpenChange(false);
    });
  return (
    <DeleteDialog
      open
      onOpenChange={onOpenChange}
      noun="image"
      name={image.name}
      pending={del.isPending}
      error={del.error}
      onConfirm={confirm}
    >
      VMs deployed from it are not affected, and neither is the snapshot it was made from.
    </DeleteDialog>
  );
}
