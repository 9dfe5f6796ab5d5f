import { act, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { applyTheme, resolveTheme } from "./theme";
import { mockBackend, renderApp, settingsWith } from "../test/backend";
import { setSystemDark } from "../test/media";

const html = document.documentElement;

describe("theme", () => {
  it("resolves system to the system's preference, light and dark to themselves", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("puts the dark class on <html>", () => {
    applyTheme("dark");
    expect(html).toHaveClass("dark");
    applyTheme("light");
    expect(html).not.toHaveClass("dark");
    setSystemDark(true);
    applyTheme("system");
    expect(html).toHaveClass("dark");
  });

  it("follows the system while the saved theme is system", async () => {
    mockBackend({ get_settings: settingsWith({ theme: "system" }) });
    renderApp();
    await screen.findByTestId("app-shell");
    expect(html).not.toHaveClass("dark");
    act(() => setSystemDark(true));
    expect(html).toHaveClass("dark");
    act(() => setSystemDark(false));
    expect(html).not.toHaveClass("dark");
  });

  it("keeps a saved light or dark theme whatever the system says", async () => {
    setSystemDark(true);
    mockBackend({ get_settings: settingsWith({ theme: "light" }) });
    renderApp();
    await screen.findByTestId("app-shell");
    await act(async () => {});
    expect(html).not.toHaveClass("dark");
    expect(html.dataset.theme).toBe("light");
  });

  it("applies on the sign-in screen too", async () => {
    mockBackend({
      get_session: { signedIn: false, profile: null, sandbox: false, keyHint: null, baseUrl: null },
      get_settings: settingsWith({ theme: "dark" }),
    });
    renderApp();
    await screen.findByTestId("signin");
    await act(async () => {});
    expect(html).toHaveClass("dark");
  });
});
