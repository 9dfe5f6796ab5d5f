import { describe, expect, it } from "vitest";
import { formatClock, formatHourly, formatPerMinute, formatRunningTime, formatRunway, stateBilling } from "./money";

describe("cost labels", () => {
  it.each([
    [4.98, "USD", "4.98 USD/h"],
    [9.96, "EUR", "9.96 EUR/h"],
    [0.01, "USD", "0.01 USD/h"],
    [239, "INR", "239.00 INR/h"],
    [1234.5, "USD", "1,234.50 USD/h"],
    [-0, "USD", "0.00 USD/h"],
    [null, "USD", "—"],
  ])("hourly %s %s → %s", (rate, cur, text) => {
    expect(formatHourly(rate, cur)).toBe(text);
  });

  it.each([
    [9.96, "USD", "0.1660 USD/min"],
    [4.98, "USD", "0.0830 USD/min"],
    [2.69, "USD", "0.0448 USD/min"],
    [239, "INR", "3.9833 INR/min"],
    [0.01, "USD", "0.000167 USD/min"],
    [0, "USD", "0.0000 USD/min"],
    [-0, "USD", "0.0000 USD/min"],
    [null, "USD", "—"],
  ])("per minute from %s %s/h → %s", (rate, cur, text) => {
    expect(formatPerMinute(rate, cur)).toBe(text);
  });

  it("says a stopped VM is still billing, and what the other states cost", () => {
    expect(stateBilling("SHUTOFF").note).toMatch(/still billing the full rate/);
    expect(stateBilling("ACTIVE").note).toMatch(/full rate/);
    expect(stateBilling("HIBERNATED").note).toMatch(/hibernation rate/);
    expect(stateBilling("STOPPING").note).toMatch(/no extra charge/);
    expect(stateBilling("ERROR").note).toMatch(/not billed/);
  });
});

describe("runway", () => {
  it.each([
    [null, "No running costs"],
    [25, "1 day 1 hour"],
    [241.2 / 5.39, "1 day 20 hours"],
    [24 * 12 + 5.9, "12 days 5 hours"],
    [48, "2 days 0 hours"],
    [5.5, "5 hours 30 minutes"],
    [1, "1 hour 0 minutes"],
    [0.5, "30 minutes"],
    [1 / 60, "1 minute"],
    [0.001, "less than a minute"],
  ])("%s hours → %s", (hours, text) => {
    expect(formatRunway(hours)).toBe(text);
  });
});

describe("running time", () => {
  const now = Date.parse("2026-03-04T12:00:00Z");
  it.each([
    ["2026-03-04T11:59:40Z", "<1m"],
    ["2026-03-04T11:48:00Z", "12m"],
    ["2026-03-04T09:55:00Z", "2h 05m"],
    ["2026-03-01T08:00:00Z", "3d 4h"],
    [null, "—"],
    ["not a date", "—"],
  ])("since %s → %s", (since, text) => {
    expect(formatRunningTime(since, now)).toBe(text);
  });

  it("formats the last update as hh:mm", () => {
    expect(formatClock(new Date(2026, 0, 2, 9, 5).getTime())).toBe("09:05");
  });
});
