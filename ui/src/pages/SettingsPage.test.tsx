import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ProbeResult } from "../bindings";
import type { Settings } from "../features/settings/queries";
import { SIGNED_IN, deferred, fails, mockBackend, renderApp, settingsWith } from "../test/backend";
import { retype, submitSignIn } from "../test/typing";

describe("settings: accounts", () => {
  it("lists profiles with base URL, auth scheme and the key's ending", async () => {
    mockBackend();
    renderApp("/settings");
    const work = await screen.findByTestId("profile-row-work");
    expect(work).toHaveTextContent("work");
    expect(work).toHaveTextContent("in use");
    expect(work).toHaveTextContent("https://barrack.ai/api/");
    expect(work).toHaveTextContent("bearer");
    expect(work).toHaveTextContent("ends in …abcd");
    expect(screen.getByTestId("profile-use-work")).toBeDisabled();
    expect(screen.getByTestId("profile-remove-work")).toBeDisabled();
    expect(screen.getByTestId("profile-row-lab")).toHaveTextContent("x-api-key");
  });

  it("uses another profile", async () => {
    const backend = mockBackend({ use_profile: { ...SIGNED_IN, profile: "lab", keyHint: "…wxyz" } });
    renderApp("/settings");
    await userEvent.click(await screen.findByTestId("profile-use-lab"));
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("lab"));
    expect(backend.called("use_profile")[0]!.args).toEqual({ name: "lab" });
  });

  it("signs in again to a profile whose key was removed, with its saved address and scheme", async () => {
    const profiles = settingsWith().profiles.map((p) => (p.name === "lab" ? { ...p, keyHint: null } : p));
    mockBackend({ get_settings: settingsWith({ profiles }) });
    renderApp("/settings");
    const user = userEvent.setup();
    expect(await screen.findByTestId("profile-row-lab")).toHaveTextContent("signed out");
    await user.click(screen.getByTestId("profile-use-lab"));
    expect(await screen.findByTestId("profile-name")).toHaveValue("lab");
    await user.click(screen.getByTestId("advanced-toggle"));
    expect(screen.getByTestId("base-url")).toHaveValue("https://staging.barrack.ai/api/");
    expect(screen.getByTestId("auth-scheme")).toHaveValue("x-api-key");
  });

  it("changes a profile's URL or key only through the sign-in form, prefilled, never by editing in place", async () => {
    const backend = mockBackend({ sign_in: { ...SIGNED_IN, profile: "lab", keyHint: "…new2" } });
    renderApp("/settings");
    const user = userEvent.setup();
    const row = await screen.findByTestId("profile-row-lab");
    // No field edits a saved profile's address.
    expect(within(row).queryByRole("textbox")).not.toBeInTheDocument();
    await user.click(within(row).getByRole("button", { name: "Change URL or key…" }));
    expect(await screen.findByTestId("profile-name")).toHaveValue("lab");
    expect(screen.getByTestId("api-key")).toHaveValue("");
    await user.click(screen.getByTestId("advanced-toggle"));
    expect(screen.getByTestId("base-url")).toHaveValue("https://staging.barrack.ai/api/");
    expect(screen.getByTestId("auth-scheme")).toHaveValue("x-api-key");
    await retype(user, "base-url", "https://eu.barrack.ai/api/");
    await user.type(screen.getByTestId("api-key"), "sk-lab-key-0002");
    // The new address goes with the key entered again, checked by sign-in.
    expect(await submitSignIn(user, backend)).toMatchObject({
      profile: "lab",
      baseUrl: "https://eu.barrack.ai/api/",
      apiKey: "sk-lab-key-0002",
    });
    expect(backend.called("set_settings")).toEqual([]);
  });

  it("removes a profile and its key after asking, staying signed in to the current one", async () => {
    const backend = mockBackend({
      remove_profile: () => settingsWith({ profiles: settingsWith().profiles.filter((p) => p.name !== "lab") }),
    });
    renderApp("/settings");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("profile-remove-lab"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("deleted from the system keychain");
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("profile-row-lab")).not.toBeInTheDocument());
    expect(backend.called("remove_profile").map((c) => c.args.name)).toEqual(["lab"]);
    expect(backend.called("sign_out")).toEqual([]);
    expect(screen.getByTestId("app-shell")).toBeInTheDocument();
  });
});

describe("settings: preferences", () => {
  it("saves polling, notifications and the threshold together", async () => {
    const backend = mockBackend();
    renderApp("/settings");
    const user = userEvent.setup();
    await retype(user, "poll-fast-secs", "5");
    await retype(user, "poll-idle-secs", "120");
    await user.click(screen.getByTestId("notify-snapshot-ready"));
    await retype(user, "low-balance-threshold", "25.5");
    await user.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(backend.called("set_settings")).toHaveLength(1));
    // Preferences only: where the key goes (profiles) is never sent from the UI.
    expect(backend.called("set_settings")[0]!.args.settings).toEqual({
      pollFastSecs: 5,
      pollIdleSecs: 120,
      lowBalanceThreshold: 25.5,
      notifications: { vmReady: true, snapshotReady: false, imageReady: true, lowBalance: true },
      theme: "system",
      autoUpdateCheck: true,
    });
    expect(await screen.findByText("Settings saved")).toBeInTheDocument();
  });

  it("checks the values before sending, at the field", async () => {
    const backend = mockBackend();
    renderApp("/settings");
    const user = userEvent.setup();
    await retype(user, "poll-fast-secs", "0");
    await retype(user, "low-balance-threshold", "-3");
    await user.click(screen.getByTestId("settings-save"));
    expect(await screen.findByTestId("poll-fast-secs-error")).toHaveTextContent("Between 1 and 60 seconds.");
    expect(screen.getByTestId("low-balance-threshold-error")).toHaveTextContent("0 or more.");
    expect(screen.getByTestId("poll-fast-secs")).toHaveAttribute("aria-invalid", "true");
    expect(backend.called("set_settings")).toHaveLength(0);
  });

  it("puts the backend's validation error at its field", async () => {
    mockBackend({
      set_settings: fails("Validation", "pollIdleSecs: must be between 15 and 3600 seconds", { field: "pollIdleSecs" }),
    });
    renderApp("/settings");
    await userEvent.click(await screen.findByTestId("settings-save"));
    const error = await screen.findByTestId("poll-idle-secs-error");
    expect(error).toHaveTextContent(/^must be between 15 and 3600 seconds$/);
    expect(screen.queryByTestId("poll-fast-secs-error")).not.toBeInTheDocument();
  });

  it("applies the theme the moment it is picked", async () => {
    const saved = deferred<Settings>();
    const backend = mockBackend({ set_settings: () => saved.promise });
    renderApp("/settings");
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByTestId("theme-select"), "dark");
    // Applied before the backend has even answered.
    expect(document.documentElement).toHaveClass("dark");
    expect(backend.called("set_settings")[0]!.args.settings).toMatchObject({ theme: "dark" });
    expect(Object.keys(backend.called("set_settings")[0]!.args.settings as object).sort()).toEqual([
      "autoUpdateCheck",
      "lowBalanceThreshold",
      "notifications",
      "pollFastSecs",
      "pollIdleSecs",
      "theme",
    ]);
    saved.resolve(settingsWith({ theme: "dark" }));
    await user.selectOptions(screen.getByTestId("theme-select"), "light");
    expect(document.documentElement).not.toHaveClass("dark");
  });
});

describe("settings: check connection", () => {
  it("shows every probe with its outcome and the counts", async () => {
    const results: ProbeResult[] = [
      { op: "get_balance", path: "/credits/balance/", result: "ok", detail: "" },
      { op: "list_instances", path: "/instances/", result: "ok", detail: "" },
      { op: "list_images", path: "/images/", result: "shape-differs", detail: "missing field total" },
      { op: "ai_models", path: "/ai/models/", result: "failed", detail: "HTTP 404" },
      { op: "get_instance", path: "/instances/{id}/", result: "skipped", detail: "no instance to probe" },
    ];
    const answer = deferred<ProbeResult[]>();
    mockBackend({ check_connection: () => answer.promise });
    renderApp("/settings");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("check-connection"));
    expect(screen.getByTestId("check-connection")).toBeDisabled();
    answer.resolve(results);
    const table = await screen.findByTestId("check-table");
    expect(within(table).getAllByRole("row")).toHaveLength(1 + results.length);
    const images = screen.getByTestId("check-row-list_images");
    expect(images).toHaveTextContent("/images/");
    expect(images).toHaveTextContent("Shape differs");
    expect(images).toHaveTextContent("missing field total");
    expect(screen.getByTestId("check-summary")).toHaveTextContent("5 endpoints");
    expect(screen.getByTestId("check-count-ok")).toHaveTextContent("OK: 2");
    expect(screen.getByTestId("check-count-shape-differs")).toHaveTextContent("Shape differs: 1");
    expect(screen.getByTestId("check-count-failed")).toHaveTextContent("Failed: 1");
    expect(screen.getByTestId("check-count-skipped")).toHaveTextContent("Skipped: 1");
  });
});
