import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { appError, mockBackend, renderWithProviders } from "../../test/backend";
import { HibernateTimerControl } from "./HibernateTimerControl";
import { timerOf } from "./testFixtures";
import { retype } from "../../test/typing";

type Args = Record<string, unknown>;

const vm = { id: "vm-train", name: "train-h100", status: "ACTIVE" };

describe("HibernateTimerControl", () => {
  it("sets 'after N hours' as an RFC 3339 time N hours from now", async () => {
    const backend = mockBackend({
      list_timers: [],
      set_hibernate_timer: (a: Args) => timerOf("train-h100", a.at as string),
    });
    renderWithProviders(<HibernateTimerControl vm={vm} />);
    const user = userEvent.setup();
    await retype(user, "timer-hours", "3");
    const before = Date.now();
    await user.click(screen.getByTestId("timer-set"));
    await waitFor(() => expect(backend.called("set_hibernate_timer")).toHaveLength(1));
    const args = backend.called("set_hibernate_timer")[0]!.args;
    expect(args).toMatchObject({ vmId: "vm-train", vmName: "train-h100" });
    const at = args.at as string;
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ms = Date.parse(at) - before;
    expect(ms).toBeGreaterThan(3 * 3_600_000 - 5_000);
    expect(ms).toBeLessThan(3 * 3_600_000 + 5_000);
    expect(screen.getByText(/while the app runs/)).toBeInTheDocument();
  });

  it("sets 'hibernate at' from the local date and time picked", async () => {
    const backend = mockBackend({
      list_timers: [],
      set_hibernate_timer: (a: Args) => timerOf("train-h100", a.at as string),
    });
    renderWithProviders(<HibernateTimerControl vm={vm} />);
    const user = userEvent.setup();
    const next = new Date();
    next.setFullYear(next.getFullYear() + 1, 0, 2);
    next.setHours(22, 30, 0, 0);
    const input = screen.getByTestId("timer-at");
    await user.clear(input);
    await user.type(input, `${next.getFullYear()}-01-02T22:30`);
    await user.click(screen.getByTestId("timer-set"));
    await waitFor(() => expect(backend.called("set_hibernate_timer")).toHaveLength(1));
    expect(backend.called("set_hibernate_timer")[0]!.args.at).toBe(next.toISOString());
  });

  it("refuses a time in the past and shows the backend's refusal", async () => {
    const backend = mockBackend({
      list_timers: [],
      set_hibernate_timer: () => {
        throw appError("Validation", "Pick a time in the future.", { field: "at" });
      },
    });
    renderWithProviders(<HibernateTimerControl vm={vm} />);
    const user = userEvent.setup();
    await retype(user, "timer-hours", "0");
    await user.click(screen.getByTestId("timer-set"));
    expect(screen.getByTestId("timer-error")).toHaveTextContent("A number of hours above 0.");
    expect(backend.called("set_hibernate_timer")).toHaveLength(0);

    await retype(user, "timer-hours", "1");
    await user.click(screen.getByTestId("timer-set"));
    expect(await screen.findByText("Pick a time in the future.")).toBeInTheDocument();
  });

  it("shows the VM's timer with a way to cancel it, and no form on a stopped VM", async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const backend = mockBackend({ list_timers: [timerOf("train-h100", at, { vmId: "vm-train" })], cancel_timer: null });
    renderWithProviders(<HibernateTimerControl vm={{ ...vm, status: "SHUTOFF" }} />);
    const user = userEvent.setup();
    expect(await screen.findByTestId("timer-current")).toHaveTextContent("Hibernates at");
    expect(screen.getByTestId("timer-blocked")).toHaveTextContent("stopped");
    expect(screen.queryByTestId("timer-set")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("timer-clear"));
    await waitFor(() => expect(backend.called("cancel_timer")[0]?.args).toEqual({ id: "T-train-h100" }));
  });
});
