// Test data for the AI Chat page: the models, usage and answers a fake backend gives.

import type {
  AIModel_Serialize,
  AITransaction_Serialize,
  ChatCompletionsResponse_Serialize,
  UsageHistoryResponse_Serialize,
  UsageSummaryResponse_Serialize,
} from "../../bindings";

export const MODELS: AIModel_Serialize[] = [
  {
    id: "llama-3.1-8b-instruct",
    name: "Llama 3.1 8B Instruct",
    description: "Fast and cheap",
    context_length: 131072,
    input_price_per_1k: 0.0002,
    output_price_per_1k: 0.0002,
    currency: "USD",
  },
  {
    id: "llama-3.1-70b-instruct",
    name: "Llama 3.1 70B Instruct",
    description: "Slower, better",
    context_length: 131072,
    input_price_per_1k: 0.0009,
    output_price_per_1k: 0.0012,
    currency: "USD",
  },
];

export function modelsOf(models = MODELS) {
  return { success: true, message: null, models, request_id: "req-models" };
}

export function summaryOf(patch: Partial<UsageSummaryResponse_Serialize> = {}): UsageSummaryResponse_Serialize {
  return {
    success: true,
    message: null,
    total_requests: 0,
    total_tokens: 0,
    total_cost: 0,
    currency: "USD",
    by_model: [],
    request_id: "req-usage",
    ...patch,
  };
}

export function transactionOf(id: string, patch: Partial<AITransaction_Serialize> = {}): AITransaction_Serialize {
  return {
    id,
    model: "llama-3.1-8b-instruct",
    prompt_tokens: 10,
    completion_tokens: 20,
    cost: 0.000006,
    currency: "USD",
    created_at: "2026-03-01T10:00:00Z",
    ...patch,
  };
}

export function historyOf(
  transactions: AITransaction_Serialize[],
  page = 1,
  total = transactions.length,
): UsageHistoryResponse_Serialize {
  return {
    success: true,
    message: null,
    transactions,
    total,
    page,
    limit: 10,
    total_pages: Math.max(1, Math.ceil(total / 10)),
    request_id: "req-history",
  };
}

export function replyOf(
  content: string,
  patch: Partial<ChatCompletionsResponse_Serialize> = {},
): ChatCompletionsResponse_Serialize {
  return {
    success: true,
    message: "Chat completed",
    id: "T-1",
    model: "llama-3.1-8b-instruct",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 },
    cost: 0.0000084,
    currency: "USD",
    request_id: "req-chat",
    ...patch,
  };
}

/** The backend's AI commands: no usage yet, `chat` answering each question. */
export function aiBackend(chat: unknown = replyOf("Hello from the **sandbox**.")) {
  return {
    ai_models: modelsOf(),
    ai_usage_summary: summaryOf(),
    ai_usage_history: historyOf([]),
    ai_chat: chat,
  };
}

/** Markdown the parser is slowest on (super-linear), 12,000 to 24,000 characters long. */
export const PATHOLOGICAL: Record<string, string> = {
  "a line of 12,000 characters of '- '": `${"- ".repeat(6_000)}x`,
  "a line of 24,000 characters of '- '": `${"- ".repeat(12_000)}x`,
  "a line of 12,000 characters of '1. '": `${"1. ".repeat(4_000)}x`,
  "12,000 characters of '*_'": "*_".repeat(6_000),
  "24,000 characters of '*a'": "*a".repeat(12_000),
  "12,000 characters of '> '": `${"> ".repeat(6_000)}x`,
  "lines of 17 list markers each": `${"- ".repeat(17)}x\n`.repeat(400),
};
