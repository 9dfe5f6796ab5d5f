import { renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../bindings";
import { STOCK_HEARTBEAT_MS, useStockHeartbeat } from "./useStockHeartbeat";

vi.mock("../../bindings", async (importOriginal) => {
  const mod = await importOriginal<typeof import("../../bindings")>();
  const ok = () => Promise.resolve({ status: "ok" as const, data: null });
  return { ...mod, commands: { ...mod.commands, watchStock: vi.fn(ok) } };
});

let visibility: DocumentVisibilityState = "visible";

function setVisibility(v: DocumentVisibilityState) {
  visibility = v;
  document.dispatchEvent(new Event("visibilitychange"));
}

/** The `on` argument of every watch_stock call so far. */
const beats = () => vi.mocked(commands.watchStock).mock.calls.map(([on]) => on);

describe("useStockHeartbeat", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(commands.watchStock).mockClear();
    visibility = "visible";
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("beats on mount and every 30 s, and says false on unmount", () => {
    const { unmount } = renderHook(() => useStockHeartbeat());
    expect(beats()).toEqual([true]);
    vi.advanceTimersByTime(STOCK_HEARTBEAT_MS - 1);
    expect(beats()).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(beats()).toEqual([true, true]);
    vi.advanceTimersByTime(2 * STOCK_HEARTBEAT_MS);
    expect(beats()).toEqual([true, true, true, true]);
    unmount();
    expect(beats()).toEqual([true, true, true, true, false]);
    vi.advanceTimersByTime(5 * STOCK_HEARTBEAT_MS);
    expect(beats()).toHaveLength(5);
  });

  it("is silent while hidden and beats again when shown", () => {
    const { unmount } = renderHook(() => useStockHeartbeat());
    expect(beats()).toEqual([true]);
    setVisibility("hidden");
    vi.advanceTimersByTime(10 * STOCK_HEARTBEAT_MS);
    expect(beats()).toEqual([true]);
    setVisibility("visible");
    expect(beats()).toEqual([true, true]);
    vi.advanceTimersByTime(STOCK_HEARTBEAT_MS);
    expect(beats()).toEqual([true, true, true]);
    unmount();
    expect(beats()).toEqual([true, true, true, false]);
  });

  it("does not beat when mounted hidden", () => {
    visibility = "hidden";
    const { unmount } = renderHook(() => useStockHeartbeat());
    vi.advanceTimersByTime(3 * STOCK_HEARTBEAT_MS);
    expect(beats()).toEqual([]);
    unmount();
    expect(beats()).toEqual([false]);
  });
});
