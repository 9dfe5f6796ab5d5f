import { describe, expect, it } from "vitest";
import { clampPage, pageCount, pageSlice } from "./paging";

describe("paging", () => {
  const items = Array.from({ length: 13 }, (_, i) => i);
  it("shows six a page", () => {
    expect(pageCount(6)).toBe(1);
    expect(pageCount(7)).toBe(2);
    expect(pageCount(0)).toBe(1);
    expect(pageSlice(items, 1)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pageSlice(items, 3)).toEqual([12]);
  });
  it("keeps the page in range when the list shrinks", () => {
    expect(clampPage(3, 6)).toBe(1);
    expect(clampPage(0, 20)).toBe(1);
    expect(pageSlice(items.slice(0, 4), 3)).toEqual([0, 1, 2, 3]);
  });
});
