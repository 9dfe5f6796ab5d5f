// What the billing charts share beyond their columns (computed by the backend, barrack-core
// `billing::charts`, which also gives their stack order): the kinds' names and the theme's colours.

import type { CostKind } from "../../bindings";

export const KIND_LABEL: Record<CostKind, string> = { instance: "Instances", volume: "Volumes", snapshot: "Snapshots" };

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
