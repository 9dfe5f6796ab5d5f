// Least privilege: the capability grants exactly the commands the UI calls. Every call is
// a literal `commands.<name>(` (anything else — passing `commands` around, `commands[x]`,
// destructuring, re-exporting, raw `invoke` — fails here), so the called names can be
// collected from the source and compared with tauri.conf.json both ways.

import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commandUse, kebabOf } from "./test/commandUse";

const SRC = resolve(import.meta.dirname);
const CONF = resolve(SRC, "../../tauri.conf.json");

/** The shipped sources: generated bindings, tests and test support aside. */
function shippedSources(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(SRC, "test")) out.push(...shippedSources(path));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && path !== join(SRC, "bindings.ts")) {
      out.push(path);
    }
  }
  return out;
}

function scanAll() {
  const called = new Set<string>();
  const violations: string[] = [];
  for (const file of shippedSources()) {
    const use = commandUse(file, readFileSync(file, "utf8"));
    use.called.forEach((n) => called.add(n));
    use.violations.forEach((v) => violations.push(`${relative(SRC, file)}:${v}`));
  }
  return { called, violations };
}

/** The app's own command permissions (`allow-<kebab>`); plugin ones (`core:…`, `opener:…`) aside. */
function grantedCommands(): string[] {
  const conf = JSON.parse(readFileSync(CONF, "utf8"));
  const caps = conf.app.security.capabilities as { permissions: (string | { identifier: string })[] }[];
  return caps
    .flatMap((c) => c.permissions)
    .map((p) => (typeof p === "string" ? p : p.identifier))
    .filter((p) => !p.includes(":") && p.startsWith("allow-"))
    .map((p) => p.slice("allow-".length));
}

describe("least privilege", () => {
  it("the UI reaches the backend only through literal `commands.<name>(` calls", () => {
    const { called, violations } = scanAll();
    expect(violations).toEqual([]);
    // The scan sees the app (a broken scan finding nothing would pass the line above).
    expect(called.has("getSession")).toBe(true);
    expect(shippedSources().length).toBeGreaterThan(50);
  });

  it("the capability grants exactly the commands the UI calls", () => {
    const called = [...scanAll().called].map(kebabOf).sort();
    const granted = grantedCommands().sort();
    const grantedButNotCalled = granted.filter((g) => !called.includes(g));
    const calledButNotGranted = called.filter((c) => !granted.includes(c));
    expect({ grantedButNotCalled, calledButNotGranted }).toEqual({ grantedButNotCalled: [], calledButNotGranted: [] });
  });

  it("the notices and quit commands are among them", () => {
    const called = scanAll().called;
    expect(called.has("takeAppNotices")).toBe(true);
    expect(called.has("quitApp")).toBe(true);
  });
});

describe("the lint itself", () => {
  const ok = (text: string) => commandUse("x.ts", text);
  const IMPORT = 'import { commands } from "../bindings";\n';

  it("accepts literal calls and collects their names", () => {
    const use = ok(`${IMPORT}call(commands.getSession());\nawait commands.useProfile(name);`);
    expect(use).toEqual({ called: ["getSession", "useProfile"], violations: [] });
  });

  it("ignores the word in comments and strings", () => {
    expect(ok(`// commands[x]\nconst s = "commands.foo";\n/* invoke( */`).violations).toEqual([]);
  });

  it.each([
    ["passing it around", `${IMPORT}run(commands);`],
    ["a computed member", `${IMPORT}commands[name]();`],
    ["a member taken as a value", `${IMPORT}const f = commands.startInstance;`],
    ["destructuring", `${IMPORT}const { getSession } = commands;`],
    ["optional call", `${IMPORT}commands?.getSession();`],
    ["a type query", `${IMPORT}type T = typeof commands.getSession;`],
    ["a renamed import", 'import { commands as c } from "./bindings";'],
    ["a namespace import", 'import * as b from "./bindings";\nb.commands.getSession();'],
    ["a re-export", 'export { commands } from "./bindings";'],
    ["raw invoke", 'import { invoke } from "@tauri-apps/api/core";\ninvoke("sign_in");'],
    ["the internals", 'window.__TAURI_INTERNALS__.invoke("x");'],
    ["the internals by string", 'window["__TAURI_INTERNALS__"];'],
    ["a dynamic import", 'const m = await import("./bindings");'],
  ])("refuses %s", (_what, text) => {
    expect(ok(text).violations.length).toBeGreaterThan(0);
  });

  it("turns camelCase names into permission names", () => {
    expect(kebabOf("getSnapshotImagesBatch")).toBe("get-snapshot-images-batch");
    expect(kebabOf("takeAppNotices")).toBe("take-app-notices");
  });
});
