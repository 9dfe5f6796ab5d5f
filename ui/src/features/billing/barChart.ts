// What the billing page's bar charts (daily cost, top resources) share: a bar series a cost
// kind in its colour, the amounts' axis and scale, and how the charts respond to the pointer.

import uPlot from "uplot";
import type { CostKind } from "../../bindings";
import { KIND_LABEL, type ChartTheme } from "./charts";

/** The amounts' scale: from 0 to a tenth above the tallest bar (an empty chart still has one). */
export const FROM_ZERO: uPlot.Scale = { range: (_u, _min, max) => [0, Math.max(max, 0.01) * 1.1] };

/** An axis in the theme's colours, with its grid. */
export function axis(theme: ChartTheme, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    ...extra,
  };
}

/** The amounts' axis. */
export function moneyAxis(theme: ChartTheme): uPlot.Axis {
  return axis(theme, { size: 60, values: (_u, ticks) => ticks.map((t) => t.toFixed(2)) });
}

/** A bar series for each kind, in its colour; the legend shows `value` for the hovered bar. */
export function kindBars(
  kinds: readonly CostKind[],
  theme: ChartTheme,
  paths: uPlot.Series.PathBuilder | undefined,
  value: (kind: CostKind) => uPlot.Series["value"],
): uPlot.Series[] {
  return kinds.map((kind) => ({
    label: KIND_LABEL[kind],
    stroke: theme.kinds[kind],
    fill: theme.kinds[kind],
    width: 0,
    paths,
    points: { show: false },
    value: value(kind),
  }));
}

/** Bars, not a time series to zoom into: a live legend and no drag-to-zoom. */
export const BAR_POINTER: Pick<uPlot.Options, "legend" | "cursor"> = {
  legend: { live: true },
  cursor: { points: { show: false }, drag: { x: false, y: false } },
};
