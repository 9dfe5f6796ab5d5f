import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { leavingForSubmit, SUBMIT_ATTR } from "./leavingFor";

describe("leavingForSubmit", () => {
  it("is true only when focus goes to a marked submit button", () => {
    const left = vi.fn();
    render(
      <div>
        <input data-testid="field" onBlur={(e) => left(leavingForSubmit(e))} />
        <button data-testid="submit" {...SUBMIT_ATTR}>
          Add
        </button>
        <button data-testid="other">Other</button>
      </div>,
    );
    fireEvent.blur(screen.getByTestId("field"), { relatedTarget: screen.getByTestId("submit") });
    fireEvent.blur(screen.getByTestId("field"), { relatedTarget: screen.getByTestId("other") });
    fireEvent.blur(screen.getByTestId("field"), { relatedTarget: null });
    expect(left.mock.calls.map((c) => c[0])).toEqual([true, false, false]);
  });
});
