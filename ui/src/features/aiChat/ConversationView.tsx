// The questions and answers so far: each answer's Markdown (AnswerBody), what it cost as
// the API said, and a copy button; an error where its question got no answer.

import { memo, useEffect, useRef } from "react";
import { LoaderCircle } from "lucide-react";
import { ErrorBanner } from "../../components/ui/ErrorBanner";
import { AnswerBody } from "./AnswerBody";
import { CopyButton } from "./CopyButton";
import type { Turn } from "./conversation";
import { formatAiCost, formatCount } from "./format";

/** Memoised (its props are stable while a message is typed), as is each row. */
export const ConversationView = memo(function ConversationView({
  turns,
  pending,
  modelName,
}: {
  turns: readonly Turn[];
  pending: boolean;
  modelName: (id: string) => string;
}) {
  // A new question, answer or error comes into view (the start of it: an answer is read
  // from its top).
  const last = useRef<HTMLLIElement>(null);
  const newest = pending ? "pending" : turns.at(-1)?.id;
  useEffect(() => {
    if (newest !== undefined) last.current?.scrollIntoView({ block: "start" });
  }, [newest]);
  if (turns.length === 0 && !pending) {
    return (
      <p data-testid="ai-conversation-empty" className="text-sm text-fg-muted">
        No messages yet. Ask about your VMs, storage or billing; each answer is charged to your balance.
      </p>
    );
  }
  return (
    <ol data-testid="ai-conversation" aria-label="Conversation" className="flex flex-col gap-3">
      {turns.map((t, i) => (
        <li
          key={t.id}
          ref={i === turns.length - 1 && !pending ? last : undefined}
          data-testid={`ai-turn-${t.kind}`}
          data-turn={t.id}
        >
          <TurnView turn={t} modelName={modelName} />
        </li>
      ))}
      {pending && (
        <li ref={last} data-testid="ai-pending" role="status" className="flex items-center gap-2 text-sm text-fg-muted">
          <LoaderCircle aria-hidden className="size-4 animate-spin" /> Waiting for the answer…
        </li>
      )}
    </ol>
  );
});

const TurnView = memo(function TurnView({ turn, modelName }: { turn: Turn; modelName: (id: string) => string }) {
  switch (turn.kind) {
    case "question":
      return (
        <div className="ml-auto max-w-[85%] rounded-lg bg-surface-2 px-3 py-2">
          <p className="text-xs text-fg-muted">You{turn.failed ? " (not answered)" : ""}</p>
          <p data-testid="ai-question-text" className="text-sm whitespace-pre-wrap">
            {turn.text}
          </p>
        </div>
      );
    case "answer":
      return (
        <div className="rounded-lg border border-border px-3 py-2">
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-fg-muted">
            <span data-testid="ai-answer-meta">
              {modelName(turn.model)} · {formatCount(turn.tokens)} tokens · cost{" "}
              <span data-testid="ai-answer-cost">{formatAiCost(turn.cost, turn.currency)}</span>
            </span>
            <CopyButton text={turn.text} testId="ai-answer-copy" label="Copy the whole answer" what="Answer" />
          </div>
          <div data-testid="ai-answer-body">
            <AnswerBody text={turn.text} />
          </div>
        </div>
      );
    case "error":
      return <ErrorBanner error={turn.error} />;
  }
});
