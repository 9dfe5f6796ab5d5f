// The backend's refusal of one field of a script, as the field shows it.

import { withoutFieldPrefix } from "../settings/preferences";
import type { AppError } from "../../lib/ipc";

/**
 * The message about `field`, or null when the refusal is about something else. A bare
 * predicate ("is required") is said about the field by its label.
 */
export function fieldRefusal(err: AppError | null, field: string, label: string): string | null {
  if (!err || err.field !== field) return null;
  const message = withoutFieldPrefix(err.serverMessage, field);
  return /^[a-z]/.test(message) ? `${label} ${message}.` : message;
}
