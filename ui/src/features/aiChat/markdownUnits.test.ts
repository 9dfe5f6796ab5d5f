import { describe, expect, it } from "vitest";
import { PATHOLOGICAL } from "./fixtures";
import {
  MAX_DELIMITER_RUN,
  MAX_LINE_MARKERS,
  UNIT_CHARS,
  lineMarkers,
  longestDelimiterRun,
  markdownUnits,
  parsesSafely,
} from "./markdownUnits";

describe("the units an answer is parsed in", () => {
  it("keeps a short answer one unit, the text unchanged", () => {
    const text = "# Title\n\nA paragraph.\n\n```sh\nls\n```\n";
    expect(markdownUnits(text)).toEqual([text]);
  });

  it("cuts a long answer at blank lines into units within the limit, losing nothing", () => {
    const text = "## Part\n\nA paragraph of a very long answer.\n\n".repeat(1_000);
    const units = markdownUnits(text);
    expect(units.length).toBeGreaterThan(text.length / UNIT_CHARS);
    for (const u of units) {
      expect(u.length).toBeLessThanOrEqual(UNIT_CHARS);
      expect(u.endsWith("\n\n")).toBe(true);
    }
    expect(units.join("")).toBe(text);
  });

  it("keeps the earlier units when more of the answer shows", () => {
    const text = "Some words in a paragraph.\n\n".repeat(2_000);
    const first = markdownUnits(text.slice(0, 12_000));
    const more = markdownUnits(text.slice(0, 24_000));
    expect(more.slice(0, first.length - 1)).toEqual(first.slice(0, -1));
  });

  it("does not cut at a blank line inside a code block, and reopens a code block it must cut", () => {
    const code = `\`\`\`sh\n${"echo line\n\n".repeat(400)}\`\`\`\n`;
    const units = markdownUnits(`Intro.\n\n${code}After.\n`);
    for (const u of units) expect(u.length).toBeLessThanOrEqual(UNIT_CHARS);
    // Every unit but the first starts inside the code block, reopened; each closes it.
    expect(units[0]).toBe("Intro.\n\n");
    for (const u of units.slice(1, -1)) {
      expect(u.startsWith("```sh\n")).toBe(true);
      expect(u.endsWith("```")).toBe(true);
    }
    expect(units.at(-1)!.endsWith("```\nAfter.\n")).toBe(true);
  });

  it("cuts a line longer than the limit, never inside an emoji", () => {
    const text = "x".repeat(UNIT_CHARS - 1) + "😀".repeat(UNIT_CHARS);
    const units = markdownUnits(text);
    for (const u of units) expect(u.length).toBeLessThanOrEqual(UNIT_CHARS);
    expect(units[0]).toBe("x".repeat(UNIT_CHARS - 1));
    expect(units.join("")).toBe(text);
  });

  it.each(Object.entries(PATHOLOGICAL))("cuts %s into units within the limit", (_, text) => {
    for (const u of markdownUnits(text)) expect(u.length).toBeLessThanOrEqual(UNIT_CHARS);
  });
});

describe("which units are parsed", () => {
  it("counts the list and blockquote markers opening a line", () => {
    expect(lineMarkers("- x")).toBe(1);
    expect(lineMarkers("> - 1. > x")).toBe(4);
    expect(lineMarkers("  1) - item")).toBe(2);
    expect(lineMarkers("-x")).toBe(0);
    expect(lineMarkers("1234567890. x")).toBe(0);
    expect(lineMarkers("- ".repeat(100))).toBe(100);
  });

  it("parses ordinary Markdown, and code full of delimiters", () => {
    expect(parsesSafely("## Steps\n\n1. **Stop** the VM\n2. Run `barrack_cli list`\n\n> *quoted*\n")).toBe(true);
    expect(parsesSafely(`${"- ".repeat(MAX_LINE_MARKERS)}x`)).toBe(true);
    expect(parsesSafely(`\`\`\`py\n${"f(*args, **kwargs)\n".repeat(100)}\`\`\`\n`)).toBe(true);
    expect(parsesSafely("snake_case_name ".repeat(100))).toBe(true);
    // Many emphasised words, none of them in a long run: a list of "**Key:** value" lines.
    const keys = "- **Key:** value and _more_\n".repeat(70);
    expect(keys.length).toBeLessThanOrEqual(UNIT_CHARS);
    expect(parsesSafely(keys)).toBe(true);
  });

  it("measures runs of emphasis delimiters: each at most two characters after the last", () => {
    expect(longestDelimiterRun("**bold** and *em*")).toBe(2);
    expect(longestDelimiterRun("*_*_*_")).toBe(6);
    expect(longestDelimiterRun("*a *b *c")).toBe(3);
    expect(longestDelimiterRun("*abc*abc")).toBe(1);
    expect(longestDelimiterRun("a_b_c")).toBe(0);
    expect(longestDelimiterRun("```\n****\n```\n")).toBe(0);
    expect(longestDelimiterRun("*\n*\n*")).toBe(3);
  });

  it("does not parse a line of more markers than the limit, or runs of emphasis delimiters", () => {
    expect(parsesSafely(`${"- ".repeat(MAX_LINE_MARKERS + 1)}x`)).toBe(false);
    expect(parsesSafely(`${"> ".repeat(MAX_LINE_MARKERS + 1)}x`)).toBe(false);
    expect(parsesSafely("*_".repeat(150))).toBe(false);
    expect(parsesSafely("*a".repeat(250))).toBe(false);
    expect(parsesSafely("*a *b ".repeat(MAX_DELIMITER_RUN))).toBe(false);
    expect(parsesSafely(`${"*".repeat(MAX_DELIMITER_RUN + 1)}deep${"*".repeat(MAX_DELIMITER_RUN + 1)}`)).toBe(false);
  });

  it.each(Object.entries(PATHOLOGICAL))("does not parse %s: at most a harmless remnant of it", (_, text) => {
    const units = markdownUnits(text);
    expect(parsesSafely(units[0]!)).toBe(false);
    // A piece of a cut line may start past its markers (". 1. 1." is a paragraph): parsed, it
    // holds no line opening more markers than the limit.
    const parsed = units.filter(parsesSafely);
    for (const u of parsed)
      for (const line of u.split("\n")) expect(lineMarkers(line)).toBeLessThanOrEqual(MAX_LINE_MARKERS);
    expect(parsed.length).toBeLessThanOrEqual(units.length / 2);
  });
});
