// A thin layer over the generated bindings: results become values or a thrown AppError,
// every error code has a sentence a person can act on, and the few app-wide queries
// (session, settings, balance) have one hook each.

import {
  MutationCache,
  QueryCache,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
} from "@tanstack/react-query";
import {
  commands,
  type AppErrorCode,
  type CreditBalanceResponse_Serialize,
  type Preferences_Deserialize,
  type ProbeResult,
  type SessionInfo_Serialize,
  type Settings_Serialize,
  type Theme,
} from "./bindings";
import { connection } from "./connection";
import { keyRefusal } from "./keyRefusal";
import { cutServerText, showErrorToast } from "./notify";

export type Session = SessionInfo_Serialize;
export type Settings = Settings_Serialize;
export type CreditBalance = CreditBalanceResponse_Serialize;
/** What the UI may save: preferences only. Profiles (where the key goes) change by signing in. */
export type Preferences = Preferences_Deserialize;
export type { AppErrorCode, ProbeResult, Theme };

/** A code the backend sent, or `Unexpected` for a failure that never reached it. */
export type ErrorCode = AppErrorCode | "Unexpected";

type RawError = { code: string; message: string; requestId?: string | null; field?: string | null };
type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: RawError };

/** What a person can do about each error code. The backend's own message is shown beside it. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  Unauthorized:
    "The API key was refused. Check that it is complete and still active, and that the auth scheme (Advanced) is the one your account uses.",
  InsufficientCredits:
    "Your balance is too low for this. Add credits on Billing & Credits, then try again.",
  NotFound: "That resource no longer exists. It may have been deleted elsewhere.",
  Validation: "Some values were not accepted. Check the highlighted fields.",
  Conflict:
    "That does not fit the resource's current state, or the name is already taken. Refresh and try again.",
  RateLimited: "Barrack is limiting requests right now. Wait a moment and try again.",
  Server: "Barrack had a problem handling the request. Try again in a moment.",
  Network:
    "Barrack cannot be reached. Check your internet connection and the base URL; the last data stays on screen.",
  Timeout: "Barrack took too long to answer. Try again in a moment.",
  Decode:
    "Barrack answered in a form this app does not understand. Settings › Check connection shows which endpoints differ.",
  KeychainUnavailable:
    "No usable system keychain, so the key cannot be stored safely. On Linux, install and unlock a Secret Service keyring (for example gnome-keyring or KWallet) and sign in again; on macOS or Windows, unlock Keychain or Credential Manager. The key is never written in plain text.",
  KeychainError: "The system keychain refused to read or store the key. Unlock it and try again.",
  NotSignedIn: "No account is signed in. Sign in with an API key, or explore the sandbox.",
  Sandbox: "The sandbox could not start. Restart the app and try again.",
  Settings: "Settings could not be read or saved. Check that the app's data folder is writable.",
  Cancelled: "Cancelled: nothing was done.",
  File: "The file could not be written. Pick a folder you can write to, with enough free space.",
  Internal:
    "The app hit an internal error; nothing was sent twice. Try again, and if it happens again, restart the app.",
  Unexpected: "Something unexpected went wrong.",
};

/** A sentence for `code`; codes a newer backend may add get a general one. */
export function humanMessage(code: string): string {
  return Object.hasOwn(ERROR_MESSAGES, code)
    ? ERROR_MESSAGES[code as ErrorCode]
    : `Something went wrong (${code}).`;
}

/** The one error type the UI sees: the backend's `{code, message, requestId?, field?}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The server's (or backend's) own words, cut to a sane length (SERVER_TEXT_MAX). */
  readonly serverMessage: string;
  readonly requestId: string | undefined;
  /** The input field a validation error is about (e.g. `apiKey`, `pollIdleSecs`). */
  readonly field: string | undefined;

  constructor(raw: RawError) {
    // Cut here, once: every place that shows it (toasts, banners, fields) gets a sane length.
    const message = cutServerText(raw.message);
    super(message);
    this.name = "AppError";
    this.code = raw.code as ErrorCode;
    this.serverMessage = message;
    this.requestId = raw.requestId ?? undefined;
    this.field = raw.field ?? undefined;
  }

  get humanMessage(): string {
    return humanMessage(this.code);
  }

  /** Network or timeout: the API was not reached, the data on screen is still the last known. */
  get isOffline(): boolean {
    return this.code === "Network" || this.code === "Timeout";
  }
}

function isRawError(e: unknown): e is RawError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as RawError).code === "string" &&
    typeof (e as RawError).message === "string"
  );
}

/** Any thrown value as an AppError (IPC failures that never reached Rust become `Unexpected`). */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isRawError(e)) return new AppError(e);
  const message = e instanceof Error ? e.message : String(e);
  return new AppError({ code: "Unexpected", message });
}

/** The data of a command's result, or a thrown AppError. */
export function unwrap<T>(result: CommandResult<T>): T {
  if (result.status === "ok") return result.data;
  throw new AppError(result.error);
}

/** Awaits a command and unwraps it (also turns a rejected IPC call into an AppError). */
export async function call<T>(pending: Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await pending;
  } catch (e) {
    throw toAppError(e);
  }
  return unwrap(result);
}

// ---------------------------------------------------------------------------------------
// Query client

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

// ---------------------------------------------------------------------------------------
// Session

/**
 * A new session (sign-in, another profile, sandbox, sign-out): what was cached for the
 * previous account goes, the session is replaced and settings are read again.
 */
export function applySession(qc: QueryClient, session: Session): void {
  keyRefusal.clear();
  qc.removeQueries({
    predicate: (q) => q.queryKey[0] !== keys.session[0] && q.queryKey[0] !== keys.settings[0],
  });
  qc.setQueryData(keys.session, session);
  void qc.invalidateQueries({ queryKey: keys.settings });
}

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: () => call(commands.getSession()),
    meta: { local: true },
    // The backend answers once its start-up restore (or sandbox) is done.
    staleTime: Infinity,
  });
}

function useSessionMutation<A>(run: (arg: A) => Promise<Session>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (session) => applySession(qc, session),
    meta: { changesSession: true },
  });
}

export function useSwitchProfile() {
  return useSessionMutation((name: string) => call(commands.useProfile(name)));
}

export function useSignOut() {
  return useSessionMutation((_: void) => call(commands.signOut()));
}

export function useStartSandbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(commands.startSandbox()),
    onSuccess: (session) => applySession(qc, session),
    meta: { quiet: true },
  });
}

// ---------------------------------------------------------------------------------------
// Settings

export function useSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => call(commands.getSettings()),
    meta: { local: true },
    staleTime: Infinity,
  });
}

/** The preferences of a settings object: what `set_settings` takes (nothing about profiles). */
export function preferencesOf(s: Settings): Preferences {
  return {
    theme: s.theme,
    pollFastSecs: s.pollFastSecs,
    pollIdleSecs: s.pollIdleSecs,
    notifications: { ...s.notifications },
    lowBalanceThreshold: s.lowBalanceThreshold,
  };
}

/** Saves the preferences; the component shows field errors (`quiet`). */
export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preferences) => call(commands.setSettings(preferences)),
    onSuccess: (saved) => qc.setQueryData(keys.settings, saved),
    meta: { quiet: true },
  });
}

/** Changes the theme at once (the cache first, so it applies now), then saves it. */
export function useSetTheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (theme: Theme) => {
      const current = qc.getQueryData<Settings>(keys.settings) ?? (await call(commands.getSettings()));
      return call(commands.setSettings({ ...preferencesOf(current), theme }));
    },
    onMutate: (theme) => {
      const before = qc.getQueryData<Settings>(keys.settings);
      if (before) qc.setQueryData<Settings>(keys.settings, { ...before, theme });
      return { before };
    },
    // With quick successive picks the answers may come back in any order: the theme
    // shown is always the last one picked.
    onError: (_e, theme, ctx) => {
      const now = qc.getQueryData<Settings>(keys.settings);
      if (ctx?.before && now?.theme === theme) qc.setQueryData(keys.settings, ctx.before);
    },
    onSuccess: (saved) =>
      qc.setQueryData<Settings>(keys.settings, (now) => (now ? { ...saved, theme: now.theme } : saved)),
  });
}

// ---------------------------------------------------------------------------------------
// Balance

export function useBalance() {
  const session = useSession();
  return useQuery({
    queryKey: keys.balance,
    queryFn: () => call(commands.getBalance()),
    enabled: session.data?.signedIn === true,
  });
}

/** The balance in the account's own currency (balances are kept per currency, BILL-06). */
export function primaryBalance(b: CreditBalance): { amount: number; currency: string } {
  const own = b.balances.find((x) => x.currency === b.currency);
  return { amount: own?.amount ?? 0, currency: b.currency };
}

/** "241.20 USD". */
export function formatMoney(amount: number, currency: string): string {
  const text = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
  return `${text} ${currency}`;
}

/** Puts a balance pushed by the poller into the cache (no request). */
export function patchBalance(qc: QueryClient, amount: number, currency: string | null): void {
  qc.setQueryData<CreditBalance>(keys.balance, (old) => {
    if (!old) return old;
    const cur = currency ?? old.currency;
    const others = old.balances.filter((b) => b.currency !== cur);
    return { ...old, currency: cur, balances: [...others, { currency: cur, amount }] };
  });
}

// ---------------------------------------------------------------------------------------
// Check connection

export function useCheckConnection() {
  return useMutation({
    mutationFn: () => call(commands.checkConnection()),
  });
}
