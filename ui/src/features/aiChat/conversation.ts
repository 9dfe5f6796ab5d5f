// The conversation on the AI Chat page, kept outside the page so that leaving it loses
// nothing: the model picked, the message being typed, the questions and answers, and an
// answer still on its way (it lands here even if the page was left meanwhile). It belongs
// to one account: another profile starts an empty one.

import { useEffect, useSyncExternalStore } from "react";
import type {
  ChatCompletionsRequest_Deserialize,
  ChatCompletionsResponse_Serialize,
  ChatMessage_Deserialize,
} from "../../bindings";
import { toAppError, type AppError } from "../../lib/ipc";

export type Turn =
  /** What was asked; `failed` once its request failed (it is then not sent as context). */
  | { id: number; kind: "question"; text: string; failed: boolean }
  | {
      id: number;
      kind: "answer";
      text: string;
      model: string;
      cost: number | null;
      currency: string | null;
      tokens: number | null;
    }
  /** Why a question got no answer, in the conversation where it was asked. */
  | { id: number; kind: "error"; error: AppError };

export type ConversationState = {
  /** The account it belongs to (see `ownerOf`). */
  owner: string | null;
  model: string | null;
  draft: string;
  turns: readonly Turn[];
  pending: boolean;
};

/** How many earlier messages go with a question as context, and how long each may be. */
export const CONTEXT_MESSAGES = 20;
export const CONTEXT_MESSAGE_CHARS = 16_000;

const EMPTY: ConversationState = { owner: null, model: null, draft: "", turns: [], pending: false };

let state: ConversationState = EMPTY;
/** Bumped when the conversation is replaced: an answer to the old one is dropped. */
let generation = 0;
let nextId = 1;
const listeners = new Set<() => void>();

function set(patch: Partial<ConversationState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

/** The messages sent for `question`: the recent answered exchange, each cut to a sane size. */
export function contextMessages(turns: readonly Turn[], question: string): ChatMessage_Deserialize[] {
  const earlier: ChatMessage_Deserialize[] = [];
  for (const t of turns) {
    if (t.kind === "question" && !t.failed) earlier.push({ role: "user", content: t.text });
    if (t.kind === "answer") earlier.push({ role: "assistant", content: t.text });
  }
  return [...earlier.slice(-CONTEXT_MESSAGES), { role: "user", content: question }].map((m) => ({
    role: m.role,
    content: (m.content ?? "").slice(0, CONTEXT_MESSAGE_CHARS),
  }));
}

export type Send = (request: ChatCompletionsRequest_Deserialize) => Promise<ChatCompletionsResponse_Serialize>;

export const conversation = {
  get: (): ConversationState => state,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** The conversation is `owner`'s from now on: another account's is dropped. */
  claim(owner: string | null) {
    // No account yet (the session is loading): nothing to decide.
    if (owner === null || state.owner === owner) return;
    generation += 1;
    state = { ...EMPTY, owner };
    listeners.forEach((l) => l());
  },
  setDraft: (draft: string) => set({ draft }),
  setModel: (model: string) => set({ model }),
  /** A new conversation: the turns go (and an answer on its way is dropped); model and draft stay. */
  clear() {
    generation += 1;
    set({ turns: [], pending: false });
  },
  /**
   * Sends the draft with the conversation so far. The question shows at once and the draft
   * empties; the answer, or the error, follows it. On an error the question is put back in
   * the draft (unless something new was typed meanwhile), so nothing typed is lost.
   */
  async ask(send: Send): Promise<void> {
    const question = state.draft.trim();
    const model = state.model;
    if (!question || !model || state.pending) return;
    const mine = generation;
    const asked: Turn = { id: nextId++, kind: "question", text: question, failed: false };
    const messages = contextMessages(state.turns, question);
    set({ turns: [...state.turns, asked], draft: "", pending: true });
    try {
      const r = await send({ model, messages });
      if (mine !== generation) return;
      const text = r.choices[0]?.message.content ?? "";
      const answer: Turn = {
        id: nextId++,
        kind: "answer",
        text,
        model: r.model || model,
        cost: r.cost,
        currency: r.currency,
        tokens: r.usage.total_tokens,
      };
      set({ turns: [...state.turns, answer], pending: false });
    } catch (e) {
      if (mine !== generation) return;
      const turns = state.turns.map((t) => (t.id === asked.id ? { ...asked, failed: true } : t));
      set({
        turns: [...turns, { id: nextId++, kind: "error", error: toAppError(e) }],
        pending: false,
        draft: state.draft === "" ? question : state.draft,
      });
    }
  },
  /** For tests. */
  reset() {
    generation += 1;
    state = EMPTY;
    listeners.forEach((l) => l());
  },
};

/** Whose conversation: the profile (and whether it is the sandbox's). */
export function ownerOf(session: { profile: string | null; sandbox: boolean } | undefined): string | null {
  return session?.profile ? `${session.sandbox ? "sandbox" : "profile"}:${session.profile}` : null;
}

/** The conversation of `owner` (an empty one until it is claimed). */
export function useConversation(owner: string | null): ConversationState {
  const current = useSyncExternalStore(conversation.subscribe, conversation.get, conversation.get);
  useEffect(() => conversation.claim(owner), [owner]);
  return current.owner === owner ? current : { ...EMPTY, owner };
}
