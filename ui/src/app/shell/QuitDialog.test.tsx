import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { emitEvent, fails, mockBackend, renderApp } from "../../test/backend";

describe("quit with pending timers", () => {
  it("lists the pending timers; Quit anyway quits, confirmed", async () => {
    const backend = mockBackend({ quit_app: null });
    renderApp();
    await screen.findByTestId("app-shell");
    expect(screen.queryByTestId("quit-dialog")).not.toBeInTheDocument();

    await emitEvent("quit-requested", { pendingTimers: ["train-h100", "dev-a6000"] });
    const dialog = await screen.findByTestId("quit-dialog");
    expect(within(dialog).getByTestId("quit-pending-timers")).toHaveTextContent("train-h100");
    expect(within(dialog).getByTestId("quit-pending-timers")).toHaveTextContent("dev-a6000");

    await userEvent.click(within(dialog).getByRole("button", { name: "Quit anyway" }));
    await waitFor(() => expect(backend.called("quit_app")).toHaveLength(1));
    expect(backend.called("quit_app")[0]!.args).toEqual({ confirmed: true });
  });

  it("Keep running closes the dialog and quits nothing", async () => {
    const backend = mockBackend({ quit_app: null });
    renderApp();
    await screen.findByTestId("app-shell");
    await emitEvent("quit-requested", { pendingTimers: ["train-h100"] });
    await userEvent.click(
      within(await screen.findByTestId("quit-dialog")).getByRole("button", { name: "Keep running" }),
    );
    await waitFor(() => expect(screen.queryByTestId("quit-dialog")).not.toBeInTheDocument());
    expect(backend.called("quit_app")).toEqual([]);
  });

  it("a failed quit says why and keeps the dialog", async () => {
    mockBackend({ quit_app: fails("Internal", "the quit command panicked") });
    renderApp();
    await screen.findByTestId("app-shell");
    await emitEvent("quit-requested", { pendingTimers: ["train-h100"] });
    await userEvent.click(
      within(await screen.findByTestId("quit-dialog")).getByRole("button", { name: "Quit anyway" }),
    );
    expect(await within(screen.getByTestId("quit-dialog")).findByRole("alert")).toHaveTextContent(
      "the quit command panicked",
    );
  });
});
