import { describe, expect, it } from "vitest";
import { jupyterPasswordError, passwordStrength, type Strength } from "./passwordStrength";

// The first three are validate.rs's own test cases; the meter must agree with it.
const CASES: [string, Strength][] = [
  ["abcdefgh", "weak"],
  ["abcdefg1", "medium"],
  ["Abcdefg1!xyz", "strong"],
  ["", "weak"],
  ["Ab1!", "weak"], // four kinds, but too short
  ["12345678901234", "weak"], // long, one kind
  ["ABCDEFGHIJKLMNOP", "weak"],
  ["abcdefghijk1", "medium"], // 12 characters but two kinds
  ["Abcdefghij1", "medium"], // three kinds but 11 characters
  ["abcdefghij1!", "strong"],
  ["pass word 12", "strong"], // a space counts as "other"
  ["éééééééé", "weak"], // non-ASCII letters are one kind ("other"), as in Rust
  ["ééééééé1", "medium"],
];

describe("Jupyter password strength", () => {
  it.each(CASES)("%j is %s", (password, strength) => {
    expect(passwordStrength(password)).toBe(strength);
  });
});

describe("Jupyter password rule", () => {
  it("needs 8 characters, counted as characters, not bytes or UTF-16 units", () => {
    expect(jupyterPasswordError("")).toMatch(/Required/);
    expect(jupyterPasswordError("1234567")).toBe("At least 8 characters (it has 7).");
    expect(jupyterPasswordError("12345678")).toBeNull();
    expect(jupyterPasswordError("😀😀😀😀")).toMatch(/it has 4/);
    expect(jupyterPasswordError("😀😀😀😀😀😀😀😀")).toBeNull();
  });
});
