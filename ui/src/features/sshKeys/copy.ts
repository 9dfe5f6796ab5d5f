import { toast } from "sonner";

/** Copies `text` and says so; when the clipboard refuses, says how to copy it by hand. */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error("Could not copy; select the text and copy it by hand.");
  }
}
