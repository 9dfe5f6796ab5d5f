// Hibernate timers: "after N hours" and a local date-time picked in the form become the
// RFC 3339 instant the backend stores; and how a timer reads in the list.

import { TIMER_RULES, type HibernateTimer } from "../../bindings";

/** What "+30 min" adds. */
export const POSTPONE_MINUTES = 30;

/** `now` + `hours`, as RFC 3339 (UTC); null when hours is not a positive number. */
export function atAfterHours(hours: number, now: Date = new Date()): string | null {
  if (!Number.isFinite(hours) || hours <= 0) return null;
  return new Date(now.getTime() + Math.round(hours * 3_600_000)).toISOString();
}

/** A `datetime-local` value (the user's wall clock) as RFC 3339; null when not a time. */
export function atFromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  // Without a zone, Date parses a date-time as local time: the zone the user sees.
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** `date` as a `datetime-local` value in local time (the input's default and minimum). */
export function toLocalInput(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** "in 2 h 05 min", "in 4 min", "in under a minute", "due now". */
export function timeUntil(at: string, now: number): string {
  const ms = Date.parse(at) - now;
  if (Number.isNaN(ms)) return "";
  if (ms <= 0) return "due now";
  if (ms < 60_000) return "in under a minute";
  const minutes = Math.ceil(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `in ${h} h ${String(m).padStart(2, "0")} min` : `in ${m} min`;
}

/** The sentence for a timer in a list. */
export function describeTimer(t: HibernateTimer, now: number): string {
  if (t.kind === "hibernateWhenActive") return "Hibernates as soon as it is ACTIVE (it is starting).";
  const d = new Date(t.at);
  const at = Number.isNaN(d.getTime()) ? t.at : d.toLocaleString();
  return `Hibernates at ${at} (${timeUntil(t.at, now)}).`;
}

/**
 * Why a timer cannot be set on a VM in this state, or null. Hibernation is documented only
 * from ACTIVE (rules.md §2.2); a VM on its way to ACTIVE can have one.
 */
export function timerBlocked(status: string): string | null {
  const rules = TIMER_RULES.byState as Record<string, string | null>;
  const s = status.trim().toUpperCase();
  return Object.hasOwn(rules, s) ? (rules[s] ?? null) : TIMER_RULES.otherwise;
}
