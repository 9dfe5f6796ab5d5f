import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend, renderApp } from "../../test/backend";
import { accountOverviewOf, consequencesOf, rowOf, vmOf } from "../../test/vms";
import { overviewOf, rowOfSnapshot, snapshotOf } from "../storage/fixtures";
import type { SnapshotRow } from "../storage/queries";
import { replaceText } from "../../test/typing";

const train = vmOf("train-h100", "ACTIVE");

describe("the VM page's Snapshot dialog (the shared one)", () => {
  it("offers description and Create as Image, checks names across the account, then links to the new snapshot", async () => {
    let rows: SnapshotRow[] = [rowOfSnapshot(snapshotOf("weekly"))];
    const backend = mockBackend({
      account_overview: accountOverviewOf([rowOf(train)]),
      instance_actions: consequencesOf(),
      storage_overview: () => overviewOf({ snapshots: rows, eligible: [train], instances: [train] }),
      create_snapshot: (a: Record<string, unknown>) => {
        const body = a.body as { name: string; is_image: boolean };
        const snapshot = snapshotOf(body.name, { id: "snap-vm", status: "CREATING", is_image: body.is_image });
        rows = [...rows, rowOfSnapshot(snapshot)];
        return { success: true, message: null, request_id: null, snapshot };
      },
      get_snapshot_billing: fails(),
    });
    renderApp("/");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("action-snapshot"));
    expect(screen.getByTestId("snapshot-vm")).toBeDisabled();
    expect(screen.getByTestId("snapshot-vm")).toHaveTextContent("train-h100 - H100-SXM5-80GB (CANADA-1)");
    await replaceText(user, "snapshot-name", "Weekly");
    await waitFor(() => expect(screen.getByTestId("snapshot-name-error")).toHaveTextContent("already exists"));
    await replaceText(user, "snapshot-name", "golden");
    await waitFor(() => expect(screen.queryByTestId("snapshot-name-error")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("snapshot-advanced"));
    await user.type(screen.getByTestId("snapshot-description"), "known good");
    await user.click(screen.getByTestId("snapshot-as-image"));
    await user.click(screen.getByTestId("snapshot-create"));
    await waitFor(() => expect(screen.queryByTestId("snapshot-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_snapshot")[0]!.args.body).toEqual({
      instance_id: train.id,
      name: "golden",
      description: "known good",
      is_image: true,
    });

    // A plain click: sonner's pointer handling asks for pointer capture, which jsdom lacks.
    fireEvent.click(await screen.findByRole("button", { name: "View in Snapshots" }));
    expect(await screen.findByTestId("snapshots-page")).toBeInTheDocument();
    expect(await screen.findByTestId("snapshot-details")).toHaveTextContent("golden");
  });
});

function fails() {
  return () => {
    throw { code: "NotFound", message: "no billing" };
  };
}
