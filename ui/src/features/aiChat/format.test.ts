import { describe, expect, it } from "vitest";
import { formatAiCost } from "./format";

describe("AI costs", () => {
  it("keep the API's decimals, and show nothing as 0.00, never -0.00", () => {
    expect(formatAiCost(0.0000084, "USD")).toBe("0.0000084 USD");
    expect(formatAiCost(1.5, "USD")).toBe("1.50 USD");
    expect(formatAiCost(-0, "USD")).toBe("0.00 USD");
    expect(formatAiCost(-1e-12, "USD")).toBe("0.00 USD");
    expect(formatAiCost(null, "USD")).toBe("—");
  });
});
