import { useMemo } from "react";
import uPlot from "uplot";
import type { DayCost } from "../../bindings";
import { money } from "./format";
import { ChartFigures } from "./ChartFigures";
import { KIND_LABEL, STACK, dailySeries, type ChartTheme } from "./charts";
import { UPlotChart } from "./UPlotChart";

const HEIGHT = 220;

function axis(theme: ChartTheme, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    ...extra,
  };
}

/** Cost per local day for the last 30 days, stacked by kind; hovering shows each kind's amount. */
export function DailyCostChart({ daily, currency }: { daily: readonly DayCost[]; currency: string }) {
  const series = useMemo(() => dailySeries(daily), [daily]);
  // Tallest stack first, so each shorter bar paints over the one it sits in.
  const drawOrder = useMemo(() => [...STACK].reverse(), []);
  const data = useMemo<uPlot.AlignedData>(
    () => [series.x, ...drawOrder.map((k) => series.top[k])],
    [series, drawOrder],
  );
  const bars = uPlot.paths.bars?.({ size: [0.7, 40] });

  return (
    <figure className="flex flex-col gap-2">
      <UPlotChart
        testId="chart-daily"
        height={HEIGHT}
        data={data}
        options={(theme) => ({
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, 0.01) * 1.1] } },
          axes: [
            axis(theme, {
              values: (_u, ticks) =>
                ticks.map((t) => new Date(t * 1000).toLocaleDateString(undefined, { month: "short", day: "numeric" })),
            }),
            axis(theme, { size: 60, values: (_u, ticks) => ticks.map((t) => t.toFixed(2)) }),
          ],
          series: [
            { label: "Day", value: (_u, v) => (v == null ? "—" : new Date(v * 1000).toLocaleDateString()) },
            ...drawOrder.map<uPlot.Series>((kind) => ({
              label: KIND_LABEL[kind],
              stroke: theme.kinds[kind],
              fill: theme.kinds[kind],
              width: 0,
              paths: bars,
              points: { show: false },
              // The bar reaches the running sum; the legend names the kind's own amount.
              value: (_u, _v, _s, idx) => (idx == null ? "—" : money(series.own[kind][idx], currency)),
            })),
          ],
          legend: { live: true },
          // Bars, not a time series to zoom into: no drag-to-zoom.
          cursor: { points: { show: false }, drag: { x: false, y: false } },
        })}
      />
      <figcaption className="text-xs text-fg-muted">
        Cost per day over the last 30 days ({currency}), stacked by kind. Hover a day for its figures.
      </figcaption>
      <ChartFigures
        caption="Daily cost"
        head={["Day", ...STACK.map((k) => KIND_LABEL[k])]}
        rows={daily.map((d, i) => [d.date, ...STACK.map((k) => money(series.own[k][i], currency))])}
      />
    </figure>
  );
}
