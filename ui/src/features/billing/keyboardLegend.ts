/**
 * uPlot's legend shows or hides a series when its name is clicked — with the mouse only.
 * Each series' name is wrapped in a button, so Tab reaches it and Enter or Space clicks it
 * (the click reaches uPlot's handler on the cell); `aria-pressed` says whether the series is
 * shown (uPlot marks a hidden one's row `u-off`). The x values' row toggles nothing: it
 * loses the pointer cursor uPlot's style gives every row.
 */
export function keyboardLegend(root: HTMLElement, seriesCount: number): void {
  const rows = [...root.querySelectorAll<HTMLElement>(".u-legend .u-series")];
  // A live legend has a row for the x values before the series' rows.
  const firstSeries = rows.length - (seriesCount - 1);
  rows.forEach((row, i) => {
    const label = row.querySelector<HTMLElement>("th");
    if (!label) return;
    if (i < firstSeries) {
      label.style.cursor = "default";
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "u-legend-toggle cursor-pointer";
    button.append(...label.childNodes);
    label.append(button);
    const sync = () => button.setAttribute("aria-pressed", String(!row.classList.contains("u-off")));
    sync();
    // After uPlot's own click handler (on the cell, reached as the click bubbles).
    label.addEventListener("click", sync);
  });
}
