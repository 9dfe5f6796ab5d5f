import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { SIGNED_OUT, emitEvent, mockBackend, renderApp } from "../../test/backend";

const DAMAGED = {
  kind: "SettingsDamaged",
  message:
    "settings.json could not be read; it was kept as settings.json.damaged-20261203T140200Z and defaults are used.",
};
const LATE = { kind: "TimersFiredLate", message: "The hibernate timer of train-h100 fired late, at start." };

describe("app notices", () => {
  it("takes the notices at start and shows each until dismissed, signed out too", async () => {
    const queue = [[DAMAGED], []];
    const backend = mockBackend({ get_session: SIGNED_OUT, take_app_notices: () => queue.shift() ?? [] });
    renderApp();
    const notice = await screen.findByTestId("app-notice");
    expect(notice).toHaveTextContent("Your settings file could not be read");
    expect(notice).toHaveTextContent("settings.json.damaged-20261203T140200Z");
    expect(backend.called("take_app_notices").length).toBeGreaterThanOrEqual(1);

    await userEvent.click(screen.getByTestId("app-notice-dismiss"));
    expect(screen.queryByTestId("app-notice")).not.toBeInTheDocument();
  });

  it("takes them again when NoticesChanged arrives", async () => {
    let queue: unknown[] = [];
    const backend = mockBackend({
      take_app_notices: () => {
        const out = queue;
        queue = [];
        return out;
      },
    });
    renderApp();
    await screen.findByTestId("app-shell");
    await waitFor(() => expect(backend.called("take_app_notices").length).toBeGreaterThanOrEqual(1));
    expect(screen.queryByTestId("app-notice")).not.toBeInTheDocument();

    queue = [LATE];
    await emitEvent("notices-changed", {});
    expect(await screen.findByTestId("app-notice")).toHaveTextContent("Hibernate timers fired late");
    expect(screen.getByTestId("app-notice")).toHaveTextContent("train-h100");
  });

  it("a notice said twice is shown once", async () => {
    mockBackend({ take_app_notices: () => [DAMAGED] });
    renderApp();
    await screen.findByTestId("app-notice");
    await emitEvent("notices-changed", {});
    await waitFor(() => expect(screen.getAllByTestId("app-notice")).toHaveLength(1));
  });
});
