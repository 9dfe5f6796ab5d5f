// The AI endpoints: the models to pick from (AI-01), the usage summary and the usage
// history (AI-02), and asking (the answer goes to the conversation, conversation.ts).

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type ChatCompletionsRequest_Deserialize } from "../../bindings";
import { call } from "../../lib/ipc";
import { keys } from "../../lib/queryClient";
import { conversation } from "./conversation";

export const aiKeys = {
  all: ["ai"] as const,
  models: ["ai", "models"] as const,
  usage: ["ai", "usage"] as const,
  summary: ["ai", "usage", "summary"] as const,
  history: (page: number) => ["ai", "usage", "history", page] as const,
};

/** Rows of the usage history a page. */
export const HISTORY_PER_PAGE = 10;

export function useAiModels() {
  return useQuery({
    queryKey: aiKeys.models,
    queryFn: async () => (await call(commands.aiModels())).models,
    meta: { quiet: true },
  });
}

export function useAiUsageSummary() {
  return useQuery({
    queryKey: aiKeys.summary,
    queryFn: () => call(commands.aiUsageSummary()),
    meta: { quiet: true },
  });
}

export function useAiUsageHistory(page: number) {
  return useQuery({
    queryKey: aiKeys.history(page),
    queryFn: () => call(commands.aiUsageHistory({ page, limit: HISTORY_PER_PAGE })),
    meta: { quiet: true },
    placeholderData: keepPreviousData,
  });
}

/**
 * Sends the draft (conversation.ask). The request runs as a mutation, so an offline or
 * refused key is noted as everywhere else; its error is shown in the conversation, not as a
 * toast. After an answer the usage and the balance are read again: the answer was charged.
 */
export function useAsk(): () => Promise<void> {
  const qc = useQueryClient();
  const chat = useMutation({
    mutationFn: (request: ChatCompletionsRequest_Deserialize) => call(commands.aiChat(request)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: aiKeys.usage });
      void qc.invalidateQueries({ queryKey: keys.balance });
    },
    meta: { quiet: true },
  });
  return () => conversation.ask(chat.mutateAsync);
}
