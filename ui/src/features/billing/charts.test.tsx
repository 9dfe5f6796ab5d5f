import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DailyCostChart } from "./DailyCostChart";
import { TopResourcesChart } from "./TopResourcesChart";
import { overviewOf } from "./testFixtures";

/** A 2D context that accepts every call: enough for uPlot to build and draw in jsdom. */
function fakeContext(): CanvasRenderingContext2D {
  const fn = () => ({ width: 10 });
  return new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : fn),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

/** jsdom has no Path2D either; uPlot only builds paths and hands them to the context. */
class FakePath2D {
  constructor() {
    return new Proxy(this, { get: (target, key) => (key in target ? target[key as keyof FakePath2D] : () => {}) });
  }
}

let observed = 0;
class CountingResizeObserver {
  observe() {
    observed++;
  }
  unobserve() {}
  disconnect() {}
}

describe("charts (uPlot)", () => {
  beforeEach(() => {
    observed = 0;
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(() => fakeContext() as never);
    vi.stubGlobal("ResizeObserver", CountingResizeObserver);
    vi.stubGlobal("Path2D", FakePath2D);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("builds the daily chart with a live legend naming each kind's own amount", () => {
    const o = overviewOf();
    render(<DailyCostChart chart={o.charts.daily} stack={o.charts.stack} currency="USD" />);
    const chart = screen.getByTestId("chart-daily");
    expect(chart.querySelector(".uplot")).not.toBeNull();
    expect(chart.querySelector(".u-legend")?.textContent).toMatch(/Snapshots.*Volumes.*Instances/);
    expect(observed).toBe(1);
  });

  it("draws and lists the kinds in the order the backend stacks them", () => {
    const o = overviewOf();
    render(<DailyCostChart chart={o.charts.daily} stack={["snapshot", "instance", "volume"]} currency="USD" />);
    const chart = screen.getByTestId("chart-daily");
    // Drawn tallest (top of the stack) first, so the legend reads top to bottom.
    expect(chart.querySelector(".u-legend")?.textContent).toMatch(/Volumes.*Instances.*Snapshots/);
    const head = [...document.querySelectorAll("details thead th")].map((th) => th.textContent);
    expect(head.indexOf("Snapshots")).toBeLessThan(head.indexOf("Instances"));
    expect(head.indexOf("Instances")).toBeLessThan(head.indexOf("Volumes"));
  });

  it("builds the top-resources chart, and says so when nothing has cost anything", () => {
    const o = overviewOf();
    const { unmount } = render(<TopResourcesChart chart={o.charts.top} stack={o.charts.stack} currency="USD" />);
    expect(screen.getByTestId("chart-top").querySelector(".uplot")).not.toBeNull();
    unmount();
    render(
      <TopResourcesChart
        chart={{ names: [], kinds: [], costs: [], byKind: { instance: [], volume: [], snapshot: [] } }}
        stack={o.charts.stack}
        currency="USD"
      />,
    );
    expect(screen.getByText("No costs recorded yet.")).toBeInTheDocument();
  });

  it("rebuilds in the other theme's colours when <html> switches to dark", async () => {
    const o = overviewOf();
    render(<DailyCostChart chart={o.charts.daily} stack={o.charts.stack} currency="USD" />);
    const first = screen.getByTestId("chart-daily").querySelector(".uplot");
    document.documentElement.classList.add("dark");
    await vi.waitFor(() => expect(screen.getByTestId("chart-daily").querySelector(".uplot")).not.toBe(first));
  });
});
