// A fake backend for component tests: mockIPC answers the generated commands, records
// every call, and lets a test emit the backend's events.

import { beforeAll } from "vitest";
import { act, render } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { createQueryClient } from "../lib/queryClient";
import { type CreditBalance } from "../features/billing/balance";
import { type Session } from "../features/account/session";
import { type Settings } from "../features/settings/queries";
import { Providers, Root } from "../app/App";
import { loadAllPages } from "../app/shell/pageChunks";
import type { AppErrorCode, ConnectionChanged_Serialize, ResourcesChanged_Serialize } from "../bindings";
import { FORM_CASE_HANDLERS } from "./formCases";
import { accountOverviewOf, instancesOverviewOf } from "./vms";

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

/** What a failing command rejects with: the AppError shape Rust serialises. */
export function appError(code: AppErrorCode, message: string, extra: { field?: string; requestId?: string } = {}) {
  return { code, message, ...extra };
}

/** A handler that fails with an AppError. */
export function fails(
  code: AppErrorCode,
  message: string,
  extra: { field?: string; requestId?: string } = {},
): Handler {
  return () => {
    throw appError(code, message, extra);
  };
}

export const SIGNED_OUT: Session = {
  signedIn: false,
  profile: null,
  sandbox: false,
  keyHint: null,
  baseUrl: null,
  startupError: null,
  keyRefused: false,
  sandboxBuiltIn: true,
};
export const SIGNED_IN: Session = {
  signedIn: true,
  profile: "work",
  sandbox: false,
  keyHint: "…abcd",
  baseUrl: "https://barrack.ai/api/",
  startupError: null,
  keyRefused: false,
  sandboxBuiltIn: true,
};
export const SANDBOX: Session = {
  signedIn: true,
  profile: "sandbox",
  sandbox: true,
  keyHint: "…0000",
  baseUrl: "http://127.0.0.1:40123/api/",
  startupError: null,
  keyRefused: false,
  sandboxBuiltIn: true,
};

export function settingsWith(patch: Partial<Settings> = {}): Settings {
  return {
    profiles: [
      { name: "work", baseUrl: "https://barrack.ai/api/", authScheme: "bearer", keyHint: "…abcd" },
      { name: "lab", baseUrl: "https://staging.barrack.ai/api/", authScheme: "x-api-key", keyHint: "…wxyz" },
    ],
    activeProfile: "work",
    theme: "system",
    pollFastSecs: 2,
    pollIdleSecs: 60,
    notifications: { vmReady: true, snapshotReady: true, imageReady: true, lowBalance: true },
    lowBalanceThreshold: 10,
    autoUpdateCheck: true,
    logLevel: "info",
    window: { width: null, height: null, x: null, y: null, maximized: false },
    sshKeyFile: null,
    ...patch,
  };
}

export function balanceOf(amount: number, currency = "USD"): CreditBalance {
  return {
    success: true,
    message: null,
    account_id: "BRK-100234",
    currency,
    balances: [{ currency, amount }],
    profile_complete: true,
    request_id: "req-1",
  };
}

/**
 * Installs the fake backend. `handlers` override the defaults (a value is returned as is,
 * a function is called with the command's arguments). Returns the recorded calls.
 */
export function mockBackend(handlers: Record<string, unknown> = {}) {
  const calls: Call[] = [];
  let settings = settingsWith();
  const defaults: Record<string, unknown> = {
    get_session: SIGNED_IN,
    get_settings: () => settings,
    // Like the backend: preferences only; profiles, the active one and the window stay.
    set_settings: (args: Record<string, unknown>) => {
      const p = args.settings as Partial<Settings>;
      settings = {
        ...settings,
        theme: p.theme ?? settings.theme,
        pollFastSecs: p.pollFastSecs ?? settings.pollFastSecs,
        pollIdleSecs: p.pollIdleSecs ?? settings.pollIdleSecs,
        notifications: p.notifications ?? settings.notifications,
        lowBalanceThreshold: p.lowBalanceThreshold ?? settings.lowBalanceThreshold,
        autoUpdateCheck: p.autoUpdateCheck ?? settings.autoUpdateCheck,
      };
      return settings;
    },
    set_log_level: (args: Record<string, unknown>) => {
      settings = { ...settings, logLevel: args.level as Settings["logLevel"] };
      return settings;
    },
    get_balance: balanceOf(241.2),
    // The backend's notices queue: empty unless a test fills it.
    take_app_notices: [],
    // No barrack:// link waits unless a test gives one.
    take_deep_link: null,
    // Nothing kept from a previous start unless a test gives it.
    get_last_known: null,
    // No VMs unless a test gives some (the dashboard and instances pages read these).
    account_overview: accountOverviewOf([]),
    instances_overview: instancesOverviewOf([]),
    // The poller follows the stock while the wizard is open: nothing to do here.
    watch_stock: null,
    // The input rules answer as the Rust case table says (test/formCases.ts).
    ...FORM_CASE_HANDLERS,
  };
  const all = { ...defaults, ...handlers };
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      if (!(cmd in all)) throw appError("NotFound", `no mock for ${cmd}`);
      const h = all[cmd];
      return typeof h === "function" ? (h as Handler)(a) : h;
    },
    { shouldMockEvents: true },
  );
  return {
    calls,
    called: (cmd: string) => calls.filter((c) => c.cmd === cmd),
  };
}

// The pages load with their routes (React.lazy): loaded once before a file's tests, so a
// test's wait is for its data, not for the module loader (as when they were imported eagerly).
beforeAll(() => loadAllPages(), 60_000);

/** The whole app at `path`, with a fresh query client. */
export function renderApp(path = "/dashboard") {
  const client = createQueryClient();
  const result = render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Root />
      </MemoryRouter>
    </Providers>,
  );
  return { ...result, client };
}

/** One component inside the providers (for parts that need no route). */
export function renderWithProviders(ui: ReactElement) {
  const client = createQueryClient();
  return {
    ...render(
      <Providers client={client}>
        <MemoryRouter>{ui}</MemoryRouter>
      </Providers>,
    ),
    client,
  };
}

/** A `resourcesChanged` event: nothing changed but what `change` says. */
export function resourcesChangedOf(change: Partial<ResourcesChanged_Serialize>): ResourcesChanged_Serialize {
  return { kinds: [], instances: [], balance: null, currency: null, balances: [], runwayHours: null, ...change };
}

export async function emitResourcesChanged(payload: Partial<ResourcesChanged_Serialize>) {
  await act(() => emit("resources-changed", resourcesChangedOf(payload)));
}

export async function emitConnectionChanged(payload: ConnectionChanged_Serialize) {
  await act(() => emit("connection-changed", payload));
}

/** One of the backend's events by its wire name (e.g. "key-refused"), as Tauri delivers it. */
export async function emitEvent(name: string, payload: unknown) {
  await act(() => emit(name, payload));
}

/** A promise the test settles itself (to look at a pending state). */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
