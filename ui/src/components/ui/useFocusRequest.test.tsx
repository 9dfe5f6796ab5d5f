import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useFocusRequest } from "./useFocusRequest";

function Form({ onReady }: { onReady: (f: (id: string) => void) => void }) {
  onReady(useFocusRequest());
  return (
    <div>
      <h2 id="heading" tabIndex={-1}>
        Step
      </h2>
      <input data-testid="name" />
      <button data-testid="next">Next</button>
    </div>
  );
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

describe("useFocusRequest", () => {
  it("never takes focus back from a field the user moved into before the next frame", async () => {
    let focusOn: (id: string) => void = () => {};
    render(<Form onReady={(f) => (focusOn = f)} />);
    act(() => focusOn("heading"));
    expect(document.activeElement?.id).toBe("heading");
    // The user clicks into the name field at once and types.
    screen.getByTestId("name").focus();
    await act(frame);
    expect(screen.getByTestId("name")).toHaveFocus();
  });

  it("takes it back from the clicked button on the next frame", async () => {
    let focusOn: (id: string) => void = () => {};
    render(<Form onReady={(f) => (focusOn = f)} />);
    act(() => focusOn("heading"));
    screen.getByTestId("next").focus();
    await act(frame);
    expect(document.activeElement?.id).toBe("heading");
  });
});
