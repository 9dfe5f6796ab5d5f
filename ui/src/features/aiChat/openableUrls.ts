// Which links in an answer the app may open: exactly the opener plugin's scope in
// tauri.conf.json (`opener:allow-open-url`), so a link shown as clickable is one the
// capability lets through. openableUrls.test.ts fails when the two lists differ.

/** The opener's URL patterns, as tauri.conf.json grants them. */
export const OPENABLE_URL_PATTERNS = ["https://barrack.ai/*", "https://docs.barrack.ai/*"] as const;

/** `https://host/*` → the origin it allows. */
const OPENABLE_ORIGINS: readonly string[] = OPENABLE_URL_PATTERNS.map((p) => p.slice(0, -"/*".length));

/**
 * The URL normalised when the app may open it, else null: https only, one of the allowed
 * hosts exactly (not a subdomain, no user info, no other port).
 */
export function openableUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  return OPENABLE_ORIGINS.includes(url.origin) ? url.href : null;
}
