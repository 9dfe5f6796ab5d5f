// Light or dark: Settings › Theme, or the system's preference when it is "system".
// The palette switches on the `dark` class of <html> (src/index.css).

import { useEffect } from "react";
import type { Theme } from "../bindings";
import { useSettings } from "../features/settings/queries";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches;
}

export function resolveTheme(theme: Theme, systemDark: boolean): "light" | "dark" {
  if (theme === "system") return systemDark ? "dark" : "light";
  return theme;
}

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle("dark", resolveTheme(theme, systemPrefersDark()) === "dark");
  root.dataset.theme = theme;
}

/** What "Toggle theme" switches to: the opposite of what is shown now. */
export function toggledTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "light" : "dark";
}

/** Keeps <html> in step with the saved theme, and with the system while it is "system". */
export function useThemeFromSettings(): void {
  const settings = useSettings();
  const theme: Theme = settings.data?.theme ?? "system";
  useEffect(() => {
    applyTheme(theme);
    if (theme !== "system" || typeof window.matchMedia !== "function") return;
    const media = window.matchMedia(DARK_QUERY);
    const follow = () => applyTheme("system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [theme]);
}
