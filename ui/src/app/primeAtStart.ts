// Before React's first render, the start's early answers (app/startEarly.ts) are waited for
// a moment and put in the caches: when they come in time (they come together, a few
// milliseconds after the bundle has run, once the backend's start-up restore is done), the
// window's first frame is the signed-in shell with its data — not "Starting…", then the
// shell, then the last-known paint or a balance request and the amount, three renders and
// ~150 ms later on the bench machine (issue 17). When they do not, React renders at once and
// the queries take them.

import type { QueryClient } from "@tanstack/react-query";
import { putEarly, takeEarly } from "../lib/early";
import { keys } from "../lib/queryClient";
import { lastKnownKey } from "./lastKnown/useLastKnown";
import { seedLastKnown } from "./lastKnown/seed";

/**
 * How long the first render waits for the session at most (the backend answers it after its
 * start-up restore: milliseconds here, unless the keyring asks for a password), and then for
 * something to paint: the dashboard's data (a network round trip) or the last-known state
 * (no network). Past this, the shell shows its placeholders rather than a blank window.
 */
export const WAIT_MS = { session: 250, data: 100 } as const;

const late = Symbol("late");
const never = new Promise<never>(() => undefined);

function within<T>(p: Promise<T>, ms: number): Promise<T | typeof late> {
  return Promise.race([p, new Promise<typeof late>((resolve) => setTimeout(() => resolve(late), Math.max(0, ms)))]);
}

/** The answer if it has come by now; else undefined. */
async function ifSettled<T>(answer: Promise<T>): Promise<T | undefined> {
  const now = await within(answer, 0);
  return now === late ? undefined : now;
}

/**
 * Waits up to `wait.session` for the session asked early. Answered, it is the session
 * query's data; late or failed, it stays for the session query to take (and say why).
 * Signed in, waits up to `wait.data` more until something can be painted: the dashboard's
 * early data settled in its cache (`dashboard`), or a last-known state, which is then painted
 * into the caches as the shell's `useLastKnown` would (and its query holds what was painted).
 */
export async function primeAtStart(
  qc: QueryClient,
  dashboard: Promise<void> | undefined,
  wait: { session: number; data: number } = WAIT_MS,
): Promise<void> {
  const early = takeEarly("getSession");
  if (early === undefined) return;
  const answer = await within(early, wait.session);
  if (answer === late || answer.status !== "ok") {
    putEarly("getSession", early);
    return;
  }
  qc.setQueryData(keys.session, answer.data);
  const lastKnown = takeEarly("getLastKnown");
  // Signed out at start: the last-known state asked with it belongs to no later session.
  if (!answer.data.signedIn) return;

  // Something to paint: the dashboard's data, or a last-known state (one with nothing in it
  // ends the wait only where no dashboard data is coming).
  const paintable = lastKnown?.then((r) =>
    (r.status === "ok" && r.data !== null) || dashboard === undefined ? undefined : never,
  );
  const waits = [dashboard, paintable].filter((p) => p !== undefined);
  if (waits.length > 0) await within(Promise.race(waits), wait.data);

  if (lastKnown === undefined) return;
  const known = await ifSettled(lastKnown);
  if (known === undefined || known.status !== "ok") {
    // Not come yet, or failed: the shell's own ask takes it (and says why).
    putEarly("getLastKnown", lastKnown);
    return;
  }
  qc.setQueryData(lastKnownKey, known.data === null ? null : seedLastKnown(qc, known.data));
}
