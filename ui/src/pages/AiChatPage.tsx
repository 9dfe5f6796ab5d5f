import { useCallback, useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { MessageSquarePlus } from "lucide-react";
import { Button } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { DataStatus } from "../components/ui/DataStatus";
import { PageHeader } from "../components/ui/PageHeader";
import { useSession } from "../features/account/session";
import { Composer } from "../features/aiChat/Composer";
import { ConversationView } from "../features/aiChat/ConversationView";
import { ModelPicker } from "../features/aiChat/ModelPicker";
import { UsagePanel } from "../features/aiChat/UsagePanel";
import { conversation, ownerOf, useConversation } from "../features/aiChat/conversation";
import { useAiModels, useAsk } from "../features/aiChat/queries";

const NONE: never[] = [];

/**
 * AI-01/02: chat with a model picked from the models endpoint — answers rendered as inert
 * Markdown — beside the usage summary and history with their costs. The conversation and
 * the draft live outside the page (conversation.ts): leaving the page loses nothing.
 */
export function AiChatPage() {
  const owner = ownerOf(useSession().data);
  const chat = useConversation(owner);
  const models = useAiModels();
  const list = models.data ?? NONE;
  const ask = useAsk();
  const prompt = useRef<HTMLTextAreaElement>(null);
  const [params, setParams] = useSearchParams();

  // The first model until one is picked (or when the picked one is gone).
  const first = list[0]?.id;
  const picked = chat.model !== null && list.some((m) => m.id === chat.model);
  useEffect(() => {
    if (owner !== null && first && !picked) conversation.setModel(first);
  }, [owner, first, picked]);

  const names = useMemo(() => new Map(list.map((m) => [m.id, m.name || m.id])), [list]);
  const modelName = useCallback((id: string) => names.get(id) ?? id, [names]);

  // `?new=1` (a link or the palette): a new conversation, the message box focused.
  const asked = params.get("new") === "1";
  useEffect(() => {
    if (!asked) return;
    conversation.clear();
    prompt.current?.focus();
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete("new");
        return next;
      },
      { replace: true },
    );
  }, [asked, setParams]);

  return (
    <div data-testid="page-ai-chat">
      <div data-testid="ai-chat-page" className="flex flex-col gap-4">
        <PageHeader
          page="ai-chat"
          actions={
            <Button
              data-testid="ai-new-conversation"
              disabled={chat.turns.length === 0 && !chat.pending}
              onClick={() => {
                conversation.clear();
                prompt.current?.focus();
              }}
            >
              <MessageSquarePlus aria-hidden className="size-4" />
              New conversation
            </Button>
          }
        />
        <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[minmax(0,1fr)_28rem]">
          <Card data-testid="ai-chat" className="flex min-w-0 flex-col gap-4">
            <DataStatus query={models} />
            {models.isPending ? (
              <p className="text-sm text-fg-muted">Loading the models…</p>
            ) : (
              list.length > 0 && (
                <ModelPicker models={list} value={chat.model} onChange={(id) => conversation.setModel(id)} />
              )
            )}
            <ConversationView turns={chat.turns} pending={chat.pending} modelName={modelName} />
            <Composer
              draft={chat.draft}
              onDraft={(text) => conversation.setDraft(text)}
              onSend={() => void ask()}
              pending={chat.pending}
              canSend={picked && owner !== null}
              inputRef={prompt}
            />
          </Card>
          <UsagePanel modelName={modelName} />
        </div>
      </div>
    </div>
  );
}
