import { useEffect, useLayoutEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { chartTheme, type ChartTheme } from "./charts";
import { keyboardLegend } from "./keyboardLegend";

type Props = {
  /** Built again with new data, theme or height; the width follows the container. */
  options: (theme: ChartTheme, size: { width: number; height: number }) => Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
  height: number;
  testId?: string;
};

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  return chartTheme((name) => style.getPropertyValue(name));
}

/** The theme's colours, read again whenever <html> switches between light and dark. */
function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(readTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/** Whether this webview can draw on a canvas (jsdom cannot: the chart is then left out). */
function canDraw(): boolean {
  try {
    return document.createElement("canvas").getContext("2d") != null;
  } catch {
    return false;
  }
}

/**
 * One uPlot chart that fills its container's width: a ResizeObserver resizes it in place.
 * New data or a theme change builds it again: uPlot takes colours at creation, and the
 * legend's formatters close over the data they label (a rebuild costs about a millisecond,
 * and the overview changes only when the poller says so).
 */
export function UPlotChart({ options, data, height, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useChartTheme();
  // The builder may be a new function each render: the one of the render that changed data counts.
  const build = useRef(options);
  build.current = options;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    const width = Math.max(200, el.clientWidth);
    const u = new uPlot({ ...build.current(theme, { width, height }), width, height }, data, el);
    keyboardLegend(u.root, u.series.length);
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== u.width) u.setSize({ width: w, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
    };
  }, [theme, height, data]);

  return <div ref={box} data-testid={testId} className="w-full min-w-0 text-xs" />;
}
