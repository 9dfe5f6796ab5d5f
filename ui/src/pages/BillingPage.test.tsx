import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  PRICING,
  SNAPSHOT_PAGE,
  VOLUME_PAGE,
  instancePage,
  overviewOf,
  quoteOf,
  timerOf,
} from "../features/billing/testFixtures";
import { appError, balanceOf, emitResourcesChanged, mockBackend, renderApp, settingsWith } from "../test/backend";
import { retype } from "../test/typing";

type Args = Record<string, unknown>;

/** The billing commands' answers; `extra` overrides. */
function billingBackend(extra: Record<string, unknown> = {}) {
  return mockBackend({
    billing_overview: overviewOf(),
    get_instance_billing: (a: Args) => instancePage(((a.query as Args).page as number) ?? 1, 3),
    get_volume_billing: VOLUME_PAGE,
    get_snapshot_billing: SNAPSHOT_PAGE,
    get_pricing: PRICING,
    deploy_quote: (a: Args) => {
      const r = a.request as { gpuModel: string; gpuCount: number };
      return quoteOf(r.gpuModel === "H100-SXM5-80GB" ? 2.49 : 0.69, r.gpuCount);
    },
    list_timers: [],
    ...extra,
  });
}

beforeEach(() => {
  // jsdom cannot draw: without a 2D context the chart containers render empty, quietly.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

describe("billing page: overview", () => {
  it("shows the overview's figures as the backend gives them", async () => {
    billingBackend({
      get_balance: {
        ...balanceOf(241.2),
        balances: [
          { currency: "USD", amount: 241.2 },
          { currency: "EUR", amount: 12.5 },
        ],
      },
    });
    renderApp("/billing");
    expect(await screen.findByTestId("billing-page")).toBeInTheDocument();
    expect(await screen.findByTestId("balance-USD")).toHaveTextContent("241.20 USD");
    expect(screen.getByTestId("balance-EUR")).toHaveTextContent("12.50 EUR");
    expect(screen.getByTestId("burn-rate")).toHaveTextContent("5.11 USD/h");
    // 47.2 hours.
    expect(screen.getByTestId("runway")).toHaveTextContent("1 day 23 hours");
    expect(screen.getByTestId("cost-today")).toHaveTextContent("12.34 USD");
    expect(screen.getByTestId("cost-week")).toHaveTextContent("80.50 USD");
    expect(screen.getByTestId("cost-month")).toHaveTextContent("310.25 USD");
    expect(await screen.findByTestId("chart-daily")).toBeInTheDocument();
    expect(screen.getByTestId("chart-top")).toBeInTheDocument();
    expect(screen.queryByTestId("runway-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("low-balance-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("zero-balance-banner")).not.toBeInTheDocument();
  });

  it("warns when the runway is under a day, below the threshold, and at zero", async () => {
    billingBackend({ billing_overview: overviewOf({ runwayHours: 5.5 }) });
    const first = renderApp("/billing");
    expect(await screen.findByTestId("runway-banner")).toHaveTextContent("5 hours 30 minutes");
    first.unmount();

    billingBackend({
      billing_overview: overviewOf({ balance: 8, balances: [{ currency: "USD", amount: 8 }], runwayHours: 100 }),
      get_balance: balanceOf(8),
      get_settings: settingsWith({ lowBalanceThreshold: 25 }),
    });
    const second = renderApp("/billing");
    // The threshold from Settings, not the overview's copy (10).
    expect(await screen.findByTestId("low-balance-banner")).toHaveTextContent("Balance below 25.00 USD");
    expect(screen.queryByTestId("runway-banner")).not.toBeInTheDocument();
    second.unmount();

    billingBackend({
      billing_overview: overviewOf({ balance: 0, balances: [{ currency: "USD", amount: 0 }], runwayHours: 0 }),
      get_balance: balanceOf(0),
    });
    renderApp("/billing");
    expect(await screen.findByTestId("zero-balance-banner")).toHaveTextContent(/hibernates running VMs/);
    expect(screen.queryByTestId("low-balance-banner")).not.toBeInTheDocument();
  });

  it("shows the header's balance, not an older copy fetched with the overview", async () => {
    // Seen in the sandbox: header 241.30 USD, Billing page 240.03 USD on one screen.
    billingBackend({
      billing_overview: overviewOf({ balance: 240.03, balances: [{ currency: "USD", amount: 240.03 }] }),
      get_balance: balanceOf(241.3),
    });
    renderApp("/billing");
    expect(await screen.findByTestId("balance-USD")).toHaveTextContent("241.30 USD");
    expect(screen.getByTestId("header-balance")).toHaveTextContent("241.30 USD");
    // The poller's new balance reaches both at once.
    await emitResourcesChanged({ kinds: ["balance"], balance: 239.5, currency: "USD" });
    await waitFor(() => expect(screen.getByTestId("balance-USD")).toHaveTextContent("239.50 USD"));
    expect(screen.getByTestId("header-balance")).toHaveTextContent("239.50 USD");
  });

  it("fetches the overview again when the poller reports a change", async () => {
    const backend = billingBackend();
    renderApp("/billing");
    await screen.findByTestId("balance-USD");
    const before = backend.called("billing_overview").length;
    await emitResourcesChanged({ kinds: ["snapshots"] });
    await waitFor(() => expect(backend.called("billing_overview").length).toBeGreaterThan(before));
  });
});

describe("billing page: still billing", () => {
  it("lists idle resources with their cost per day and the right action, not running VMs", async () => {
    billingBackend({
      billing_overview: overviewOf({
        stillBilling: [
          ...overviewOf().stillBilling,
          { ...overviewOf().stillBilling[0]!, name: "busy", status: "ACTIVE" },
        ],
      }),
    });
    renderApp("/billing");
    const section = await screen.findByTestId("still-billing");
    expect(within(section).getByTestId("still-cost-dev-a6000")).toHaveTextContent("16.56 USD/day");
    expect(within(section).getByTestId("still-action-dev-a6000")).toHaveTextContent("Start, then hibernate");
    expect(within(section).getByTestId("still-delete-dev-a6000")).toHaveTextContent("Delete");
    expect(within(section).getByTestId("still-action-archive-a100")).toHaveTextContent("Delete");
    expect(within(section).getByTestId("still-action-scratch")).toHaveTextContent("Delete");
    expect(within(section).getByTestId("still-action-nightly")).toHaveTextContent("Delete");
    expect(within(section).queryByTestId("still-busy")).not.toBeInTheDocument();
    expect(screen.getByTestId("hibernation-savings")).toHaveTextContent("1 hibernated VM, saving 37.92 USD/day");
  });

  it("starts a stopped VM to hibernate it, after saying it costs a minute or two", async () => {
    const backend = billingBackend({
      start_then_hibernate: timerOf("dev-a6000", "2026-03-01T10:00:00Z", { kind: "hibernateWhenActive" }),
    });
    renderApp("/billing");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("still-action-dev-a6000"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("a minute or two at the full rate");
    await user.click(within(dialog).getByTestId("confirm-action"));
    await waitFor(() => expect(backend.called("start_then_hibernate")).toHaveLength(1));
    expect(backend.called("start_then_hibernate")[0]!.args).toEqual({
      vmId: "instance-dev-a6000",
      vmName: "dev-a6000",
    });
    expect(await screen.findByText(/hibernates as soon as it is ACTIVE/)).toBeInTheDocument();
  });

  it("deletes a snapshot once its name is typed, and shows a refusal in the dialog", async () => {
    const backend = billingBackend({
      delete_snapshot: () => {
        throw appError("Conflict", "Snapshot is in use");
      },
    });
    renderApp("/billing");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("still-action-nightly"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(within(dialog).getByTestId("confirm-action")).toBeDisabled();
    await user.type(within(dialog).getByTestId("confirm-input"), "nightly");
    await user.click(within(dialog).getByTestId("confirm-action"));
    expect(await within(dialog).findByTestId("error-banner")).toHaveTextContent("Snapshot is in use");
    expect(backend.called("delete_snapshot")[0]!.args).toEqual({ snapshotId: "snapshot-nightly" });
  });
});

describe("billing page: records", () => {
  it("pages and filters on the server, going back to page 1 on a filter change", async () => {
    const backend = billingBackend();
    const asked = () => backend.called("get_instance_billing").map((c) => c.args.query);
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("record-row-BRK-100DB");
    expect(asked()[0]).toEqual({ page: 1, limit: 50 });
    expect(screen.getByTestId("records-page")).toHaveTextContent("Page 1 of 3 · 9 records");
    expect(screen.getByTestId("records-prev")).toBeDisabled();
    expect(screen.getByTestId("summary-totalCost")).toHaveTextContent("1,810.95 USD");
    expect(screen.getByTestId("summary-averageUsage")).toHaveTextContent("1,124.12");

    await user.click(screen.getByTestId("records-next"));
    expect(await screen.findByTestId("record-row-BRK-200DB")).toBeInTheDocument();
    expect(screen.getByTestId("records-page")).toHaveTextContent("Page 2 of 3");
    expect(asked()).toContainEqual({ page: 2, limit: 50 });

    await user.selectOptions(screen.getByTestId("records-resource"), "vm-train");
    await waitFor(() => expect(asked()).toContainEqual({ page: 1, limit: 50, resource_id: "vm-train" }));
    await user.type(screen.getByTestId("records-from"), "2026-01-01");
    await user.type(screen.getByTestId("records-to"), "2026-01-31");
    await waitFor(() =>
      expect(asked()).toContainEqual({
        page: 1,
        limit: 50,
        resource_id: "vm-train",
        start_date: "2026-01-01",
        end_date: "2026-01-31",
      }),
    );
    // The VM's name leads to its page.
    expect(
      within(screen.getByTestId("record-row-BRK-100DB")).getByRole("link", { name: "train-h100" }),
    ).toHaveAttribute("href", "/instances/vm-train");
  });

  it("switches kinds with their own columns and summary", async () => {
    const backend = billingBackend();
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("record-row-BRK-100DB");
    await user.click(screen.getByTestId("records-tab-volume"));
    const row = await screen.findByTestId("record-row-VBILL_a1b2c3d4e5");
    expect(row).toHaveTextContent("storage1");
    expect(row).toHaveTextContent("1000 GB");
    expect(screen.getByTestId("summary-totalSizeGB")).toHaveTextContent("1,000");
    expect(backend.called("get_volume_billing")[0]!.args.query).toEqual({ page: 1, limit: 50 });
    await user.click(screen.getByTestId("records-tab-snapshot"));
    expect(await screen.findByTestId("record-row-SBILL_1")).toHaveTextContent("nightly");
    expect(within(screen.getByTestId("record-row-SBILL_1")).getByRole("link")).toHaveAttribute(
      "href",
      "/snapshots?details=snap-1",
    );
  });

  it("exports the current filter, and says nothing when the save dialog is closed", async () => {
    let cancel = false;
    const backend = billingBackend({
      export_billing_csv: () => {
        if (cancel) throw appError("Cancelled", "The save dialog was closed.");
        return { path: "/home/me/barrack-instance-billing.csv", rows: 9 };
      },
    });
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("record-row-BRK-100DB");
    await user.type(screen.getByTestId("records-from"), "2026-01-01");
    await user.click(screen.getByTestId("records-export"));
    expect(await screen.findByText("Exported 9 records to /home/me/barrack-instance-billing.csv")).toBeInTheDocument();
    expect(backend.called("export_billing_csv")[0]!.args).toEqual({
      kind: "instance",
      filter: { start_date: "2026-01-01" },
    });

    cancel = true;
    await user.click(screen.getByTestId("records-export"));
    await waitFor(() => expect(backend.called("export_billing_csv")).toHaveLength(2));
    expect(screen.queryByText(/Cancelled/)).not.toBeInTheDocument();
  });

  it("marks the records' render and changes for the benchmark", async () => {
    performance.clearMeasures();
    billingBackend();
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("record-row-BRK-100DB");
    await waitFor(() => expect(performance.getEntriesByName("billing-records-render")).toHaveLength(1));
    await user.click(screen.getByTestId("records-next"));
    await screen.findByTestId("record-row-BRK-200DB");
    await waitFor(() => expect(performance.getEntriesByName("billing-records-change")).toHaveLength(1));
  });
});

/** A promise and the function that settles it: an answer the test lets through when it wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The `get_instance_billing` pages asked for, in order. */
const pagesAsked = (backend: ReturnType<typeof billingBackend>) =>
  backend.called("get_instance_billing").map((c) => (c.args.query as Args).page);

describe("billing page: the records first, the overview after", () => {
  it("shows the records' first page before asking for the overview and the prices", async () => {
    const firstPage = gate();
    const backend = billingBackend({
      get_instance_billing: async (a: Args) => {
        await firstPage.opened;
        return instancePage(((a.query as Args).page as number) ?? 1, 3);
      },
    });
    renderApp("/billing");
    await waitFor(() => expect(backend.called("get_instance_billing")).toHaveLength(1));
    expect(screen.getByTestId("overview-loading")).toBeInTheDocument();
    expect(backend.called("billing_overview")).toHaveLength(0);
    expect(backend.called("get_pricing")).toHaveLength(0);

    firstPage.open();
    await screen.findByTestId("record-row-BRK-100DB");
    await waitFor(() => expect(backend.called("billing_overview")).toHaveLength(1));
    expect(await screen.findByTestId("burn-rate")).toHaveTextContent("5.11 USD/h");
    // The charts are a chunk of their own, mounted after the overview's figures.
    expect(await screen.findByTestId("chart-daily")).toBeInTheDocument();
    expect(await screen.findByTestId("pricing-table")).toBeInTheDocument();
  });

  it("puts only the page asked for in the table, however many records there are", async () => {
    billingBackend({
      get_instance_billing: (a: Args) => ({
        ...instancePage(((a.query as Args).page as number) ?? 1, 100, 50),
        total: 5000,
      }),
    });
    renderApp("/billing");
    await screen.findByTestId("record-row-BRK-100DB");
    expect(screen.getByTestId("records-page")).toHaveTextContent("Page 1 of 100 · 5,000 records");
    expect(within(screen.getByTestId("records-table")).getAllByTestId(/^record-row-/)).toHaveLength(50);
  });

  it("keeps the rows on screen until the next page is there, then shows it whole", async () => {
    const secondPage = gate();
    billingBackend({
      get_instance_billing: async (a: Args) => {
        const page = ((a.query as Args).page as number) ?? 1;
        if (page > 1) await secondPage.opened;
        return instancePage(page, 3);
      },
    });
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("record-row-BRK-100DB");
    await user.click(screen.getByTestId("records-next"));
    // Still page 1's rows, not an empty table or a spinner in their place.
    expect(screen.getByTestId("records-page")).toHaveTextContent("Page 1 of 3");
    expect(screen.getAllByTestId(/^record-row-BRK-1\d\dDB$/)).toHaveLength(3);
    expect(screen.queryByText("Loading records…")).not.toBeInTheDocument();

    secondPage.open();
    expect(await screen.findByTestId("record-row-BRK-200DB")).toBeInTheDocument();
    expect(screen.getByTestId("records-page")).toHaveTextContent("Page 2 of 3");
    expect(screen.queryAllByTestId(/^record-row-BRK-1\d\dDB$/)).toHaveLength(0);
  });

  it("turns pages and filters without fetching the overview again, and goes back from the cache", async () => {
    const backend = billingBackend();
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("record-row-BRK-100DB");
    await waitFor(() => expect(backend.called("billing_overview")).toHaveLength(1));
    // The next page is fetched as soon as the first is up.
    await waitFor(() => expect(pagesAsked(backend)).toEqual([1, 2]));

    await user.click(screen.getByTestId("records-next"));
    await screen.findByTestId("record-row-BRK-200DB");
    await user.click(screen.getByTestId("records-prev"));
    // Page 1 again, from the cache: not asked for a second time.
    expect(await screen.findByTestId("record-row-BRK-100DB")).toBeInTheDocument();
    expect(pagesAsked(backend).filter((p) => p === 1)).toHaveLength(1);

    await user.selectOptions(screen.getByTestId("records-resource"), "vm-train");
    await waitFor(() =>
      expect(backend.called("get_instance_billing").map((c) => c.args.query)).toContainEqual({
        page: 1,
        limit: 50,
        resource_id: "vm-train",
      }),
    );
    expect(backend.called("billing_overview")).toHaveLength(1);
  });
});

describe("billing page: prices, calculator, timers, credits", () => {
  it("shows the price table from the pricing endpoint in the account's currency", async () => {
    billingBackend();
    renderApp("/billing");
    const table = await screen.findByTestId("pricing-table");
    expect(within(table).getByTestId("price-gpu-advanced-H100-SXM5-80GB")).toHaveTextContent("2.49 USD");
    expect(within(table).getByTestId("price-gpu-legacy-RTX-A6000")).toHaveTextContent(/0\.69 USD.*4$/);
    expect(within(table).getByTestId("price-volume-advanced-NVMe")).toHaveTextContent("0.30 USD");
    expect(within(table).getByTestId("price-snapshot-legacy")).toHaveTextContent("100 GB each");
  });

  it("prices a configuration with deploy_quote × hours plus the volume", async () => {
    const backend = billingBackend();
    renderApp("/billing");
    const user = userEvent.setup();
    await screen.findByTestId("calculator");
    await user.selectOptions(screen.getByTestId("calc-gpu"), "advanced|H100-SXM5-80GB");
    await retype(user, "calc-count", "4");
    await retype(user, "calc-hours", "10");
    await waitFor(() => expect(screen.getByTestId("calc-total")).toHaveTextContent("99.60 USD"));
    expect(backend.called("deploy_quote").at(-1)!.args.request).toEqual({
      gpuModel: "H100-SXM5-80GB",
      tier: "advanced",
      gpuCount: 4,
    });

    await user.selectOptions(screen.getByTestId("calc-volume-type"), "advanced|NVMe");
    await retype(user, "calc-volume-size", "500");
    // 0.30 × 500 / 1000 × 10 = 1.50 more (the sum is barrack-api's: calculate_cost).
    await waitFor(() => expect(screen.getByTestId("calc-total")).toHaveTextContent("101.10 USD"));
    expect(backend.called("calculate_cost").at(-1)!.args.input).toEqual({
      gpuPerHour: 9.96,
      hours: 10,
      volumePricePerTbHour: 0.3,
      volumeSizeGb: 500,
    });

    await retype(user, "calc-count", "9");
    expect(screen.getByTestId("calc-total")).toHaveTextContent("—");
    expect(screen.getByText("At most 8 for this model.")).toBeInTheDocument();
  });

  it("lists the timers and postpones or cancels them", async () => {
    const at = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const backend = billingBackend({
      list_timers: [timerOf("train-h100", at)],
      postpone_timer: (a: Args) => timerOf("train-h100", at, { id: a.id as string }),
      cancel_timer: null,
    });
    renderApp("/billing");
    const user = userEvent.setup();
    expect(await screen.findByTestId("timer-train-h100")).toHaveTextContent(
      /Hibernates at .* \(in (2 h 5\d|3 h 00) min\)/,
    );
    await user.click(screen.getByTestId("timer-postpone-train-h100"));
    await waitFor(() => expect(backend.called("postpone_timer")[0]?.args).toEqual({ id: "T-train-h100", minutes: 30 }));
    await user.click(screen.getByTestId("timer-cancel-train-h100"));
    await waitFor(() => expect(backend.called("cancel_timer")[0]?.args).toEqual({ id: "T-train-h100" }));
  });

  it("reloads the timers when the timer runner reports", async () => {
    const backend = billingBackend();
    renderApp("/billing");
    await screen.findByTestId("timers");
    await waitFor(() => expect(backend.called("list_timers")).toHaveLength(1));
    await emitResourcesChanged({ kinds: ["timers"] });
    await waitFor(() => expect(backend.called("list_timers")).toHaveLength(2));
  });

  it("states the credit terms and opens Barrack's credits page in the browser", async () => {
    const backend = billingBackend({ "plugin:opener|open_url": null });
    renderApp("/billing");
    const user = userEvent.setup();
    const credits = await screen.findByTestId("credits");
    expect(within(credits).getByTestId("credits-terms-USD")).toHaveTextContent("5.00 USD");
    expect(within(credits).getByTestId("credits-terms-INR")).toHaveTextContent(
      /100\.00 INR.*UPI, Card, Net banking.*18% GST/,
    );
    expect(within(credits).getByTestId("credits-terms-EUR")).toHaveTextContent("SEPA");
    expect(credits).toHaveTextContent("non-refundable");
    expect(credits).toHaveTextContent("never expire");
    expect(credits).toHaveTextContent("no cash value");
    await user.click(screen.getByTestId("add-credits"));
    await waitFor(() => expect(backend.called("plugin:opener|open_url")).toHaveLength(1));
    expect(backend.called("plugin:opener|open_url")[0]!.args.url).toBe("https://barrack.ai/credits");
  });
});
