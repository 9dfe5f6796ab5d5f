import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { UpdateCheck } from "../../bindings";
import { deferred, fails, mockBackend, renderApp } from "../../test/backend";

const OFFERED: UpdateCheck = {
  currentVersion: "0.1.0",
  offer: {
    version: "0.2.0",
    currentVersion: "0.1.0",
    notes: "Faster start.\nSigned updates.",
    date: "2026-12-01T10:00:00Z",
  },
};

async function openUpdates() {
  renderApp("/settings");
  return screen.findByTestId("updates-section");
}

describe("Settings › Software updates", () => {
  it("offers the newer version with its notes and installs it", async () => {
    const backend = mockBackend({ check_for_update: OFFERED, install_update: "0.2.0" });
    const section = await openUpdates();
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("update-check"));
    const offer = await within(section).findByTestId("update-offer");
    expect(within(offer).getByTestId("update-offer-version").textContent).toBe("0.2.0");
    expect(within(offer).getByTestId("update-current-version").textContent).toBe("0.1.0");
    expect(within(offer).getByTestId("update-offer-notes").textContent).toBe("Faster start.\nSigned updates.");
    expect(offer.textContent).toContain("published 2026-12-01");
    await user.click(within(section).getByTestId("update-install"));
    expect((await within(section).findByTestId("update-restarting")).textContent).toContain("0.2.0");
    // The version shown is the one asked for: the backend refuses another.
    expect(backend.called("install_update").map((c) => c.args)).toEqual([{ version: "0.2.0" }]);
  });

  it("release notes with markup are shown as the text they are, never as HTML", async () => {
    const notes = '<img src="x" data-testid="injected"><b>bold</b> **not markdown**';
    const offer = { version: "0.2.0", currentVersion: "0.1.0", notes, date: null };
    mockBackend({ check_for_update: { currentVersion: "0.1.0", offer } });
    const section = await openUpdates();
    await userEvent.setup().click(within(section).getByTestId("update-check"));
    const shown = await within(section).findByTestId("update-offer-notes");
    expect(shown.textContent).toBe(notes);
    expect(shown.querySelector("img, b, strong")).toBeNull();
    expect(screen.queryByTestId("injected")).not.toBeInTheDocument();
  });

  it("says so when this is the latest version, and offers no install", async () => {
    mockBackend({ check_for_update: { currentVersion: "0.1.0", offer: null } });
    const section = await openUpdates();
    await userEvent.setup().click(within(section).getByTestId("update-check"));
    expect((await within(section).findByTestId("update-latest")).textContent).toContain("0.1.0 is the latest");
    expect(within(section).queryByTestId("update-install")).toBeNull();
  });

  it("a refused signature says nothing was installed and the running version is unchanged", async () => {
    const message =
      "The update's signature does not match this app's public key (signed with another key, or the file was changed after signing). Nothing was installed: the running version is unchanged.";
    mockBackend({ check_for_update: OFFERED, install_update: fails("UpdateSignatureRefused", message) });
    const section = await openUpdates();
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("update-check"));
    await user.click(await within(section).findByTestId("update-install"));
    const refused = await within(section).findByTestId("update-refused");
    expect(refused.textContent).toContain("signature is not valid");
    expect(refused.textContent).toContain("the running version is unchanged");
    expect(within(section).queryByTestId("update-restarting")).toBeNull();
    // The offer stays: the user may try again once the release is fixed.
    expect(within(section).getByTestId("update-install")).toBeTruthy();
  });

  it("a failed download or check shows its own error, not a refusal", async () => {
    mockBackend({
      check_for_update: OFFERED,
      install_update: fails("UpdateDownloadFailed", "The update could not be downloaded (status 404)."),
    });
    const section = await openUpdates();
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("update-check"));
    await user.click(await within(section).findByTestId("update-install"));
    const error = await within(section).findByTestId("update-error");
    expect(error.textContent).toContain("could not be downloaded");
    expect(error.textContent).toContain("running version is unchanged");
    expect(within(section).queryByTestId("update-refused")).toBeNull();
  });

  it("an unreachable update server is an error of the check", async () => {
    mockBackend({ check_for_update: fails("UpdateCheckFailed", "The update server could not be asked (dns).") });
    const section = await openUpdates();
    await userEvent.setup().click(within(section).getByTestId("update-check"));
    expect((await within(section).findByTestId("update-error")).textContent).toContain("could not be reached");
    expect(within(section).queryByTestId("update-offer")).toBeNull();
  });

  it("says what happens while installing", async () => {
    const pending = deferred<string>();
    mockBackend({ check_for_update: OFFERED, install_update: () => pending.promise });
    const section = await openUpdates();
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("update-check"));
    await user.click(await within(section).findByTestId("update-install"));
    expect((await within(section).findByTestId("update-installing")).textContent).toContain("verifying the signature");
    expect(within(section).getByTestId("update-check")).toHaveProperty("disabled", true);
    pending.resolve("0.2.0");
    await within(section).findByTestId("update-restarting");
  });

  it("the automatic check is a saved preference", async () => {
    const backend = mockBackend();
    const section = await openUpdates();
    const toggle = within(section).getByTestId("auto-update-check");
    expect(toggle.getAttribute("aria-checked")).toBe("true");
    await userEvent.setup().click(toggle);
    await waitFor(() => expect(backend.called("set_settings")).toHaveLength(1));
    expect((backend.called("set_settings")[0]!.args.settings as { autoUpdateCheck: boolean }).autoUpdateCheck).toBe(
      false,
    );
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("false"));
    expect(backend.called("check_for_update")).toHaveLength(0);
  });

  it("the other preferences keep the automatic check as it is", async () => {
    const backend = mockBackend();
    const section = await openUpdates();
    const user = userEvent.setup();
    await user.click(within(section).getByTestId("auto-update-check"));
    await waitFor(() => expect(backend.called("set_settings")).toHaveLength(1));
    await user.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(backend.called("set_settings")).toHaveLength(2));
    expect((backend.called("set_settings")[1]!.args.settings as { autoUpdateCheck: boolean }).autoUpdateCheck).toBe(
      false,
    );
  });

  it("an automatic check's find is a notice at the top of the window, blocking nothing", async () => {
    mockBackend({
      take_app_notices: [
        {
          kind: "UpdateAvailable",
          message: "Version 0.2.0 (you have 0.1.0): Settings › Software updates shows what is new and installs it.",
        },
      ],
    });
    renderApp("/dashboard");
    const notice = await screen.findByTestId("app-notice");
    expect(notice.getAttribute("data-kind")).toBe("UpdateAvailable");
    expect(notice.textContent).toContain("A new version of Barrack Desktop is available");
    expect(notice.textContent).toContain("0.2.0");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
