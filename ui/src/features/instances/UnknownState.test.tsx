import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mockBackend, renderApp } from "../../test/backend";
import { accountOverviewOf, consequencesOf, instancesOverviewOf, rowOf, simulatedVms, vmOf } from "../../test/vms";
import { stateBilling } from "./money";

// As the backend answers for a VM in a state it does not know: the raw status, the flag,
// and the full rate (barrack-api costs counts it as running).
const ODD = rowOf(vmOf("odd-box", "Quantum"), { hourlyRate: 4.98, fullRate: 4.98, unknownState: true });
const TRAIN = rowOf(vmOf("train-h100"));

beforeEach(() => {
  vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(600);
  vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(1200);
});

describe("a VM in a state this app does not know", () => {
  it("the instances list shows its raw status, its full rate and the note", async () => {
    mockBackend({ instances_overview: instancesOverviewOf([ODD, TRAIN]) });
    renderApp("/instances");
    const row = await screen.findByTestId("instance-row-odd-box");
    expect(row).toHaveTextContent("Quantum");
    expect(row).toHaveTextContent("4.98 USD/h");
    expect(within(row).getByTestId("unknown-state-note")).toHaveAttribute(
      "title",
      "state not known to this app — counted as running",
    );
    expect(within(screen.getByTestId("instance-row-train-h100")).queryByTestId("unknown-state-note")).toBeNull();
  });

  it("its page says so next to the price, never 'no charge'", async () => {
    const sim = simulatedVms([ODD]);
    mockBackend({ ...sim.handlers, get_instance_firewalls: { firewalls: [] }, list_timers: [] });
    renderApp(`/instances/${ODD.vm.id}`);
    expect(await screen.findByTestId("vm-status")).toHaveTextContent(/^Quantum$/);
    expect(await screen.findByTestId("unknown-state-note")).toHaveTextContent(
      "State not known to this app — counted as running.",
    );
    expect(screen.getByTestId("vm-hourly-price")).toHaveTextContent("4.98 USD/h");
    expect(screen.getByTestId("vm-billing-note")).not.toHaveTextContent(/no extra charge|not billed/i);
  });

  it("the dashboard counts it in the burn rate the backend gives, with the note", async () => {
    mockBackend({
      account_overview: accountOverviewOf([ODD], { burn: { instances: 4.98, volumes: 0, snapshots: 0, total: 4.98 } }),
      instance_actions: consequencesOf(),
    });
    renderApp("/dashboard");
    expect(await screen.findByTestId("unknown-state-note")).toBeInTheDocument();
    expect(screen.getByTestId("burn-rate")).toHaveTextContent("4.98 USD/h");
  });

  it("the billing note of an unknown state is the full rate, not a free transition", () => {
    expect(stateBilling("QUANTUM").note).toMatch(/full rate/);
    expect(stateBilling("STARTING").note).toMatch(/no extra charge/);
  });
});
