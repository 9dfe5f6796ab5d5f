// The app's one query client: errors that mean "offline" or "key refused" are said once, by
// the banners, instead of by every query; the rest become toasts unless a query shows its own.

import { MutationCache, QueryCache, QueryClient, type Query } from "@tanstack/react-query";
import type { Session } from "../features/account/session";
import { keyRefusal } from "../features/account/keyRefusal";
import { connection } from "./connection";
import { AppError, toAppError } from "./ipc";
import { showErrorToast } from "./notify";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: AppError;
    queryMeta: QueryMeta;
    mutationMeta: QueryMeta;
  }
}

type QueryMeta = {
  /** Answered by the backend alone (no network): says nothing about being online. */
  local?: boolean;
  /** The component shows this error itself: no global toast. */
  quiet?: boolean;
  /** Changes the session (another profile): an `Unauthorized` is about that key, not the current one. */
  changesSession?: boolean;
};

export const keys = {
  session: ["session"] as const,
  settings: ["settings"] as const,
  balance: ["balance"] as const,
};

/**
 * A command answered `Unauthorized` while signed in: the key was refused (revoked or
 * expired). The banner asks to sign in again; the data on screen stays. Returns whether
 * it was that.
 */
function noteKeyRefused(e: AppError, qc: QueryClient): boolean {
  if (e.code !== "Unauthorized") return false;
  const session = qc.getQueryData<Session>(keys.session);
  if (!session?.signedIn || !session.profile) return false;
  keyRefusal.mark(session.profile, e.serverMessage || null);
  return true;
}

function onQueryError(error: unknown, query: Query<unknown, unknown, unknown>, qc: QueryClient) {
  const e = toAppError(error);
  if (e.isOffline && !query.meta?.local) {
    // The banner says it once; the last data stays on screen.
    connection.markOffline(e.serverMessage);
    return;
  }
  if (noteKeyRefused(e, qc)) return;
  if (!query.meta?.quiet) showErrorToast(e);
}

function onQuerySuccess(query: Query<unknown, unknown, unknown>) {
  if (!query.meta?.local) connection.markOnline();
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => onQueryError(error, query, client),
      onSuccess: (_data, query) => onQuerySuccess(query),
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        const e = toAppError(error);
        if (e.isOffline) connection.markOffline(e.serverMessage);
        if (!mutation.meta?.changesSession && noteKeyRefused(e, client)) return;
        if (!mutation.meta?.quiet) showErrorToast(e);
      },
    }),
    defaultOptions: {
      queries: {
        // The backend already retries idempotent reads with backoff (and Retry-After).
        retry: false,
        // The backend poller pushes changes; a focus does not need a refetch.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
