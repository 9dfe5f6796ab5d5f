import { describe, expect, it } from "vitest";
import { isImageReady, isSnapshotReady, storageTone } from "./status";

describe("storage status", () => {
  it("treats SUCCESS and available (any case) as done", () => {
    for (const s of ["SUCCESS", "success", "available", "AVAILABLE"]) expect(isSnapshotReady(s)).toBe(true);
    for (const s of ["CREATING", "ERROR", "DELETING", ""]) expect(isSnapshotReady(s)).toBe(false);
    expect(isImageReady("Available")).toBe(true);
    expect(isImageReady("Creating")).toBe(false);
  });

  it("colours done green, building as progress, errors red", () => {
    expect(storageTone("SUCCESS")).toBe("success");
    expect(storageTone("CREATING")).toBe("progress");
    expect(storageTone("ERROR")).toBe("danger");
    expect(storageTone("WHATEVER")).toBe("muted");
  });
});
