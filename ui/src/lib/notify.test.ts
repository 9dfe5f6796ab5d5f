import { describe, expect, it } from "vitest";
import { AppError } from "./ipc";
import { SERVER_TEXT_MAX } from "../bindings";
import { cutServerText, errorDetail } from "./notify";

describe("server text at a sane length", () => {
  it("cuts a long server message wherever it is shown, and keeps the request id", () => {
    const page = `<html>${"<div>Internal error</div>\n".repeat(2000)}</html>`;
    const e = new AppError({ code: "Server", message: page, requestId: "req-9" });
    expect(e.serverMessage.length).toBeLessThanOrEqual(SERVER_TEXT_MAX);
    expect(e.serverMessage.endsWith("…")).toBe(true);
    expect(e.message).toBe(e.serverMessage);
    const detail = errorDetail(e);
    expect(detail.length).toBeLessThanOrEqual(SERVER_TEXT_MAX + " · Request ID req-9".length);
    expect(detail).toMatch(/ · Request ID req-9$/);
  });

  it("leaves a normal message as it is", () => {
    expect(
      new AppError({ code: "Validation", message: "pollIdleSecs: must be between 15 and 3600 seconds" }).serverMessage,
    ).toBe("pollIdleSecs: must be between 15 and 3600 seconds");
  });

  it("never cuts a character in half", () => {
    const cut = cutServerText("🔥".repeat(400), 10);
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut).toBe(`${"🔥".repeat(9)}…`);
  });
});
