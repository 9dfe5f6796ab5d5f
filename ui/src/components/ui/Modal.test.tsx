import { useState } from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ConfirmDialog } from "./ConfirmDialog";
import { Modal, ModalActions } from "./Modal";

/** A page with buttons around an opener; the dialog opens from state (no Radix trigger). */
function Page({ which }: { which: "modal" | "confirm" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button>Before</button>
      <button data-testid="opener" onClick={() => setOpen(true)}>
        Open
      </button>
      <button>After</button>
      {which === "modal" ? (
        <Modal open={open} onOpenChange={setOpen} title="Create volume" testId="dialog">
          <input aria-label="Name" data-testid="first" />
          <ModalActions testId="dialog-submit" label="Create" pendingLabel="Creating…" pending={false} />
        </Modal>
      ) : (
        <ConfirmDialog open={open} onOpenChange={setOpen} title="Stop train?" confirmLabel="Stop" onConfirm={() => {}}>
          It stops.
        </ConfirmDialog>
      )}
    </>
  );
}

/** A dialog mounted only while open, whose field takes focus itself (as the create dialogs do). */
function MountedWhileOpen() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button data-testid="opener" onClick={() => setOpen(true)}>
        Create
      </button>
      {open && (
        <Modal open onOpenChange={setOpen} title="Create firewall" testId="dialog">
          <input aria-label="Name" data-testid="first" autoFocus />
          <ModalActions testId="dialog-submit" label="Create" pendingLabel="Creating…" pending={false} />
        </Modal>
      )}
    </>
  );
}

async function openWith(which: "modal" | "confirm") {
  const user = userEvent.setup();
  render(<Page which={which} />);
  // Opened from the keyboard: focus is on the opener when it opens.
  screen.getByTestId("opener").focus();
  await user.keyboard("{Enter}");
  const dialog = await screen.findByRole("dialog");
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  return { user, dialog };
}

describe("every dialog keeps the keyboard inside and gives focus back", () => {
  it("Tab from the last element goes to the first, Shift+Tab from the first to the last", async () => {
    const { user, dialog } = await openWith("modal");
    const first = screen.getByTestId("first");
    const last = screen.getByTestId("dialog-submit");
    expect(document.activeElement).toBe(first);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId("dialog-submit-cancel"));
    await user.tab();
    expect(document.activeElement).toBe(last);
    await user.tab();
    expect(document.activeElement).toBe(first);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(last);
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it("Escape closes it and focus returns to the element that opened it", async () => {
    const { user } = await openWith("modal");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("opener")));
  });

  it("Cancel returns focus to the opener too", async () => {
    const { user } = await openWith("modal");
    await user.click(screen.getByTestId("dialog-submit-cancel"));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("opener")));
  });

  it("the confirmation dialog is the same frame: trapped, Escape closes, focus returns", async () => {
    const { user, dialog } = await openWith("confirm");
    const cancel = screen.getByRole("button", { name: "Cancel" });
    const confirm = screen.getByTestId("confirm-action");
    cancel.focus();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);
    await user.tab();
    expect(document.activeElement).toBe(cancel);
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("opener")));
  });

  it("gives focus back also when the dialog is unmounted on close and a field took focus as it opened", async () => {
    const user = userEvent.setup();
    render(<MountedWhileOpen />);
    screen.getByTestId("opener").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("first")));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("opener")));
  });
});
