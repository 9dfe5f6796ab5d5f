import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import {
  SIGNED_IN,
  appError,
  emitEvent,
  emitResourcesChanged,
  fails,
  mockBackend,
  renderApp,
} from "../../test/backend";
import { accountOverviewOf, rowOf, vmOf } from "../../test/vms";
import { submitSignIn } from "../../test/typing";

const TRAIN = rowOf(vmOf("train-h100"));

describe("a refused key", () => {
  it("the KeyRefused event shows a banner that stays, and keeps the data on screen", async () => {
    mockBackend({ account_overview: accountOverviewOf([TRAIN]) });
    renderApp("/dashboard");
    expect(await screen.findByTestId("vm-operations-panel")).toHaveTextContent("train-h100");
    expect(screen.queryByTestId("key-refused-banner")).not.toBeInTheDocument();

    await emitEvent("key-refused", { profile: "work", message: "401 Unauthorized: key revoked" });
    const banner = await screen.findByTestId("key-refused-banner");
    expect(banner).toHaveTextContent("The key for work was refused — sign in again");
    // The last data stays.
    expect(screen.getByTestId("vm-operations-panel")).toHaveTextContent("train-h100");
  });

  it("any command answering Unauthorized while signed in shows it too", async () => {
    mockBackend({ account_overview: fails("Unauthorized", "Invalid API key") });
    renderApp("/dashboard");
    expect(await screen.findByTestId("key-refused-banner")).toHaveTextContent("The key for work was refused");
  });

  it("a refresh refused after data was loaded keeps the data, marked as of its time", async () => {
    let revoked = false;
    mockBackend({
      account_overview: () => {
        if (revoked) throw appError("Unauthorized", "API key revoked");
        return accountOverviewOf([TRAIN]);
      },
    });
    renderApp("/dashboard");
    await screen.findByTestId("vm-operations-panel");
    revoked = true;
    await emitResourcesChanged({ kinds: ["instances"] });
    expect(await screen.findByTestId("key-refused-banner")).toHaveTextContent(
      "The key for work was refused — sign in again",
    );
    expect(await screen.findByTestId("stale-banner")).toHaveTextContent(/as of \d\d:\d\d: Barrack refused the key/);
    expect(screen.getByTestId("vm-operations-panel")).toHaveTextContent("train-h100");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });

  it("a session the backend reports as refused shows it from the start", async () => {
    mockBackend({ get_session: { ...SIGNED_IN, keyRefused: true } });
    renderApp("/dashboard");
    expect(await screen.findByTestId("key-refused-banner")).toHaveTextContent("The key for work was refused");
  });

  it("Sign in opens the sign-in form for that profile, prefilled but for the key; signing in clears the banner", async () => {
    const backend = mockBackend({
      account_overview: accountOverviewOf([TRAIN]),
      sign_in: { ...SIGNED_IN, keyHint: "…new1" },
    });
    renderApp("/dashboard");
    const user = userEvent.setup();
    await screen.findByTestId("vm-operations-panel");
    await emitEvent("key-refused", { profile: "work", message: "revoked" });
    await user.click(await screen.findByTestId("key-refused-sign-in"));

    expect(await screen.findByTestId("profile-name")).toHaveValue("work");
    expect(screen.getByTestId("api-key")).toHaveValue("");
    await user.click(screen.getByTestId("advanced-toggle"));
    expect(screen.getByTestId("base-url")).toHaveValue("https://barrack.ai/api/");
    expect(screen.getByTestId("auth-scheme")).toHaveValue("bearer");

    await user.type(screen.getByTestId("api-key"), "sk-new-key-0001");
    expect(await submitSignIn(user, backend)).toMatchObject({
      profile: "work",
      baseUrl: "https://barrack.ai/api/",
      authScheme: "bearer",
    });
    expect(screen.queryByTestId("key-refused-banner")).not.toBeInTheDocument();
  });

  it("a refused key for another profile while switching is not this one's banner", async () => {
    mockBackend({ use_profile: fails("Unauthorized", "Invalid API key") });
    renderApp("/settings");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("profile-use-lab"));
    await waitFor(() => expect(screen.getByTestId("profile-use-lab")).not.toHaveAttribute("aria-busy"));
    expect(screen.queryByTestId("key-refused-banner")).not.toBeInTheDocument();
  });
});
