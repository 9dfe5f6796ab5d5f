import { describe, expect, it } from "vitest";
import { ANSWER_CHUNK_CHARS, shownEnd } from "./answerChunks";

describe("how much of an answer shows", () => {
  it("shows a short answer whole", () => {
    expect(shownEnd("short", ANSWER_CHUNK_CHARS)).toBe(5);
  });

  it("ends a long answer at a block's end near the budget, and each Show more goes on", () => {
    const block = `${"word ".repeat(199)}word\n\n`; // 1,002 characters
    const text = block.repeat(100);
    let end = 0;
    let steps = 0;
    while (end < text.length) {
      const next = shownEnd(text, end + ANSWER_CHUNK_CHARS);
      expect(next).toBeLessThanOrEqual(end + ANSWER_CHUNK_CHARS);
      if (next < text.length) {
        expect(next).toBeGreaterThanOrEqual(end + ANSWER_CHUNK_CHARS / 2);
        expect(text.slice(next, next + 2)).toBe("\n\n");
      }
      end = next;
      steps += 1;
    }
    expect(steps).toBeLessThanOrEqual(Math.ceil(text.length / (ANSWER_CHUNK_CHARS / 2)));
  });

  it("cuts a text without blank lines at the budget, never inside an emoji", () => {
    const text = "x".repeat(ANSWER_CHUNK_CHARS - 1) + "😀".repeat(10);
    expect(shownEnd(text, ANSWER_CHUNK_CHARS)).toBe(ANSWER_CHUNK_CHARS - 1);
    expect(shownEnd("y".repeat(ANSWER_CHUNK_CHARS * 2), ANSWER_CHUNK_CHARS)).toBe(ANSWER_CHUNK_CHARS);
  });
});
