// Error toasts: what to do (from the code), the server's own words, and the request id
// to quote to support.

import { withToast } from "./lazyToast";
import { SERVER_TEXT_MAX } from "../bindings";
import type { AppError } from "./ipc";

/**
 * A server's (or backend's) words at a sane length (SERVER_TEXT_MAX, barrack-api's own cut):
 * whitespace runs folded, cut with "…".
 */
export function cutServerText(text: string, max: number = SERVER_TEXT_MAX): string {
  const folded = text.replace(/\s+/g, " ").trim();
  if (folded.length <= max) return folded;
  // Cut at a code point boundary (no half of a surrogate pair).
  return `${Array.from(folded)
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

export function errorDetail(e: AppError): string {
  const parts: string[] = [];
  if (e.serverMessage && e.serverMessage !== e.humanMessage) parts.push(cutServerText(e.serverMessage));
  if (e.requestId) parts.push(`Request ID ${e.requestId}`);
  return parts.join(" · ");
}

export function showErrorToast(e: AppError): void {
  const detail = errorDetail(e);
  withToast((toast) =>
    toast.error(e.humanMessage, {
      description: detail || undefined,
      // One toast per distinct error: a burst of identical failures shows once.
      id: `${e.code}:${e.serverMessage}`,
    }),
  );
}
