import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ANSWER_CHUNK_CHARS } from "../features/aiChat/answerChunks";
import { conversation } from "../features/aiChat/conversation";
import { MODELS, aiBackend, historyOf, replyOf, summaryOf, transactionOf } from "../features/aiChat/fixtures";
import { ERROR_MESSAGES } from "../lib/ipc";
import { deferred, fails, mockBackend, renderApp } from "../test/backend";

beforeEach(() => conversation.reset());

async function ask(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(screen.getByTestId("ai-prompt"), text);
  await user.click(screen.getByTestId("ai-send"));
}

describe("AI Chat page (AI-01)", () => {
  it("picks a model from the models endpoint and shows the answer with its cost", async () => {
    const backend = mockBackend(aiBackend(replyOf("Use `barrack instances list`.", { model: MODELS[1]!.id })));
    renderApp("/ai-chat");
    const picker = await screen.findByTestId("ai-model");
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Llama 3.1 8B Instruct", "Llama 3.1 70B Instruct"]);
    await waitFor(() => expect(picker).toHaveValue(MODELS[0]!.id));
    expect(screen.getByTestId("ai-model-prices")).toHaveTextContent(
      "Prices: input 0.0002 USD, output 0.0002 USD per 1,000 tokens, context 131,072 tokens.",
    );
    const user = userEvent.setup();
    await user.selectOptions(picker, MODELS[1]!.id);
    expect(screen.getByTestId("ai-model-prices")).toHaveTextContent("input 0.0009 USD, output 0.0012 USD");
    await ask(user, "How do I list my VMs?");

    const answer = await screen.findByTestId("ai-turn-answer");
    expect(screen.getByTestId("ai-turn-question")).toHaveTextContent("How do I list my VMs?");
    expect(await within(answer).findByText("barrack instances list")).toHaveProperty("tagName", "CODE");
    expect(within(answer).getByTestId("ai-answer-meta")).toHaveTextContent(
      "Llama 3.1 70B Instruct · 42 tokens · cost 0.0000084 USD",
    );
    expect(backend.called("ai_chat")[0]!.args.body).toEqual({
      model: MODELS[1]!.id,
      messages: [{ role: "user", content: "How do I list my VMs?" }],
    });
    // The draft emptied; the next question carries the conversation so far.
    expect(screen.getByTestId("ai-prompt")).toHaveValue("");
    await ask(user, "And stop one?");
    await waitFor(() => expect(backend.called("ai_chat")).toHaveLength(2));
    expect(backend.called("ai_chat")[1]!.args.body).toMatchObject({
      messages: [
        { role: "user", content: "How do I list my VMs?" },
        { role: "assistant", content: "Use `barrack instances list`." },
        { role: "user", content: "And stop one?" },
      ],
    });
  });

  it("shows an error in the conversation and keeps the typed message", async () => {
    const backend = mockBackend(
      aiBackend(fails("InsufficientCredits", "add credits to use AI chat", { requestId: "req-42" })),
    );
    renderApp("/ai-chat");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    const user = userEvent.setup();
    await ask(user, "What does an H100 cost?");

    const error = await screen.findByTestId("ai-turn-error");
    expect(error).toHaveTextContent(ERROR_MESSAGES.InsufficientCredits);
    expect(error).toHaveTextContent("add credits to use AI chat");
    expect(error).toHaveTextContent("Request ID req-42");
    expect(within(error).getByRole("link", { name: "Add credits" })).toBeInTheDocument();
    expect(screen.getByTestId("ai-turn-question")).toHaveTextContent("(not answered)");
    // What was typed is back in the box, to send again.
    expect(screen.getByTestId("ai-prompt")).toHaveValue("What does an H100 cost?");
    // A failed question is not sent again as context.
    await user.click(screen.getByTestId("ai-send"));
    await waitFor(() => expect(backend.called("ai_chat")).toHaveLength(2));
    expect(backend.called("ai_chat")[1]!.args.body).toMatchObject({
      messages: [{ role: "user", content: "What does an H100 cost?" }],
    });
  });

  it("renders a hostile answer inert in the conversation", async () => {
    const hostile =
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> [x](javascript:window.__pwned=1)';
    mockBackend(aiBackend(replyOf(hostile)));
    renderApp("/ai-chat");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    const user = userEvent.setup();
    await ask(user, "hostile");
    const body = await screen.findByTestId("ai-answer-body");
    await within(body).findByTestId("md");
    expect(body.querySelector("img, script, a, [href], [onerror]")).toBeNull();
    expect(body).toHaveTextContent("<script>window.__pwned=1</script>");
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it("renders a 1 MB answer a part at a time, and the page stays usable", async () => {
    const huge = "## Part\n\nA paragraph of a very long answer.\n\n".repeat(25_000); // > 1 MB
    expect(huge.length).toBeGreaterThan(1_000_000);
    mockBackend(aiBackend(replyOf(huge)));
    renderApp("/ai-chat");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    const user = userEvent.setup();
    await ask(user, "huge");
    const body = await screen.findByTestId("ai-answer-body");
    await within(body).findByTestId("md");
    // Measured: what is on screen is one part, not the megabyte.
    const rendered = () => within(body).getByTestId("md").textContent!.length;
    expect(rendered()).toBeLessThanOrEqual(ANSWER_CHUNK_CHARS);
    expect(rendered()).toBeGreaterThan(ANSWER_CHUNK_CHARS / 2);
    expect(body.querySelectorAll("*").length).toBeLessThan(2_000);
    expect(screen.getByTestId("answer-shown")).toHaveTextContent(
      `of ${huge.length.toLocaleString("en-US")} characters`,
    );
    const before = rendered();
    await user.click(screen.getByTestId("answer-show-more"));
    await waitFor(() => expect(rendered()).toBeGreaterThan(before));
    expect(rendered()).toBeLessThanOrEqual(2 * ANSWER_CHUNK_CHARS);
    // The page still answers: the next message can be typed.
    await user.type(screen.getByTestId("ai-prompt"), "still here");
    expect(screen.getByTestId("ai-prompt")).toHaveValue("still here");
  });

  it("keeps the conversation and the draft when the page is left, also an answer that came meanwhile", async () => {
    const answer = deferred<unknown>();
    mockBackend(aiBackend(() => answer.promise));
    renderApp("/ai-chat");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    const user = userEvent.setup();
    await ask(user, "First question");
    expect(await screen.findByTestId("ai-pending")).toBeInTheDocument();
    await user.type(screen.getByTestId("ai-prompt"), "A draft not sent yet");

    await user.click(screen.getByTestId("nav-dashboard"));
    await screen.findByTestId("page-dashboard");
    answer.resolve(replyOf("The answer that came while away."));
    await user.click(screen.getByTestId("nav-ai-chat"));

    expect(await screen.findByTestId("ai-turn-question")).toHaveTextContent("First question");
    expect(await screen.findByTestId("ai-turn-answer")).toHaveTextContent("The answer that came while away.");
    expect(screen.getByTestId("ai-prompt")).toHaveValue("A draft not sent yet");
  });

  it("brings the newest question, then its answer, into view", async () => {
    const scrolled = vi.spyOn(Element.prototype, "scrollIntoView");
    mockBackend(aiBackend());
    renderApp("/ai-chat");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    await ask(userEvent.setup(), "Hi");
    const answer = await screen.findByTestId("ai-turn-answer");
    await waitFor(() => expect(scrolled.mock.contexts.at(-1)).toBe(answer));
  });

  it("starts a new conversation from the header or from a ?new=1 link", async () => {
    mockBackend(aiBackend());
    const { unmount } = renderApp("/ai-chat");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    const user = userEvent.setup();
    await ask(user, "Hi");
    await screen.findByTestId("ai-turn-answer");
    await user.click(screen.getByTestId("ai-new-conversation"));
    expect(screen.getByTestId("ai-conversation-empty")).toBeInTheDocument();
    await ask(user, "Hi again");
    await screen.findByTestId("ai-turn-answer");
    unmount();

    renderApp("/ai-chat?new=1");
    expect(await screen.findByTestId("ai-conversation-empty")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("ai-prompt")).toHaveFocus());
  });
});

describe("AI usage (AI-02)", () => {
  it("shows the usage summary and the history with their costs, formatted from the amounts given", async () => {
    const backend = mockBackend({
      ...aiBackend(),
      ai_usage_summary: summaryOf({
        total_requests: 3,
        total_tokens: 12345,
        total_cost: 0.004567,
        currency: "EUR",
        by_model: [
          { model: "llama-3.1-8b-instruct", requests: 2, tokens: 345, cost: 0.000069 },
          { model: "llama-3.1-70b-instruct", requests: 1, tokens: 12000, cost: 0.004498 },
        ],
      }),
      ai_usage_history: (args: Record<string, unknown>) => {
        const page = (args.query as { page: number }).page;
        return page === 1
          ? historyOf(
              Array.from({ length: 10 }, (_, i) =>
                transactionOf(`T-${i + 1}`, { cost: 0.0001 * (i + 1), currency: "EUR" }),
              ),
              1,
              11,
            )
          : historyOf([transactionOf("T-11", { model: "llama-3.1-70b-instruct", cost: 1.5, currency: "EUR" })], 2, 11);
      },
    });
    renderApp("/ai-chat");
    expect(await screen.findByTestId("ai-usage-requests")).toHaveTextContent("3");
    expect(screen.getByTestId("ai-usage-tokens")).toHaveTextContent("12,345");
    expect(screen.getByTestId("ai-usage-cost")).toHaveTextContent("0.004567 EUR");
    const small = await screen.findByTestId("ai-usage-model-llama-3.1-8b-instruct");
    expect(small).toHaveTextContent("Llama 3.1 8B Instruct");
    expect(small).toHaveTextContent("0.000069 EUR");

    const first = await screen.findByTestId("ai-history-row-T-3");
    expect(first).toHaveTextContent("10 / 20");
    expect(first).toHaveTextContent("0.0003 EUR");
    expect(backend.called("ai_usage_history")[0]!.args.query).toEqual({ page: 1, limit: 10 });
    await userEvent.setup().click(screen.getByTestId("pager-page-2"));
    const last = await screen.findByTestId("ai-history-row-T-11");
    expect(last).toHaveTextContent("Llama 3.1 70B Instruct");
    expect(last).toHaveTextContent("1.50 EUR");
  });

  it("reads the usage again after an answer was charged", async () => {
    let requests = 0;
    const backend = mockBackend({
      ...aiBackend(() => {
        requests += 1;
        return replyOf("ok");
      }),
      ai_usage_summary: () => summaryOf({ total_requests: requests }),
    });
    renderApp("/ai-chat");
    expect(await screen.findByTestId("ai-usage-requests")).toHaveTextContent("0");
    await waitFor(() => expect(screen.getByTestId("ai-model")).toHaveValue(MODELS[0]!.id));
    await ask(userEvent.setup(), "Charge me");
    await waitFor(() => expect(screen.getByTestId("ai-usage-requests")).toHaveTextContent("1"));
    expect(backend.called("ai_usage_summary").length).toBeGreaterThanOrEqual(2);
  });

  it("says when there is no history yet", async () => {
    mockBackend(aiBackend());
    renderApp("/ai-chat");
    expect(await screen.findByTestId("ai-history-empty")).toHaveTextContent("No AI requests yet.");
  });
});
