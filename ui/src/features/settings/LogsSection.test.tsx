import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fails, mockBackend, renderApp, renderWithProviders, settingsWith } from "../../test/backend";
import { LogsSection } from "./LogsSection";

const DIAGNOSTICS = "Barrack Desktop diagnostics (no API key or key hint is included)\nApp version: 0.1.0\n";

describe("Settings › Logs", () => {
  it("is on the Settings page with the saved level", async () => {
    mockBackend({ get_settings: settingsWith({ logLevel: "debug" }) });
    renderApp("/settings");
    const select = await screen.findByTestId("log-level");
    expect(select).toHaveValue("debug");
    expect(screen.getByTestId("open-logs-folder")).toHaveTextContent("Open logs folder");
    expect(screen.getByTestId("copy-diagnostics")).toHaveTextContent("Copy diagnostics");
  });

  it("changes the level through the backend, which applies it at once", async () => {
    const backend = mockBackend();
    renderApp("/settings");
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByTestId("log-level"), "trace");
    await waitFor(() => expect(backend.called("set_log_level")).toHaveLength(1));
    expect(backend.called("set_log_level")[0]?.args).toEqual({ level: "trace" });
    expect(screen.getByTestId("log-level")).toHaveValue("trace");
  });

  it("puts the level back and says why when it cannot be saved", async () => {
    mockBackend({ set_log_level: fails("Settings", "settings.json is read-only") });
    renderApp("/settings");
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByTestId("log-level"), "debug");
    expect(await screen.findByTestId("log-level-error")).toHaveTextContent("settings.json is read-only");
    expect(screen.getByTestId("log-level")).toHaveValue("info");
  });

  it("asks the backend to open the logs folder, naming no path", async () => {
    const backend = mockBackend({ open_log_folder: null });
    renderWithProviders(<LogsSection settings={settingsWith()} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("open-logs-folder"));
    await waitFor(() => expect(backend.called("open_log_folder")).toHaveLength(1));
    expect(backend.called("open_log_folder")[0]?.args).toEqual({});
  });

  it("says so when the folder cannot be opened", async () => {
    mockBackend({ open_log_folder: fails("File", "The logs folder could not be opened: no file manager") });
    renderWithProviders(<LogsSection settings={settingsWith()} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("open-logs-folder"));
    expect(await screen.findByTestId("open-logs-folder-error")).toHaveTextContent("no file manager");
  });

  it("copies the backend's diagnostics to the clipboard and shows what was copied", async () => {
    mockBackend({ get_diagnostics: DIAGNOSTICS });
    renderWithProviders(<LogsSection settings={settingsWith()} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("copy-diagnostics"));
    expect(await screen.findByTestId("diagnostics-status")).toHaveTextContent("copied to the clipboard");
    expect(await navigator.clipboard.readText()).toBe(DIAGNOSTICS);
    const box = screen.getByTestId("diagnostics-text");
    expect(box).toHaveValue(DIAGNOSTICS);
    expect(box).toHaveAttribute("readonly");
  });

  it("shows the text to copy by hand when the clipboard refuses it", async () => {
    mockBackend({ get_diagnostics: DIAGNOSTICS });
    renderWithProviders(<LogsSection settings={settingsWith()} />);
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("not allowed"));
    await user.click(screen.getByTestId("copy-diagnostics"));
    expect(await screen.findByTestId("diagnostics-status")).toHaveTextContent("copy it by hand");
    expect(screen.getByTestId("diagnostics-text")).toHaveValue(DIAGNOSTICS);
  });
});
