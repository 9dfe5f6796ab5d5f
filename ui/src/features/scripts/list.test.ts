import { describe, expect, it } from "vitest";
import { selectedScripts, shownScripts } from "./list";
import { scriptOf } from "./fixtures";

const setup = scriptOf("setup", { description: "Python tooling" });
const cuda = scriptOf("CUDA drivers");
const bench = scriptOf("bench");

describe("the scripts list", () => {
  it("sorts by name without case and searches names and descriptions", () => {
    expect(shownScripts([setup, cuda, bench], "").map((s) => s.name)).toEqual(["bench", "CUDA drivers", "setup"]);
    expect(shownScripts([setup, cuda, bench], " cuda ").map((s) => s.name)).toEqual(["CUDA drivers"]);
    expect(shownScripts([setup, cuda, bench], "python").map((s) => s.name)).toEqual(["setup"]);
  });

  it("keeps only ticked scripts that still exist", () => {
    expect(selectedScripts([setup, bench], new Set([setup.id, cuda.id])).map((s) => s.name)).toEqual(["setup"]);
  });
});
