import { describe, expect, it } from "vitest";
import { nameError, nameLength, restoredName } from "./names";

const taken = ["nightly", "Base Image"];

describe("storage names", () => {
  it("needs a name, not only spaces", () => {
    expect(nameError("", taken, "snapshot")).toBe("A name is required.");
    expect(nameError("   ", taken, "snapshot")).toBe("A name is required.");
  });

  it("takes 1 to 50 characters", () => {
    expect(nameError("a", taken, "snapshot")).toBeNull();
    expect(nameError("a".repeat(50), taken, "snapshot")).toBeNull();
    expect(nameError("a".repeat(51), taken, "snapshot")).toMatch(/At most 50 characters \(it has 51\)/);
  });

  it("allows letters, digits, space, -, _ and . only", () => {
    expect(nameError("my snap-1_v2.0", taken, "snapshot")).toBeNull();
    expect(nameError("a/b", taken, "snapshot")).toMatch(/found "\/"/);
    expect(nameError("snap 🚀", taken, "snapshot")).toMatch(/found "🚀"/);
  });

  it("counts an emoji as one character", () => {
    expect(nameLength("ab🚀")).toBe(3);
  });

  it("refuses a name already used, whatever its case", () => {
    expect(nameError("NIGHTLY", taken, "snapshot")).toMatch(/A snapshot named "NIGHTLY" already exists/);
    expect(nameError("base image", taken, "image")).toMatch(/An image named "base image" already exists/);
    expect(nameError(" nightly ", taken, "snapshot")).toMatch(/already exists/);
    expect(nameError("nightly2", taken, "snapshot")).toBeNull();
  });

  it("suggests {snapshot}-restored, shortened to fit 50", () => {
    expect(restoredName("train")).toBe("train-restored");
    const long = restoredName("x".repeat(50));
    expect(long).toHaveLength(50);
    expect(long.endsWith("-restored")).toBe(true);
  });
});
