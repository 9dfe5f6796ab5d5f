import { useState, type ComponentProps } from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConversationView } from "./ConversationView";
import type { Turn } from "./conversation";

/** How often an answer's Markdown was rendered (the real renderer, counted). */
const renders = vi.hoisted(() => ({ markdown: 0 }));
vi.mock("./Markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./Markdown")>();
  return {
    default: (props: ComponentProps<typeof actual.default>) => {
      renders.markdown += 1;
      return actual.default(props);
    },
  };
});

const TURNS: Turn[] = [
  { id: 1, kind: "question", text: "How do I list my VMs?", failed: false },
  {
    id: 2,
    kind: "answer",
    text: "Run `barrack instances list`.\n\n- one\n- two",
    model: "m",
    cost: 0.1,
    currency: "USD",
    tokens: 10,
  },
];
const modelName = (id: string) => id;

describe("the conversation", () => {
  it("does not render its answers again while a message is typed", async () => {
    function Page() {
      const [draft, setDraft] = useState("");
      return (
        <>
          <ConversationView turns={TURNS} pending={false} modelName={modelName} />
          <textarea data-testid="draft" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </>
      );
    }
    render(<Page />);
    expect(await screen.findByText("barrack instances list")).toHaveProperty("tagName", "CODE");
    const before = renders.markdown;
    expect(before).toBeGreaterThan(0);
    await userEvent.setup().type(screen.getByTestId("draft"), "typing a long question");
    expect(screen.getByTestId("draft")).toHaveValue("typing a long question");
    expect(renders.markdown).toBe(before);
  });
});
