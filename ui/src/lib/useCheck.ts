// Asking the backend's rules about a form as it is typed. Every input rule lives in Rust
// (barrack-api's `forms`); the UI sends the form as typed and shows the field errors it gets
// back. A check touches no network and answers in well under a frame, so it runs on every
// keystroke; the query cache keeps the last answer on screen while the next one is out and
// drops answers to inputs that are no longer current.

import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { call, type AppError, type CommandResult } from "./ipc";

/** One rule check: its name (for the cache) and the literal command call. */
export type Check<I, O> = { name: string; run: (input: I) => Promise<CommandResult<O>> };

const checkKey = (name: string, input: unknown) => ["check", name, input] as const;

const QUERY = { staleTime: Infinity, gcTime: 60_000, meta: { local: true, quiet: true } } as const;

/**
 * The backend's answer for `input`; while the answer to a new input is out, the previous one
 * (`stale: true`). `undefined` before the first answer or while `enabled` is false; `error`
 * when the check itself failed (so a caller never waits on an answer that will not come).
 */
export function useCheck<I, O>(
  check: Check<I, O>,
  input: I,
  enabled = true,
): { data: O | undefined; stale: boolean; error: AppError | null } {
  const q = useQuery({
    queryKey: checkKey(check.name, input),
    queryFn: () => call(check.run(input)),
    placeholderData: keepPreviousData,
    enabled,
    ...QUERY,
  });
  return {
    data: enabled ? q.data : undefined,
    stale: q.isPlaceholderData || q.isFetching,
    error: enabled ? q.error : null,
  };
}

/** The answer for exactly `input` (a submit waits for it instead of trusting an older one). */
export function checkNow<I, O>(qc: QueryClient, check: Check<I, O>, input: I): Promise<O> {
  return qc.fetchQuery({ queryKey: checkKey(check.name, input), queryFn: () => call(check.run(input)), ...QUERY });
}

/** `checkNow` bound to the app's query client. */
export function useCheckNow() {
  const qc = useQueryClient();
  return <I, O>(check: Check<I, O>, input: I) => checkNow(qc, check, input);
}
