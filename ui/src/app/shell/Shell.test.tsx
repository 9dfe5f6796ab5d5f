import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../../lib/ipc";
import { PAGES } from "../pages";
import {
  SANDBOX,
  SIGNED_OUT,
  balanceOf,
  emitConnectionChanged,
  emitResourcesChanged,
  fails,
  mockBackend,
  renderApp,
} from "../../test/backend";

const SLUGS = [
  "dashboard",
  "deploy",
  "instances",
  "images",
  "snapshots",
  "volumes",
  "firewalls",
  "ssh-keys",
  "scripts",
  "billing",
  "ai-chat",
  "settings",
];

describe("header", () => {
  it("shows the SANDBOX badge only in the sandbox", async () => {
    mockBackend({ get_session: SANDBOX });
    const first = renderApp();
    expect(await screen.findByTestId("sandbox-badge")).toHaveTextContent(/^SANDBOX$/);
    first.unmount();

    mockBackend();
    renderApp();
    await screen.findByTestId("app-shell");
    expect(screen.queryByTestId("sandbox-badge")).not.toBeInTheDocument();
  });

  it("shows the balance with its currency and follows the poller's balance events", async () => {
    const backend = mockBackend();
    renderApp();
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("241.20 USD"));
    await emitResourcesChanged({ kinds: ["balance"], balance: 239.87, currency: "USD" });
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("239.87 USD"));
    // Patched from the event: no second request.
    expect(backend.called("get_balance")).toHaveLength(1);
  });

  it("refetches the balance when an event says it changed without the amount", async () => {
    let amount = 100;
    const backend = mockBackend({ get_balance: () => balanceOf(amount, "EUR") });
    renderApp();
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("100.00 EUR"));
    amount = 75.5;
    await emitResourcesChanged({ kinds: ["balance"] });
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("75.50 EUR"));
    expect(backend.called("get_balance")).toHaveLength(2);
  });

  it("switches account, adds one, and signs out from the account menu", async () => {
    const backend = mockBackend({
      use_profile: (a: Record<string, unknown>) => ({
        signedIn: true,
        profile: a.name,
        sandbox: false,
        keyHint: "…wxyz",
        baseUrl: "x",
      }),
      sign_out: SIGNED_OUT,
    });
    renderApp();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("account-menu"));
    await user.click(await screen.findByTestId("account-lab"));
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("lab"));
    expect(backend.called("use_profile")[0]!.args).toEqual({ name: "lab" });

    await user.click(screen.getByTestId("account-menu"));
    await user.click(await screen.findByTestId("add-account"));
    expect(await screen.findByTestId("signin")).toBeInTheDocument();
    // Adding never offers a name that would replace a saved profile's key.
    expect(screen.getByTestId("profile-name")).toHaveValue("default");
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    await user.click(await screen.findByTestId("account-menu"));
    await user.click(await screen.findByTestId("sign-out"));
    expect(await screen.findByTestId("signin")).toBeInTheDocument();
    expect(backend.called("sign_out")).toHaveLength(1);
  });
});

describe("sidebar", () => {
  it("lists all 12 pages and each opens its page", async () => {
    mockBackend();
    renderApp();
    const nav = await screen.findByRole("navigation", { name: "Pages" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((l) => l.dataset.testid)).toEqual(SLUGS.map((s) => `nav-${s}`));
    expect(PAGES).toHaveLength(12);
    const user = userEvent.setup();
    for (const page of PAGES) {
      await user.click(screen.getByTestId(`nav-${page.slug}`));
      const root = await screen.findByTestId(`page-${page.slug}`);
      expect(root).toHaveTextContent(page.label);
      expect(screen.getByTestId(`nav-${page.slug}`)).toHaveAttribute("aria-current", "page");
    }
  });

  it("has every page built: none says it comes later", async () => {
    mockBackend();
    renderApp();
    await screen.findByTestId("page-dashboard");
    const user = userEvent.setup();
    for (const slug of SLUGS) {
      await user.click(screen.getByTestId(`nav-${slug}`));
      const page = await screen.findByTestId(`page-${slug}`);
      expect(page).not.toHaveTextContent(/later release/i);
    }
  });
});

describe("command palette", () => {
  it("opens with Ctrl+K and goes to a page", async () => {
    mockBackend();
    renderApp();
    await screen.findByTestId("page-dashboard");
    const user = userEvent.setup();
    expect(screen.queryByTestId("command-palette")).not.toBeInTheDocument();
    await user.keyboard("{Control>}k{/Control}");
    const palette = await screen.findByTestId("command-palette");
    expect(within(palette).getAllByRole("option")).toHaveLength(
      PAGES.length + PAGES.filter((p) => p.create).length + 3,
    );
    await user.type(screen.getByTestId("command-input"), "snapsh");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("page-snapshots")).toBeInTheDocument();
    expect(screen.queryByTestId("command-palette")).not.toBeInTheDocument();
  });

  it("opens with Cmd+K and every page is reachable", async () => {
    mockBackend();
    renderApp();
    await screen.findByTestId("page-dashboard");
    const user = userEvent.setup();
    for (const slug of SLUGS) {
      await user.keyboard("{Meta>}k{/Meta}");
      await user.click(await screen.findByTestId(`command-${slug}`));
      expect(await screen.findByTestId(`page-${slug}`)).toBeInTheDocument();
    }
  });

  it("offers a Create action for each page that has one, landing on that page asked to create", async () => {
    mockBackend();
    renderApp();
    await screen.findByTestId("page-dashboard");
    const user = userEvent.setup();
    const creating = PAGES.filter((p) => p.create);
    expect(creating.map((p) => p.slug)).toEqual([
      "images",
      "snapshots",
      "volumes",
      "firewalls",
      "ssh-keys",
      "scripts",
      "ai-chat",
    ]);
    for (const page of creating) {
      await user.keyboard("{Control>}k{/Control}");
      await user.type(screen.getByTestId("command-input"), page.create!);
      await user.click(await screen.findByTestId(`command-create-${page.slug}`));
      expect(await screen.findByTestId(`page-${page.slug}`)).toBeInTheDocument();
    }
  });

  it("toggles the theme and signs out", async () => {
    const backend = mockBackend({ sign_out: SIGNED_OUT });
    renderApp();
    await screen.findByTestId("page-dashboard");
    const user = userEvent.setup();
    await user.keyboard("{Control>}k{/Control}");
    await user.click(await screen.findByTestId("command-toggle-theme"));
    expect(document.documentElement).toHaveClass("dark");
    await waitFor(() => expect(backend.called("set_settings")).toHaveLength(1));
    expect(backend.called("set_settings")[0]!.args.settings).toMatchObject({ theme: "dark" });

    await user.keyboard("{Control>}k{/Control}");
    await user.click(await screen.findByTestId("command-sign-out"));
    expect(await screen.findByTestId("signin")).toBeInTheDocument();
  });
});

describe("offline and errors", () => {
  it("shows the offline banner from the poller and hides it when back", async () => {
    mockBackend();
    renderApp();
    await screen.findByTestId("app-shell");
    expect(screen.queryByTestId("offline-banner")).not.toBeInTheDocument();
    await emitConnectionChanged({ online: false, message: "connection refused" });
    expect(await screen.findByTestId("offline-banner")).toHaveTextContent("connection refused");
    await emitConnectionChanged({ online: true, message: null });
    await waitFor(() => expect(screen.queryByTestId("offline-banner")).not.toBeInTheDocument());
  });

  it("keeps the last balance and shows the banner when a refresh fails with Network", async () => {
    let fail = false;
    mockBackend({
      get_balance: () => {
        if (fail) throw { code: "Network", message: "dns error" };
        return balanceOf(241.2);
      },
    });
    renderApp();
    await waitFor(() => expect(screen.getByTestId("header-balance")).toHaveTextContent("241.20 USD"));
    fail = true;
    await emitResourcesChanged({ kinds: ["balance"] });
    expect(await screen.findByTestId("offline-banner")).toHaveTextContent("dns error");
    expect(screen.getByTestId("header-balance")).toHaveTextContent("241.20 USD");
  });

  it("toasts other failures with what to do, the server's words and the request id", async () => {
    mockBackend({ get_balance: fails("Server", "upstream exploded", { requestId: "req-77" }) });
    renderApp();
    expect(await screen.findByText(ERROR_MESSAGES.Server)).toBeInTheDocument();
    expect(screen.getByText(/upstream exploded · Request ID req-77/)).toBeInTheDocument();
    expect(screen.getByTestId("header-balance")).toHaveTextContent("Balance unavailable");
  });
});
