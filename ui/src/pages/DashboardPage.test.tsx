import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { balanceOf, mockBackend, renderApp } from "../test/backend";

describe("dashboard", () => {
  it("opens first, with the balance, the Barrack ID and the quick links", async () => {
    mockBackend({ get_balance: { ...balanceOf(241.2), profile_complete: false } });
    renderApp("/");
    expect(await screen.findByTestId("page-dashboard")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("dashboard-balance")).toHaveTextContent("241.20 USD"));
    expect(screen.getByTestId("dashboard-account-id")).toHaveTextContent("BRK-100234");
    expect(screen.getByText("Your Barrack profile is incomplete")).toBeInTheDocument();
    for (const slug of ["deploy", "ssh-keys", "volumes", "snapshots"]) {
      expect(screen.getByTestId(`quick-${slug}`)).toBeInTheDocument();
    }
    await userEvent.click(screen.getByTestId("quick-ssh-keys"));
    expect(await screen.findByTestId("page-ssh-keys")).toBeInTheDocument();
  });
});
