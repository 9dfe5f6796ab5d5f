// No input rule is written in TypeScript: limits, validating patterns, the members of a rule
// (states, key types, protocols) come from the backend — through the `check_*` commands and
// the generated constants. Tests, test support and the generated files aside.

import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleLiterals } from "./test/ruleLiterals";

const SRC = resolve(import.meta.dirname);
/** Test data kept beside the feature it describes (fixtures.ts, testCatalog.ts, testFixtures.ts). */
const TEST_SUPPORT = /^(fixtures|test[A-Z]\w*)\.tsx?$/;

function shippedSources(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(SRC, "test") && path !== join(SRC, "generated")) out.push(...shippedSources(path));
    } else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !TEST_SUPPORT.test(entry.name) &&
      path !== join(SRC, "bindings.ts")
    ) {
      out.push(path);
    }
  }
  return out;
}

describe("rule literals", () => {
  it("are nowhere in the UI's sources", () => {
    const found = shippedSources().flatMap((file) =>
      ruleLiterals(file, readFileSync(file, "utf8")).map((v) => `${relative(SRC, file)}:${v}`),
    );
    expect(found).toEqual([]);
  });
});

describe("the lint itself", () => {
  const lint = (text: string) => ruleLiterals("x.tsx", text);

  it("finds limits as numbers, products and prose", () => {
    expect(lint("const x = 65535;")).toHaveLength(1);
    expect(lint("const bytes = 16 * 1024;")).toHaveLength(1);
    expect(lint('const hint = "1–65535";')).toHaveLength(1);
    expect(lint("const hint = `of 16 KB`;")).toHaveLength(1);
    expect(lint("const el = <span>at most 255 characters</span>;")).toHaveLength(1);
  });

  it("finds limits declared as constants, validating patterns and a rule's members", () => {
    expect(lint("export const NAME_MAX = 50;")).toHaveLength(1);
    expect(lint("const ok = /^[A-Za-z0-9 _.-]$/;")).toHaveLength(1);
    expect(lint("const v4 = /^\\d{1,3}$/;")).toHaveLength(1);
    expect(lint('const busy = new Set(["CREATING", "STARTING"]);')).toHaveLength(2);
    expect(lint('const types = ["ssh-ed25519"];')).toHaveLength(1);
    expect(lint('if (p === "icmp") {}')).toHaveLength(1);
  });

  it("finds small limits compared with a length or a count, or counted down from", () => {
    expect(lint("const tooLong = name.length > 50;")).toHaveLength(1);
    expect(lint("const left = 50 - name.length;")).toHaveLength(1);
    expect(lint("if (keyCount >= 25) {}")).toHaveLength(1);
    expect(lint("const weak = password.length < 8;")).toHaveLength(1);
    expect(lint("const ok = (text.trim().length) <= 50;")).toHaveLength(1);
  });

  it("leaves everyday numbers, generated constants and prose without limits alone", () => {
    expect(lint("const few = rows.length > 6; const page = items.length / 25;")).toEqual([]);
    expect(lint("const half = 50 * scale; if (offset > 50) {}")).toEqual([]);
    expect(lint("const pageSize = 20; const w = 100;")).toEqual([]);
    expect(lint('import { RULE_LIMITS } from "./bindings"; const max = RULE_LIMITS.portMax;')).toEqual([]);
    expect(lint('const s = "Created 12 minutes ago";')).toEqual([]);
    expect(lint("const year = 2026; const big = 1024;")).toEqual([]);
  });
});
