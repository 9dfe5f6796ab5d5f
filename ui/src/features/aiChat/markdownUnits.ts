// The Markdown parser (micromark) is super-linear on some input: a line of thousands of list
// markers, or long runs of emphasis delimiters, can take seconds to parse, and very deep
// nesting overflows the stack when its elements are built. So an answer is parsed in small
// independent units (`markdownUnits`), each at most UNIT_CHARS long — parse time per unit is
// then bounded and a "Show more" re-parses only the unit that grew — and a unit that looks
// pathological (`parsesSafely` is false) is shown as plain text instead of being parsed.
// Both are linear scans with no parser: kept out of the lazily loaded renderer's imports so
// tests can check them alone.

/** The most characters handed to the parser at once. */
export const UNIT_CHARS = 2_000;

/** More list or blockquote markers than this opening one line: the unit is shown as text. */
export const MAX_LINE_MARKERS = 16;

/**
 * A run of more emphasis delimiters than this (`*`, `_` that could open or close, each at
 * most two characters after the one before: `*_*_`, `*a*a`, `*a *b`) in a unit's text
 * outside code fences: the unit is shown as text. Such runs are slow to resolve and the way
 * to nest emphasis deep; ordinary Markdown (`**Key:** value` lines) has runs of a few.
 */
export const MAX_DELIMITER_RUN = 200;

/** A fenced code block's opening line (its marker and info string). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

type Fence = { char: string; len: number; open: string; close: string };

/** The fence `line` opens, if any (a backtick fence's info string may not hold a backtick). */
function opensFence(line: string): Fence | null {
  const m = FENCE.exec(line.replace(/\r?\n$/, ""));
  if (!m) return null;
  const marker = m[1]!;
  if (marker[0] === "`" && m[2]!.includes("`")) return null;
  return { char: marker[0]!, len: marker.length, open: line.endsWith("\n") ? line : `${line}\n`, close: marker };
}

/** Whether `line` closes `fence`. */
function closesFence(line: string, fence: Fence): boolean {
  const m = FENCE.exec(line.replace(/\r?\n$/, ""));
  return !!m && m[1]![0] === fence.char && m[1]!.length >= fence.len && m[2]!.trim() === "";
}

/** `text`'s lines, each with its line break. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Where to cut `s` at most `room` characters in, never between the halves of a surrogate pair. */
function safeCut(s: string, room: number): number {
  const code = s.charCodeAt(room - 1);
  return room > 1 && code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}

/**
 * `text` in consecutive units of at most `limit` characters, each parsed on its own: cut at
 * the last blank line outside a code fence that keeps a unit within the limit, else at a
 * line's end, else (a line longer than the limit) inside the line. A code block cut in two
 * is closed at the end of one unit and opened again at the start of the next, so both show
 * as code. Cuts depend only on the text before them: "Show more" keeps the earlier units.
 */
export function markdownUnits(text: string, limit = UNIT_CHARS): string[] {
  const units: string[] = [];
  let cur = "";
  /** Where in `cur` the last blank line outside a fence ends (0: none). */
  let brk = 0;
  let fence: Fence | null = null;
  // A fence is reopened only when its lines are short next to the limit (else it is cut as text).
  const reopenable = (f: Fence | null) => (f && f.open.length + f.close.length + 1 <= limit / 4 ? f : null);
  const reserve = (f: Fence | null) => {
    const r = reopenable(f);
    return r ? r.close.length + 1 : 0;
  };
  const pushCur = () => {
    const f = reopenable(fence);
    if (f) {
      units.push(`${cur}${cur.endsWith("\n") ? "" : "\n"}${f.close}`);
      cur = f.open;
    } else {
      units.push(cur);
      cur = "";
    }
    brk = 0;
  };
  for (const line of linesOf(text)) {
    // The fence open after this line: room for closing it is kept from here on.
    const after: Fence | null = fence ? (closesFence(line, fence) ? null : fence) : opensFence(line);
    let rest = line;
    while (cur.length + rest.length + Math.max(reserve(fence), reserve(after)) > limit) {
      if (brk > 0) {
        // The unit ends after its last blank line; what follows it starts the next one.
        units.push(cur.slice(0, brk));
        cur = cur.slice(brk);
        brk = 0;
      } else if (cur.length > 0 && cur !== reopenable(fence)?.open) {
        pushCur();
      } else {
        // The line alone is longer than the room there is: cut it.
        const cut = safeCut(rest, limit - cur.length - reserve(fence));
        cur += rest.slice(0, cut);
        rest = rest.slice(cut);
        pushCur();
      }
    }
    cur += rest;
    if (!fence && !after && /^[ \t]*\r?\n?$/.test(line)) brk = cur.length;
    fence = after;
  }
  if (cur.length > 0 && cur !== reopenable(fence)?.open) units.push(cur);
  return units;
}

/** How many list or blockquote markers open `line` (linear: it stops at the first other character). */
export function lineMarkers(line: string): number {
  let count = 0;
  let i = 0;
  const n = line.length;
  const spaceOrEnd = (j: number) => j >= n || line[j] === " " || line[j] === "\t" || line[j] === "\n";
  for (;;) {
    while (i < n && (line[i] === " " || line[i] === "\t")) i++;
    if (i >= n) return count;
    const c = line[i]!;
    if (c === ">") {
      count++;
      i++;
    } else if ((c === "-" || c === "+" || c === "*") && spaceOrEnd(i + 1)) {
      count++;
      i++;
    } else if (c >= "0" && c <= "9") {
      let j = i;
      while (j < n && j - i < 10 && line[j]! >= "0" && line[j]! <= "9") j++;
      if (j - i > 9 || (line[j] !== "." && line[j] !== ")") || !spaceOrEnd(j + 1)) return count;
      count++;
      i = j + 1;
    } else {
      return count;
    }
  }
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether `line[i]` is a `*`, or a `_` that could open or close emphasis (not inside a word). */
function isDelimiter(line: string, i: number): boolean {
  const c = line[i];
  return c === "*" || (c === "_" && !(WORD.test(line[i - 1] ?? "") && WORD.test(line[i + 1] ?? "")));
}

/** The longest run of emphasis delimiters in `unit` outside code fences (see MAX_DELIMITER_RUN). */
export function longestDelimiterRun(unit: string): number {
  return scan(unit, false).run;
}

/**
 * Whether `unit` may be handed to the parser: no line opens more than MAX_LINE_MARKERS list
 * or blockquote markers (the parser's slowest case, and the way to nest deep), and its text
 * outside code fences has no run of more than MAX_DELIMITER_RUN emphasis delimiters. One pass.
 */
export function parsesSafely(unit: string): boolean {
  return scan(unit, true).safe;
}

/** One pass over `unit`'s lines outside code fences (stopping at the first excess when `stopEarly`). */
function scan(unit: string, stopEarly: boolean): { safe: boolean; run: number } {
  let safe = true;
  let fence: Fence | null = null;
  let longest = 0;
  let run = 0;
  /** Where the last delimiter was, counting from the unit's start. */
  let last = -Infinity;
  let at = 0;
  for (const line of linesOf(unit)) {
    const start = at;
    at += line.length;
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = opensFence(line);
    if (fence) continue;
    if (lineMarkers(line) > MAX_LINE_MARKERS) {
      safe = false;
      if (stopEarly) break;
    }
    for (let i = 0; i < line.length; i++) {
      if (!isDelimiter(line, i)) continue;
      run = start + i - last <= 3 ? run + 1 : 1;
      last = start + i;
      longest = Math.max(longest, run);
      if (longest > MAX_DELIMITER_RUN) {
        safe = false;
        if (stopEarly) return { safe, run: longest };
      }
    }
    if (!safe && stopEarly) break;
  }
  return { safe, run: longest };
}
