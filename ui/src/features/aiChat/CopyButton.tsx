import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "../../components/ui/Button";

/** Copies `text` to the clipboard, says so (or how to copy by hand when it cannot). */
export function CopyButton({
  text,
  testId,
  label,
  what,
}: {
  text: string;
  testId: string;
  label: string;
  what: string;
}) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(`${what} copied`);
    } catch {
      toast.error("Could not copy; select the text and copy it by hand.");
    }
  }
  return (
    <Button
      variant="ghost"
      className="px-2 py-1 text-xs"
      data-testid={testId}
      aria-label={label}
      onClick={() => void copy()}
    >
      <Copy aria-hidden className="size-3.5" />
      Copy
    </Button>
  );
}
