import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ERROR_MESSAGES } from "../../lib/ipc";
import {
  SANDBOX,
  SIGNED_IN,
  SIGNED_OUT,
  deferred,
  fails,
  mockBackend,
  renderApp,
  renderWithProviders,
  settingsWith,
} from "../../test/backend";
import { SignInScreen } from "./SignInScreen";
import { retype, submitSignIn } from "../../test/typing";

const signedOut = { get_session: SIGNED_OUT, get_settings: settingsWith({ profiles: [], activeProfile: null }) };

describe("sign-in screen", () => {
  it("says why the saved session did not come back at start", async () => {
    mockBackend({
      ...signedOut,
      get_session: { ...SIGNED_OUT, startupError: { code: "KeychainUnavailable", message: "no Secret Service" } },
    });
    renderApp();
    const screenRoot = await screen.findByTestId("signin");
    expect(screenRoot).toHaveTextContent("Your saved session could not be restored.");
    expect(screenRoot).toHaveTextContent(ERROR_MESSAGES.KeychainUnavailable);
  });

  it("shows when nobody is signed in, with the documented defaults", async () => {
    mockBackend(signedOut);
    renderApp();
    expect(await screen.findByTestId("signin")).toBeInTheDocument();
    expect(screen.getByTestId("api-key")).toHaveAttribute("type", "password");
    expect(screen.getByTestId("profile-name")).toHaveValue("default");
    expect(screen.queryByTestId("base-url")).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId("advanced-toggle"));
    expect(screen.getByTestId("base-url")).toHaveValue("https://barrack.ai/api/");
    expect(screen.getByTestId("auth-scheme")).toHaveValue("bearer");
    expect(screen.getByTestId("explore-sandbox")).toBeEnabled();
  });

  it("does not offer the sandbox when the app was built without it", async () => {
    mockBackend({ ...signedOut, get_session: { ...SIGNED_OUT, sandboxBuiltIn: false } });
    renderApp();
    expect(await screen.findByTestId("signin")).toBeInTheDocument();
    expect(screen.getByTestId("api-key")).toBeInTheDocument();
    expect(screen.queryByTestId("explore-sandbox")).not.toBeInTheDocument();
  });

  it("sends the request, clears the key from the form after success, and reports the session", async () => {
    const backend = mockBackend({ ...signedOut, sign_in: SIGNED_IN });
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInScreen onSignedIn={onSignedIn} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("api-key"), "sk-live-123456789");
    await user.click(screen.getByTestId("sign-in-submit"));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(SIGNED_IN));
    expect(backend.called("sign_in")[0]!.args).toEqual({
      request: {
        apiKey: "sk-live-123456789",
        profile: "default",
        baseUrl: "https://barrack.ai/api/",
        authScheme: "bearer",
      },
    });
    expect(screen.getByTestId("api-key")).toHaveValue("");
  });

  it("disables the button and shows progress while the key is checked", async () => {
    const answer = deferred<typeof SIGNED_IN>();
    mockBackend({ ...signedOut, sign_in: () => answer.promise });
    renderApp();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("api-key"), "sk-live-123456789");
    await user.click(screen.getByTestId("sign-in-submit"));
    expect(screen.getByTestId("sign-in-submit")).toBeDisabled();
    expect(screen.getByTestId("sign-in-submit")).toHaveTextContent("Checking the key…");
    answer.resolve(SIGNED_IN);
    expect(await screen.findByTestId("app-shell")).toBeInTheDocument();
  });

  it("shows a refused key as a message, not at a field", async () => {
    mockBackend({ ...signedOut, sign_in: fails("Unauthorized", "Invalid API key", { requestId: "req-42" }) });
    renderApp();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("api-key"), "sk-wrong-000000000");
    await user.click(screen.getByTestId("sign-in-submit"));
    const message = await screen.findByTestId("signin-error");
    expect(message).toHaveTextContent(ERROR_MESSAGES.Unauthorized);
    expect(message).toHaveTextContent("Invalid API key");
    expect(message).toHaveTextContent("Request ID req-42");
    expect(screen.getByTestId("api-key")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("signin")).toBeInTheDocument();
    // No toast on top of the inline message.
    expect(screen.queryByText(ERROR_MESSAGES.Unauthorized, { selector: "[data-sonner-toast] *" })).toBeNull();
  });

  it.each([
    ["apiKey", "api-key", "Paste your API key"],
    ["profile", "profile-name", "profile: only letters, digits, _ - and ."],
    ["baseUrl", "base-url", "base URL must be https"],
    ["authScheme", "auth-scheme", "must be bearer, x-api-key or header:<Header-Name>"],
  ])("puts a %s validation error at its field", async (field, id, message) => {
    mockBackend({ ...signedOut, sign_in: fails("Validation", message, { field }) });
    renderApp();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("api-key"), "k");
    await user.click(screen.getByTestId("sign-in-submit"));
    // Advanced opens by itself when the error is in it.
    const error = await screen.findByTestId(`${id}-error`);
    expect(error).toHaveTextContent(message);
    expect(screen.getByTestId(id)).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("signin-error")).not.toBeInTheDocument();
  });

  it("sends a custom auth header as header:<Name>", async () => {
    const backend = mockBackend({ ...signedOut, sign_in: SIGNED_IN });
    renderApp();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("api-key"), "sk-live-123456789");
    await retype(user, "profile-name", "lab");
    await user.click(screen.getByTestId("advanced-toggle"));
    await retype(user, "base-url", "http://127.0.0.1:8080/api/");
    await user.selectOptions(screen.getByTestId("auth-scheme"), "header");
    await user.type(screen.getByTestId("auth-header-name"), "X-Barrack-Token");
    expect(await submitSignIn(user, backend)).toMatchObject({
      profile: "lab",
      baseUrl: "http://127.0.0.1:8080/api/",
      authScheme: "header:X-Barrack-Token",
    });
  });

  it("explores the sandbox with no account", async () => {
    const backend = mockBackend({ ...signedOut, start_sandbox: SANDBOX });
    renderApp();
    await userEvent.click(await screen.findByTestId("explore-sandbox"));
    expect(await screen.findByTestId("app-shell")).toBeInTheDocument();
    expect(backend.called("start_sandbox")).toHaveLength(1);
    expect(screen.getByTestId("sandbox-badge")).toHaveTextContent("SANDBOX");
  });

  it("says why the sandbox did not start", async () => {
    mockBackend({ ...signedOut, start_sandbox: fails("Sandbox", "The sandbox could not start: port in use") });
    renderApp();
    await userEvent.click(await screen.findByTestId("explore-sandbox"));
    const signin = screen.getByTestId("signin");
    expect(await within(signin).findByText(ERROR_MESSAGES.Sandbox)).toBeInTheDocument();
    expect(within(signin).getByText(/port in use/)).toBeInTheDocument();
  });
});
