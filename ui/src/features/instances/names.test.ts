import { describe, expect, it } from "vitest";
import { resourceNameError } from "./names";

describe("snapshot and VM names", () => {
  it.each([
    ["train-h100 backup_1.0", null],
    ["a", null],
    ["x".repeat(50), null],
    ["", /required/],
    ["   ", /required/],
    ["x".repeat(51), /At most 50 characters \(it has 51\)/],
    ["nightly/1", /found "\/"/],
    ["café", /found "é"/],
  ])("%j", (name, expected) => {
    const e = resourceNameError(name);
    if (expected === null) expect(e).toBeNull();
    else expect(e).toMatch(expected);
  });
});
