// The preferences form's draft, its checks (the same bounds as Settings::validate in Rust)
// and how it goes back into a Settings object.

import type { Settings } from "./queries";
import type { Notifications_Serialize } from "../../bindings";

export type PreferencesDraft = {
  pollFastSecs: string;
  pollIdleSecs: string;
  lowBalanceThreshold: string;
  notifications: Notifications_Serialize;
};

export type PreferenceField = "pollFastSecs" | "pollIdleSecs" | "lowBalanceThreshold";
export type PreferenceErrors = Partial<Record<PreferenceField, string>>;

export const PREFERENCE_FIELDS: readonly PreferenceField[] = ["pollFastSecs", "pollIdleSecs", "lowBalanceThreshold"];

export function draftOf(s: Settings): PreferencesDraft {
  return {
    pollFastSecs: String(s.pollFastSecs),
    pollIdleSecs: String(s.pollIdleSecs),
    lowBalanceThreshold: String(s.lowBalanceThreshold ?? 0),
    notifications: { ...s.notifications },
  };
}

function wholeBetween(text: string, min: number, max: number): boolean {
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= min && n <= max;
}

export function validatePreferences(d: PreferencesDraft): PreferenceErrors {
  const errors: PreferenceErrors = {};
  if (!wholeBetween(d.pollFastSecs, 1, 60)) errors.pollFastSecs = "Between 1 and 60 seconds.";
  if (!wholeBetween(d.pollIdleSecs, 15, 3600)) errors.pollIdleSecs = "Between 15 and 3600 seconds.";
  const t = Number(d.lowBalanceThreshold);
  if (d.lowBalanceThreshold.trim() === "" || !Number.isFinite(t) || t < 0) errors.lowBalanceThreshold = "0 or more.";
  return errors;
}

export function applyDraft(s: Settings, d: PreferencesDraft): Settings {
  return {
    ...s,
    pollFastSecs: Number(d.pollFastSecs),
    pollIdleSecs: Number(d.pollIdleSecs),
    lowBalanceThreshold: Number(d.lowBalanceThreshold),
    notifications: { ...d.notifications },
  };
}

/** "pollIdleSecs: must be between…" → "must be between…" (the field is shown already). */
export function withoutFieldPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
