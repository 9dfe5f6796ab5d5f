import { useMemo } from "react";
import uPlot from "uplot";
import type { CostKind, DailyChart } from "../../bindings";
import { money } from "./format";
import { ChartFigures } from "./ChartFigures";
import { axis, BAR_POINTER, FROM_ZERO, kindBars, moneyAxis } from "./barChart";
import { KIND_LABEL } from "./charts";
import { UPlotChart } from "./UPlotChart";

const HEIGHT = 220;

/**
 * Cost per local day for the last 30 days, stacked by kind in the backend's order (`stack`,
 * bottom first); hovering shows each kind's amount.
 */
export function DailyCostChart({ chart, stack, currency }: { chart: DailyChart; stack: CostKind[]; currency: string }) {
  /** Tallest stack first, so each shorter bar paints over the one it sits in. */
  const drawOrder = useMemo(() => [...stack].reverse(), [stack]);
  // Every day has its midnight (the backend writes each day's date itself); the type allows
  // null only because a float could serialize as one.
  const data = useMemo<uPlot.AlignedData>(
    () => [chart.x as number[], ...drawOrder.map((k) => chart.stacked[k])],
    [chart, drawOrder],
  );
  const bars = uPlot.paths.bars?.({ size: [0.7, 40] });

  return (
    <figure className="flex flex-col gap-2">
      <UPlotChart
        testId="chart-daily"
        height={HEIGHT}
        data={data}
        options={(theme) => ({
          scales: { x: { time: true }, y: FROM_ZERO },
          axes: [
            axis(theme, {
              values: (_u, ticks) =>
                ticks.map((t) => new Date(t * 1000).toLocaleDateString(undefined, { month: "short", day: "numeric" })),
            }),
            moneyAxis(theme),
          ],
          series: [
            { label: "Day", value: (_u, v) => (v == null ? "—" : new Date(v * 1000).toLocaleDateString()) },
            // The bar reaches the running sum; the legend names the kind's own amount.
            ...kindBars(
              drawOrder,
              theme,
              bars,
              (kind) => (_u, _v, _s, idx) => (idx == null ? "—" : money(chart.own[kind][idx], currency)),
            ),
          ],
          ...BAR_POINTER,
        })}
      />
      <figcaption className="text-xs text-fg-muted">
        Cost per day over the last 30 days ({currency}), stacked by kind. Hover a day for its figures.
      </figcaption>
      <ChartFigures
        caption="Daily cost"
        head={["Day", ...stack.map((k) => KIND_LABEL[k])]}
        rows={chart.days.map((day, i) => [day, ...stack.map((k) => money(chart.own[k][i], currency))])}
      />
    </figure>
  );
}
