// The names of the tests a file holds: what a requirement's proof may name. Only tests that
// run count — a commented-out test, a title inside a string, a skipped or todo test, a Rust
// test marked #[ignore] or compiled out, a journey in a comment: none of these is a proof.

import ts from "typescript";

/** `it`/`test` and their running variants; `.skip`, `.todo` and `.fails` never prove anything. */
const RUNS = new Set(["it", "test", "it.only", "test.only", "it.concurrent", "test.concurrent"]);
const SKIPPED_SUITES = new Set(["describe.skip", "describe.todo", "suite.skip"]);

/** `a.b.c` of a callee, or null when it is not a plain dotted name. */
function dotted(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const left = dotted(e.expression);
    return left && `${left}.${e.name.text}`;
  }
  return null;
}

/** The title of a test call: its first argument when that is a string, as written. */
function titleOf(call: ts.CallExpression, source: ts.SourceFile): string | null {
  const first = call.arguments[0];
  if (!first) return null;
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) return first.text;
  // A template with `${…}` is named by its text as written, between the backquotes.
  if (ts.isTemplateExpression(first)) return first.getText(source).slice(1, -1);
  return null;
}

/** Titles of the tests a TypeScript file runs: `it(`/`test(` calls (and `it.each(…)(`), found
 * in its syntax tree, outside skipped suites, with a body. */
export function typescriptTestTitles(source: string, file = "x.test.ts"): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const titles: string[] = [];
  const visit = (node: ts.Node, skipped: boolean) => {
    if (ts.isCallExpression(node)) {
      // it.each(table)("title", fn): the callee is itself a call of `it.each`.
      const callee = ts.isCallExpression(node.expression)
        ? dotted(node.expression.expression)?.replace(/\.each$/, "")
        : dotted(node.expression);
      if (callee && SKIPPED_SUITES.has(callee)) return;
      if (!skipped && callee && RUNS.has(callee) && node.arguments.length >= 2) {
        const title = titleOf(node, sf);
        if (title !== null) titles.push(title);
      }
    }
    ts.forEachChild(node, (child) => visit(child, skipped));
  };
  visit(sf, false);
  return titles;
}

/** The Rust source with comments and the insides of string and char literals blanked out
 * (lengths kept), so nothing written in them is read as code. */
function rustCode(source: string): string {
  let out = "";
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (source[j] === "/" && source[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (source[j] === "*" && source[j + 1] === "/") {
          depth--;
          j += 2;
        } else {
          j++;
        }
      }
      out += source.slice(i, j).replace(/[^\n]/g, " ");
      i = j;
    } else if (c === "r" && /^r#*"/.test(source.slice(i, i + 10)) && !/\w/.test(source[i - 1] ?? "")) {
      const hashes = /^r(#*)"/.exec(source.slice(i))![1]!;
      const close = `"${hashes}`;
      const end = source.indexOf(close, i + 2 + hashes.length);
      const stop = end < 0 ? n : end + close.length;
      out += source.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && source[j] !== '"') j += source[j] === "\\" ? 2 : 1;
      out += source.slice(i, j + 1).replace(/[^\n]/g, " ");
      i = j + 1;
    } else if (c === "'" && /^'(\\.|[^\\'])'/.test(source.slice(i, i + 4))) {
      // A char literal ('"', '\''), not a lifetime ('a).
      const len = source[i + 1] === "\\" ? 4 : 3;
      out += " ".repeat(len);
      i += len;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Rust test functions that run: each `fn` under `#[test]` or `#[tokio::test…]`, unless an
 * attribute between marks it `#[ignore]` or compiles it out (`#[cfg(any())]`). */
export function rustTestFunctions(source: string): string[] {
  const code = rustCode(source);
  const names: string[] = [];
  const test = /#\[(?:tokio::)?test\b[^\]]*\]((?:\s*#\[[^\]]*\])*)\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+(\w+)/g;
  for (let m = test.exec(code); m; m = test.exec(code)) {
    const attrs = m[1] ?? "";
    if (/#\[\s*ignore\b/.test(attrs) || /#\[\s*cfg\(\s*any\(\s*\)\s*\)\s*\]/.test(attrs)) continue;
    names.push(m[2]!);
  }
  return names;
}

/** End-to-end journeys: `journey!(test_fn, "name", body)` outside comments — the test function
 * and the name `scripts/e2e GROUP:name` selects it by. */
export function journeyNames(source: string): string[] {
  // Comments blanked; the journey's name is a string, so it is read from the source at the
  // same place.
  const code = rustCode(source);
  const names: string[] = [];
  const journey = /\bjourney!\(\s*(\w+)\s*,/g;
  for (let m = journey.exec(code); m; m = journey.exec(code)) {
    const name = /^\s*"([^"]+)"/.exec(source.slice(m.index + m[0].length));
    if (name) names.push(m[1]!, name[1]!);
  }
  return names;
}

/** The test names a file holds, read the way its kind is written. */
export function testNamesOf(file: string, source: string): string[] {
  if (file.startsWith("tests/journeys/")) return journeyNames(source);
  if (file.endsWith(".rs")) return rustTestFunctions(source);
  return typescriptTestTitles(source, file);
}
