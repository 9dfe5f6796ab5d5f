// Error toasts: what to do (from the code), the server's own words, and the request id
// to quote to support.

import { toast } from "sonner";
import type { AppError } from "./api";

export function errorDetail(e: AppError): string {
  const parts: string[] = [];
  if (e.serverMessage && e.serverMessage !== e.humanMessage) parts.push(e.serverMessage);
  if (e.requestId) parts.push(`Request ID ${e.requestId}`);
  return parts.join(" · ");
}

export function showErrorToast(e: AppError): void {
  const detail = errorDetail(e);
  toast.error(e.humanMessage, {
    description: detail || undefined,
    // One toast per distinct error: a burst of identical failures shows once.
    id: `${e.code}:${e.serverMessage}`,
  });
}
