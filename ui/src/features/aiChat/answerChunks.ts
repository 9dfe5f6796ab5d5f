// How much of an answer is rendered at once. An answer can be huge (a model asked for a
// long text, or a hostile server): parsing and drawing a megabyte of Markdown in one go
// would freeze the window, so an answer shows ANSWER_CHUNK_CHARS at a time, with
// "Show more" for the next part. Kept out of the lazily loaded renderer: counting needs no
// parser.

/** Characters of an answer rendered at first, and added by each "Show more". */
export const ANSWER_CHUNK_CHARS = 12_000;

/**
 * Where the shown part of `text` ends for a budget of `limit` characters: the whole text
 * when it fits, else the last blank line (a Markdown block's end) within the budget's last
 * half chunk, else the budget itself. Each "Show more" (budget = end + a chunk) so ends at
 * least half a chunk further.
 */
export function shownEnd(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const blank = text.lastIndexOf("\n\n", limit);
  if (blank >= limit - ANSWER_CHUNK_CHARS / 2) return blank;
  // Not between the two halves of a surrogate pair (an emoji).
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
