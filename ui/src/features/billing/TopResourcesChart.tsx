import { useMemo } from "react";
import uPlot from "uplot";
import type { CostKind, TopChart } from "../../bindings";
import { BAR_POINTER, FROM_ZERO, kindBars, moneyAxis } from "./barChart";
import { ChartFigures } from "./ChartFigures";
import { KIND_LABEL } from "./charts";
import { money } from "./format";
import { UPlotChart } from "./UPlotChart";

const HEIGHT = 220;

function short(name: string): string {
  return name.length > 14 ? `${name.slice(0, 13)}…` : name;
}

/** The resources that cost most over their records, a bar each in its kind's colour. */
export function TopResourcesChart({
  chart,
  stack,
  currency,
}: {
  chart: TopChart;
  stack: CostKind[];
  currency: string;
}) {
  const data = useMemo<uPlot.AlignedData>(
    () => [chart.names.map((_, i) => i), ...stack.map((k) => chart.byKind[k])],
    [chart, stack],
  );
  const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
  const n = chart.names.length;

  if (n === 0) return <p className="text-sm text-fg-muted">No costs recorded yet.</p>;
  return (
    <figure className="flex flex-col gap-2">
      <UPlotChart
        testId="chart-top"
        height={HEIGHT}
        data={data}
        options={(theme) => ({
          // Room on the right for the last slanted name.
          padding: [12, 48, 0, 0],
          scales: {
            x: { time: false, range: () => [-0.5, n - 0.5] },
            y: FROM_ZERO,
          },
          axes: [
            {
              stroke: theme.muted,
              grid: { show: false },
              ticks: { stroke: theme.grid },
              splits: () => chart.names.map((_, i) => i),
              // Names slant so neighbours do not run into each other; hover shows them whole.
              rotate: -30,
              size: 70,
              values: (_u, ticks) => ticks.map((t) => short(chart.names[t] ?? "")),
            },
            moneyAxis(theme),
          ],
          series: [
            { label: "Resource", value: (_u, v) => (v == null ? "—" : (chart.names[v] ?? "—")) },
            ...kindBars(stack, theme, bars, () => (_u, v) => (v == null ? "—" : money(v, currency))),
          ],
          ...BAR_POINTER,
        })}
      />
      <figcaption className="text-xs text-fg-muted">
        Top resources by cost over their billing records ({currency}).
      </figcaption>
      <ChartFigures
        caption="Top resources by cost"
        head={["Resource", "Kind", "Cost"]}
        rows={chart.names.map((name, i) => [name, KIND_LABEL[chart.kinds[i]!], money(chart.costs[i], currency)])}
      />
    </figure>
  );
}
