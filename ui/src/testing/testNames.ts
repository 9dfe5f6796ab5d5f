// The names of the tests a file holds, read from its text: what a requirement's proof may
// name. A proof that merely appears somewhere in a file (a comment, a string, half a title)
// is not a test, so the completeness check compares against these names exactly.

/** Test titles of a TypeScript test file: the string given to `it(`/`test(` (also
 * `.each(…)(`, `.skip(`, `.only(`), as written — a template literal's `${…}` stays as is. */
export function typescriptTestTitles(source: string): string[] {
  const titles: string[] = [];
  const call = /\b(?:it|test)(?:\.(?:skip|only|todo|concurrent))?(?:\.each\([\s\S]*?\))?\(\s*(["'`])/g;
  for (let m = call.exec(source); m; m = call.exec(source)) {
    const quote = m[1]!;
    let i = call.lastIndex;
    let title = "";
    while (i < source.length && source[i] !== quote) {
      if (source[i] === "\\" && i + 1 < source.length) {
        title += source[i + 1];
        i += 2;
      } else {
        title += source[i];
        i += 1;
      }
    }
    titles.push(title);
  }
  return titles;
}

/** Rust test functions: each `fn` under a `#[test]` or `#[tokio::test…]` attribute (other
 * attributes and comments may sit between). */
export function rustTestFunctions(source: string): string[] {
  const names: string[] = [];
  const test =
    /#\[(?:tokio::)?test\b[^\]]*\]\s*(?:(?:#\[[^\]]*\]|\/\/[^\n]*)\s*)*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+(\w+)/g;
  for (let m = test.exec(source); m; m = test.exec(source)) names.push(m[1]!);
  return names;
}

/** End-to-end journeys: `journey!(test_fn, "name", body)` — the test function and the name
 * `scripts/e2e GROUP:name` selects it by. */
export function journeyNames(source: string): string[] {
  const names: string[] = [];
  const journey = /\bjourney!\(\s*(\w+)\s*,\s*"([^"]+)"/g;
  for (let m = journey.exec(source); m; m = journey.exec(source)) names.push(m[1]!, m[2]!);
  return names;
}

/** The test names a file holds, read the way its kind is written. */
export function testNamesOf(file: string, source: string): string[] {
  if (file.startsWith("tests/journeys/")) return journeyNames(source);
  if (file.endsWith(".rs")) return rustTestFunctions(source);
  return typescriptTestTitles(source);
}
