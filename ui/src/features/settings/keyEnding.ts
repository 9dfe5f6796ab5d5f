/** "ends in …abcd" from a key hint ("…abcd", or "abcd" from older settings). */
export function keyEnding(hint: string | null | undefined): string {
  if (!hint) return "no key";
  const tail = hint.replace(/^…/, "");
  return tail ? `ends in …${tail}` : "key set";
}
