// WebKitGTK reports the POSIX locale as navigator.language when LANG is C or C.UTF-8 (as on
// servers, containers and CI). Intl throws on "C", and uPlot builds a formatter from
// navigator.language when its module loads — which took the whole UI down. A tag Intl
// refuses is replaced by en-US before anything else is evaluated (main.tsx imports this first).

export function usableLanguage(tag: string | undefined): string {
  if (!tag) return "en-US";
  try {
    new Intl.NumberFormat(tag);
    return tag;
  } catch {
    return "en-US";
  }
}

export function guardLocale(nav: Navigator | undefined = globalThis.navigator): void {
  if (!nav) return;
  const language = usableLanguage(nav.language);
  if (language === nav.language) return;
  const languages = [language, ...(nav.languages ?? []).filter((l) => usableLanguage(l) === l)];
  Object.defineProperty(nav, "language", { value: language, configurable: true });
  Object.defineProperty(nav, "languages", { value: Object.freeze(languages), configurable: true });
}

guardLocale();
