// The message being typed (kept in the conversation, so it survives leaving the page) and
// Send. Enter sends; Shift+Enter starts a new line.

import { Send as SendIcon } from "lucide-react";
import type { Ref } from "react";
import { Button } from "../../components/ui/Button";

export function Composer({
  draft,
  onDraft,
  onSend,
  pending,
  canSend,
  inputRef,
}: {
  draft: string;
  onDraft: (text: string) => void;
  onSend: () => void;
  pending: boolean;
  /** A model is picked and nothing is on its way. */
  canSend: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const ready = canSend && !pending && draft.trim() !== "";
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSend();
      }}
    >
      <label htmlFor="ai-prompt" className="sr-only">
        Message
      </label>
      <textarea
        id="ai-prompt"
        data-testid="ai-prompt"
        ref={inputRef}
        rows={3}
        value={draft}
        placeholder="Ask something…"
        aria-describedby="ai-prompt-hint"
        onChange={(e) => onDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            if (ready) onSend();
          }
        }}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted"
      />
      <div className="flex items-center justify-between gap-3">
        <p id="ai-prompt-hint" className="text-xs text-fg-muted">
          Enter sends, Shift+Enter starts a new line. Each answer is charged to your balance.
        </p>
        <Button type="submit" variant="primary" data-testid="ai-send" pending={pending} disabled={!ready}>
          <SendIcon aria-hidden className="size-4" />
          {pending ? "Sending…" : "Send"}
        </Button>
      </div>
    </form>
  );
}
