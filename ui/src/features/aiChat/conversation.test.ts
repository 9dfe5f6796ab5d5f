import { beforeEach, describe, expect, it } from "vitest";
import { deferred } from "../../test/backend";
import {
  CONTEXT_MESSAGES,
  CONTEXT_MESSAGE_CHARS,
  contextMessages,
  conversation,
  ownerOf,
  type Turn,
} from "./conversation";
import { replyOf } from "./fixtures";

beforeEach(() => conversation.reset());

function start(owner = "profile:work") {
  conversation.claim(owner);
  conversation.setModel("llama-3.1-8b-instruct");
}

describe("the conversation", () => {
  it("belongs to one account: another profile starts empty, and a late answer to the old one is dropped", async () => {
    start();
    const late = deferred<ReturnType<typeof replyOf>>();
    conversation.setDraft("For work");
    const asking = conversation.ask(() => late.promise);
    expect(conversation.get().pending).toBe(true);

    conversation.claim("profile:lab");
    expect(conversation.get()).toMatchObject({ owner: "profile:lab", turns: [], draft: "", pending: false });
    late.resolve(replyOf("Work's answer"));
    await asking;
    expect(conversation.get().turns).toEqual([]);
    // The same account again keeps what it has; no account yet decides nothing.
    conversation.setDraft("kept");
    conversation.claim("profile:lab");
    conversation.claim(null);
    expect(conversation.get()).toMatchObject({ owner: "profile:lab", draft: "kept" });
  });

  it("sends nothing without a model, an empty draft, or while an answer is on its way", async () => {
    conversation.claim("profile:work");
    const sent: unknown[] = [];
    const send = async (r: unknown) => {
      sent.push(r);
      return replyOf("ok");
    };
    conversation.setDraft("no model yet");
    await conversation.ask(send);
    conversation.setModel("m");
    conversation.setDraft("   ");
    await conversation.ask(send);
    expect(sent).toEqual([]);
    const slow = deferred<ReturnType<typeof replyOf>>();
    conversation.setDraft("first");
    const first = conversation.ask(() => slow.promise);
    conversation.setDraft("second");
    await conversation.ask(send);
    expect(sent).toEqual([]);
    slow.resolve(replyOf("done"));
    await first;
    expect(conversation.get().turns.map((t) => t.kind)).toEqual(["question", "answer"]);
  });

  it("sends the recent answered exchange, each message cut to a sane size", () => {
    const turns: Turn[] = [];
    for (let i = 0; i < CONTEXT_MESSAGES; i++) {
      turns.push({ id: 2 * i, kind: "question", text: `q${i}`, failed: i === 3 });
      turns.push({
        id: 2 * i + 1,
        kind: "answer",
        text: i === CONTEXT_MESSAGES - 1 ? "x".repeat(CONTEXT_MESSAGE_CHARS + 5) : `a${i}`,
        model: "m",
        cost: 0,
        currency: "USD",
        tokens: 1,
      });
    }
    const messages = contextMessages(turns, "now");
    expect(messages).toHaveLength(CONTEXT_MESSAGES + 1);
    expect(messages.at(-1)).toEqual({ role: "user", content: "now" });
    expect(messages.at(-2)!.content).toHaveLength(CONTEXT_MESSAGE_CHARS);
    expect(messages.some((m) => m.content === "q3")).toBe(false);
  });

  it("is owned by the profile, told apart from a sandbox of the same name", () => {
    expect(ownerOf({ profile: "work", sandbox: false })).toBe("profile:work");
    expect(ownerOf({ profile: "work", sandbox: true })).toBe("sandbox:work");
    expect(ownerOf({ profile: null, sandbox: false })).toBeNull();
    expect(ownerOf(undefined)).toBeNull();
  });
});
