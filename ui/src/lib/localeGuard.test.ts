import { describe, expect, it } from "vitest";
import { guardLocale, usableLanguage } from "./localeGuard";

describe("the locale guard", () => {
  it("keeps real language tags and replaces the POSIX locale", () => {
    expect(usableLanguage("de-DE")).toBe("de-DE");
    expect(usableLanguage("C")).toBe("en-US");
    expect(usableLanguage("")).toBe("en-US");
  });

  it("makes navigator.language usable by Intl when LANG=C", () => {
    const nav = { language: "C", languages: ["C", "fr-FR"] } as unknown as Navigator;
    guardLocale(nav);
    expect(nav.language).toBe("en-US");
    expect(nav.languages).toEqual(["en-US", "fr-FR"]);
    expect(() => new Intl.NumberFormat(nav.language)).not.toThrow();
  });
});
