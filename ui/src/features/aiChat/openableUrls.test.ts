import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { OPENABLE_URL_PATTERNS, openableUrl } from "./openableUrls";

const CONF = resolve(import.meta.dirname, "../../../../tauri.conf.json");

/** The URL patterns of the capability's `opener:allow-open-url`. */
function openerScope(): string[] {
  const conf = JSON.parse(readFileSync(CONF, "utf8"));
  const permissions = conf.app.security.capabilities.flatMap((c: { permissions: unknown[] }) => c.permissions) as (
    string | { identifier: string; allow?: { url: string }[] }
  )[];
  const opener = permissions.find((p) => typeof p !== "string" && p.identifier === "opener:allow-open-url");
  if (!opener || typeof opener === "string") throw new Error("no scoped opener permission");
  return (opener.allow ?? []).map((a) => a.url);
}

describe("openable links", () => {
  it("are the opener capability's URL scope, no more", () => {
    expect([...OPENABLE_URL_PATTERNS].sort()).toEqual(openerScope().sort());
  });

  it("opens Barrack's own https pages and nothing else", () => {
    expect(openableUrl("https://docs.barrack.ai/ai-chat-1861165m0")).toBe("https://docs.barrack.ai/ai-chat-1861165m0");
    expect(openableUrl("https://barrack.ai/credits")).toBe("https://barrack.ai/credits");
    for (const url of [
      "http://barrack.ai/credits",
      "https://evil.example/",
      "https://barrack.ai.evil.example/",
      "https://evilbarrack.ai/",
      "https://x.docs.barrack.ai/",
      "https://user@barrack.ai/",
      "https://barrack.ai:8443/",
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "/relative",
      "",
    ]) {
      expect(openableUrl(url), url).toBeNull();
    }
  });
});
