// An answer on screen: its Markdown, fetched with the renderer's chunk the first time an
// answer shows (the parser stays out of the main bundle), a part at a time
// (answerChunks.ts) with "Show more". Until the renderer is there — or if it ever fails —
// the same part shows as plain text, which is as inert.

import { Component, lazy, memo, Suspense, useState, type ReactNode } from "react";
import { Button } from "../../components/ui/Button";
import { ANSWER_CHUNK_CHARS, shownEnd } from "./answerChunks";
import { formatCount } from "./format";

const Markdown = lazy(() => import("./Markdown"));

function PlainText({ text }: { text: string }) {
  return (
    <p data-testid="answer-plain" className="text-sm whitespace-pre-wrap">
      {text}
    </p>
  );
}

/** Shows `fallback` instead of its children once they threw while rendering. */
class PlainOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Memoised: typing in the message box re-renders the page, never an answer. */
export const AnswerBody = memo(function AnswerBody({ text }: { text: string }) {
  const [budget, setBudget] = useState(ANSWER_CHUNK_CHARS);
  const end = shownEnd(text, budget);
  const shown = text.slice(0, end);
  const plain = <PlainText text={shown} />;
  return (
    <div className="flex flex-col gap-2">
      <PlainOnError fallback={plain}>
        <Suspense fallback={plain}>
          <Markdown text={shown} />
        </Suspense>
      </PlainOnError>
      {end < text.length && (
        <div className="flex flex-wrap items-center gap-3 text-xs text-fg-muted">
          <span data-testid="answer-shown">
            Showing {formatCount(end)} of {formatCount(text.length)} characters.
          </span>
          <Button data-testid="answer-show-more" onClick={() => setBudget(end + ANSWER_CHUNK_CHARS)}>
            Show more
          </Button>
        </div>
      )}
    </div>
  );
});
