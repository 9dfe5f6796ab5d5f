// The IPC layer over the generated bindings: a command's result becomes a value or a thrown
// AppError, and every error code has a sentence a person can act on.

import type { AppErrorCode } from "../bindings";
import { cutServerText } from "./notify";

/** A code the backend sent, or `Unexpected` for a failure that never reached it. */
export type ErrorCode = AppErrorCode | "Unexpected";

type RawError = { code: string; message: string; requestId?: string | null; field?: string | null };
export type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: RawError };

/** What a person can do about each error code. The backend's own message is shown beside it. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  Unauthorized:
    "The API key was refused. Check that it is complete and still active, and that the auth scheme (Advanced) is the one your account uses.",
  InsufficientCredits: "Your balance is too low for this. Add credits on Billing & Credits, then try again.",
  NotFound: "That resource no longer exists. It may have been deleted elsewhere.",
  Validation: "Some values were not accepted. Check the highlighted fields.",
  Conflict: "That does not fit the resource's current state, or the name is already taken. Refresh and try again.",
  RateLimited: "Barrack is limiting requests right now. Wait a moment and try again.",
  Server: "Barrack had a problem handling the request. Try again in a moment.",
  Network: "Barrack cannot be reached. Check your internet connection and the base URL; the last data stays on screen.",
  Timeout: "Barrack took too long to answer. Try again in a moment.",
  Decode:
    "Barrack answered in a form this app does not understand. Settings › Check connection shows which endpoints differ.",
  KeychainUnavailable:
    "No usable system keychain, so the key cannot be stored safely. On Linux, install and unlock a Secret Service keyring (for example gnome-keyring or KWallet) and sign in again; on macOS or Windows, unlock Keychain or Credential Manager. The key is never written in plain text.",
  KeychainError: "The system keychain refused to read or store the key. Unlock it and try again.",
  NotSignedIn: "No account is signed in. Sign in with an API key, or explore the sandbox.",
  Sandbox: "The sandbox could not start. Restart the app and try again.",
  SandboxNotBuiltIn: "This build of the app has no sandbox. Sign in with an API key instead.",
  Settings: "Settings could not be read or saved. Check that the app's data folder is writable.",
  Cancelled: "Cancelled: nothing was done.",
  File: "The file could not be written. Pick a folder you can write to, with enough free space.",
  Internal:
    "The app hit an internal error; nothing was sent twice. Try again, and if it happens again, restart the app.",
  NoUpdate: "No newer version is offered: you have the latest. Check again later.",
  UpdateCheckFailed:
    "The update server could not be reached or answered something unreadable. Check your internet connection and try again later.",
  UpdateDownloadFailed:
    "The update could not be downloaded. Nothing was installed: the running version is unchanged. Try again later.",
  UpdateSignatureRefused:
    "The update was refused: its signature is not the project's for the version announced (signed with another key, changed after signing, or the signature of another version). Nothing was installed: the running version is unchanged.",
  UpdateInstallFailed:
    "The update was verified but could not be installed. The running version is unchanged. Try again, or install the new package by hand.",
  Unexpected: "Something unexpected went wrong.",
};

/** A sentence for `code`; codes a newer backend may add get a general one. */
export function humanMessage(code: string): string {
  return Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code as ErrorCode] : `Something went wrong (${code}).`;
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
