import { describe, expect, it } from "vitest";
import bindingsSource from "../bindings.ts?raw";
import { AppError, ERROR_MESSAGES, call, humanMessage, toAppError, unwrap } from "./ipc";
import { formatMoney } from "./format";
import { primaryBalance } from "../features/billing/balance";
import { balanceOf } from "../test/backend";

/** The members of `export type AppErrorCode = "A" | "B" | …;` as generated from Rust. */
function errorCodesInBindings(): string[] {
  const start = bindingsSource.indexOf("export type AppErrorCode =");
  expect(start, "bindings.ts declares AppErrorCode").toBeGreaterThanOrEqual(0);
  const end = bindingsSource.indexOf(";", start);
  const union = bindingsSource.slice(start, end).replace(/\/\*[\s\S]*?\*\//g, "");
  return [...union.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe("humanMessage", () => {
  // ERROR_MESSAGES is a Record over every code, so tsc also fails on a missing one; this
  // test reads the generated union itself, so it fails even when only the bindings changed.
  it("has its own sentence for every AppErrorCode in the bindings", () => {
    const codes = errorCodesInBindings();
    expect(codes.length).toBeGreaterThanOrEqual(15);
    const missing = codes.filter((c) => !Object.hasOwn(ERROR_MESSAGES, c));
    expect(missing, `codes with no message: ${missing.join(", ")}`).toEqual([]);
    for (const code of codes) {
      expect(humanMessage(code)).not.toMatch(/Something went wrong/);
      expect(humanMessage(code).length).toBeGreaterThan(20);
    }
  });

  it("says what to do for the codes users meet first", () => {
    expect(humanMessage("Unauthorized")).toMatch(/^The API key was refused/);
    expect(humanMessage("Network")).toMatch(/^Barrack cannot be reached/);
    expect(humanMessage("KeychainUnavailable")).toMatch(/Secret Service|gnome-keyring/);
    expect(humanMessage("InsufficientCredits")).toMatch(/Add credits/);
    expect(humanMessage("NotSignedIn")).toMatch(/sandbox/);
  });

  it("has a general sentence for a code a newer backend may add", () => {
    expect(humanMessage("BrandNew")).toBe("Something went wrong (BrandNew).");
  });
});

describe("unwrap and AppError", () => {
  it("returns the data of an ok result", () => {
    expect(unwrap({ status: "ok", data: 42 })).toBe(42);
  });

  it("throws a typed AppError with the server's message, request id and field", () => {
    const fn = () =>
      unwrap({
        status: "error",
        error: { code: "Validation", message: "name: too long", requestId: "req-9", field: "name" },
      });
    expect(fn).toThrow(AppError);
    try {
      fn();
    } catch (e) {
      const err = e as AppError;
      expect(err.code).toBe("Validation");
      expect(err.serverMessage).toBe("name: too long");
      expect(err.requestId).toBe("req-9");
      expect(err.field).toBe("name");
      expect(err.humanMessage).toBe(ERROR_MESSAGES.Validation);
      expect(err.isOffline).toBe(false);
    }
  });

  it("marks Network and Timeout as offline", () => {
    expect(new AppError({ code: "Network", message: "x" }).isOffline).toBe(true);
    expect(new AppError({ code: "Timeout", message: "x" }).isOffline).toBe(true);
  });

  it("turns an IPC failure that never reached Rust into Unexpected", async () => {
    await expect(call(Promise.reject(new TypeError("no IPC")))).rejects.toMatchObject({
      code: "Unexpected",
      serverMessage: "no IPC",
    });
    expect(toAppError("odd").code).toBe("Unexpected");
    expect(toAppError({ code: "Server", message: "boom" }).code).toBe("Server");
  });
});

describe("money", () => {
  it("formats the balance as amount and currency", () => {
    expect(formatMoney(241.2, "USD")).toBe("241.20 USD");
    expect(formatMoney(1234.5, "EUR")).toBe("1,234.50 EUR");
  });

  it("takes the balance in the account's own currency", () => {
    const b = {
      ...balanceOf(5, "INR"),
      balances: [
        { currency: "USD", amount: 3 },
        { currency: "INR", amount: 500 },
      ],
    };
    expect(primaryBalance(b)).toEqual({ amount: 500, currency: "INR" });
  });
});
