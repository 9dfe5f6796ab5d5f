// Chart data from the overview: daily cost stacked by kind, and the top resources. uPlot
// has no stacking of its own, so each kind's bar is drawn to the running sum of the kinds
// below it (tallest first, so the shorter ones paint over it) while the legend shows the
// kind's own amount.

import type { CostKind, DayCost, ResourceCost } from "../../bindings";

export const KIND_LABEL: Record<CostKind, string> = { instance: "Instances", volume: "Volumes", snapshot: "Snapshots" };

/** Stack order, bottom first. */
export const STACK: CostKind[] = ["instance", "volume", "snapshot"];

const num = (v: number | null | undefined) => (v != null && Number.isFinite(v) ? v : 0);

function dayAmount(d: DayCost, kind: CostKind): number {
  return num(kind === "instance" ? d.instances : kind === "volume" ? d.volumes : d.snapshots);
}

/** Local midnight of a `YYYY-MM-DD` day, in seconds (uPlot's time unit). */
export function dayToSeconds(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split("-").map(Number);
  return new Date(y, m - 1, d).getTime() / 1000;
}

export type DailySeries = {
  x: number[];
  /** Per kind, in STACK order: its own amount per day (for the legend and the table). */
  own: Record<CostKind, number[]>;
  /** Per kind, in STACK order: the top of its bar (the sum up to and including it). */
  top: Record<CostKind, number[]>;
};

export function dailySeries(daily: readonly DayCost[]): DailySeries {
  const own = { instance: [], volume: [], snapshot: [] } as Record<CostKind, number[]>;
  const top = { instance: [], volume: [], snapshot: [] } as Record<CostKind, number[]>;
  for (const d of daily) {
    let sum = 0;
    for (const kind of STACK) {
      const v = dayAmount(d, kind);
      sum += v;
      own[kind].push(v);
      top[kind].push(sum);
    }
  }
  return { x: daily.map((d) => dayToSeconds(d.date)), own, top };
}

export type TopSeries = {
  names: string[];
  /** Per kind: the cost at the resource's position, null where it is another kind. */
  byKind: Record<CostKind, (number | null)[]>;
};

/** Largest first; one column per kind so each bar takes its kind's colour. */
export function topSeries(top: readonly ResourceCost[]): TopSeries {
  const sorted = [...top].sort((a, b) => num(b.cost) - num(a.cost));
  const byKind = { instance: [], volume: [], snapshot: [] } as Record<CostKind, (number | null)[]>;
  for (const r of sorted) for (const kind of STACK) byKind[kind].push(r.kind === kind ? num(r.cost) : null);
  return { names: sorted.map((r) => r.name || r.id), byKind };
}

/** Colours read from the theme's CSS variables, so the charts follow light and dark. */
export type ChartTheme = { fg: string; muted: string; grid: string; kinds: Record<CostKind, string> };

export function chartTheme(read: (cssVar: string) => string): ChartTheme {
  const v = (name: string, fallback: string) => read(name).trim() || fallback;
  return {
    fg: v("--fg", "#111418"),
    muted: v("--fg-muted", "#555d68"),
    grid: v("--border", "#d7dbe1"),
    kinds: {
      instance: v("--primary", "#1d4ed8"),
      volume: v("--warning", "#a16207"),
      snapshot: v("--success", "#15803d"),
    },
  };
}
