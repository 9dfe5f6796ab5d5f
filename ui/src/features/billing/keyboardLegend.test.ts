import { describe, expect, it } from "vitest";
import { keyboardLegend } from "./keyboardLegend";

/** uPlot's legend as it builds it: an x row, then a row per series whose name toggles it on a click. */
function legend(series: string[]) {
  const root = document.createElement("div");
  const table = document.createElement("table");
  table.className = "u-legend";
  root.append(table);
  for (const [i, name] of ["Day", ...series].entries()) {
    const row = table.insertRow();
    row.className = "u-series";
    const th = document.createElement("th");
    th.innerHTML = `<div class="u-marker"></div><div class="u-label">${name}</div>`;
    if (i > 0) th.addEventListener("click", () => row.classList.toggle("u-off"));
    row.append(th);
  }
  document.body.append(root);
  return root;
}

describe("the chart legend answers the keyboard", () => {
  it("makes each series' name a button that toggles it and says whether it is shown", () => {
    const root = legend(["Instances", "Volumes"]);
    keyboardLegend(root, 3);
    const buttons = [...root.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual(["Instances", "Volumes"]);
    const [instances] = buttons;
    expect(instances!.tabIndex).toBe(0);
    expect(instances).toHaveAttribute("aria-pressed", "true");
    // A button's Enter or Space is a click; it reaches uPlot's handler on the cell.
    instances!.click();
    expect(instances!.closest("tr")).toHaveClass("u-off");
    expect(instances).toHaveAttribute("aria-pressed", "false");
    instances!.click();
    expect(instances).toHaveAttribute("aria-pressed", "true");
  });

  it("leaves the x values' row without a button or a pointer", () => {
    const root = legend(["Instances"]);
    keyboardLegend(root, 2);
    const x = root.querySelector("tr th") as HTMLElement;
    expect(x.querySelector("button")).toBeNull();
    expect(x.style.cursor).toBe("default");
    expect(x).toHaveTextContent("Day");
  });
});
