// What the parser is handed: with a spy on it, pathological answers (12,000–24,000
// characters) render as inert text without ever reaching the parser whole, and "Show
// more" parses only the new part. No timings: the structure is what is asserted.

import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fromMarkdown } from "mdast-util-from-markdown";
import { ANSWER_CHUNK_CHARS } from "./answerChunks";
import { AnswerBody } from "./AnswerBody";
import { PATHOLOGICAL } from "./fixtures";
import Markdown from "./Markdown";
import { MAX_DELIMITER_RUN, MAX_LINE_MARKERS, UNIT_CHARS, lineMarkers, longestDelimiterRun } from "./markdownUnits";

vi.mock("mdast-util-from-markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("mdast-util-from-markdown")>();
  return { ...actual, fromMarkdown: vi.fn(actual.fromMarkdown) };
});

const parse = vi.mocked(fromMarkdown);
const parsed = () => parse.mock.calls.map((c) => String(c[0]));

beforeEach(() => parse.mockClear());

describe("the renderer on pathological Markdown", () => {
  it.each(Object.entries(PATHOLOGICAL))("shows %s as inert text, never parsing it whole", (_, text) => {
    const { container } = render(<Markdown text={text} />);
    expect(screen.getAllByTestId("md-plain").length).toBeGreaterThan(0);
    const md = screen.getByTestId("md");
    // Text only: no list, quote, emphasis, link or anything the webview could act on.
    expect(container.querySelectorAll("ul, ol, li, blockquote, em, strong, a, img, button")).toHaveLength(0);
    expect(md.textContent!.replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    for (const input of parsed()) {
      expect(input.length).toBeLessThanOrEqual(UNIT_CHARS);
      for (const line of input.split("\n")) expect(lineMarkers(line)).toBeLessThanOrEqual(MAX_LINE_MARKERS);
      expect(longestDelimiterRun(input)).toBeLessThanOrEqual(MAX_DELIMITER_RUN);
    }
  });

  it("renders the deepest nesting a unit allows (markers on indented lines) without overflowing", () => {
    // Each line opens the most markers allowed, indented into the list the line before opened.
    const lines: string[] = [];
    for (let k = 0; lines.join("\n").length < UNIT_CHARS; k++) {
      lines.push(`${"  ".repeat(MAX_LINE_MARKERS * k)}${"- ".repeat(MAX_LINE_MARKERS)}x`);
    }
    const { container } = render(<Markdown text={lines.join("\n")} />);
    const depth = (e: Element): number => Math.max(0, ...Array.from(e.children).map(depth)) + 1;
    expect(container.querySelectorAll("li").length).toBeGreaterThan(5 * MAX_LINE_MARKERS);
    expect(depth(container)).toBeLessThan(1_000);
  });

  it("renders the pathological part of an answer as text and the rest as Markdown", () => {
    render(<Markdown text={`**Bold** start.\n\n${"*_".repeat(6_000)}\n\n- a list\n- of two`} />);
    expect(screen.getByText("Bold").tagName).toBe("STRONG");
    expect(
      screen
        .getAllByTestId("md-plain")
        .map((e) => e.textContent)
        .join(""),
    ).toBe("*_".repeat(6_000));
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(Math.max(...parsed().map((p) => p.length))).toBeLessThanOrEqual(UNIT_CHARS);
  });

  it("parses an answer a unit at a time, and Show more parses only what is new", async () => {
    const block = `## Part\n\nA paragraph with **bold** words in it, long enough.\n\n`;
    const text = block.repeat(Math.ceil((3 * ANSWER_CHUNK_CHARS) / block.length));
    const user = userEvent.setup();
    render(<AnswerBody text={text} />);
    await screen.findByTestId("md");
    const first = parsed();
    expect(first.length).toBeGreaterThanOrEqual(ANSWER_CHUNK_CHARS / UNIT_CHARS);
    for (const input of first) expect(input.length).toBeLessThanOrEqual(UNIT_CHARS);
    const shown = first.join("").length;

    parse.mockClear();
    await user.click(screen.getByTestId("answer-show-more"));
    await vi.waitFor(() => expect(parsed().length).toBeGreaterThan(0));
    // Only the new part (and the unit that grew) is parsed, not the whole shown prefix again.
    const more = parsed().join("").length;
    expect(more).toBeLessThanOrEqual(ANSWER_CHUNK_CHARS + UNIT_CHARS);
    expect(more).toBeLessThan(shown + ANSWER_CHUNK_CHARS / 2);
  });
});
