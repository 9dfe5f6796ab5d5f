// The name fields of the snapshot, restore and image dialogs show exactly what Rust's name
// rule answers (check_resource_name): every case of the table for their nouns, entered in
// the dialog that names that noun, shows the case's error at the name field, or none.

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { NameCheck_Serialize, NameForm } from "../../bindings";
import { mockBackend, renderWithProviders } from "../../test/backend";
import { canonical, casesOf } from "../../test/formCases";
import { CreateImageDialog } from "../images/CreateImageDialog";
import { snapshotOf, vmOf } from "../storage/fixtures";
import { CreateSnapshotDialog } from "./CreateSnapshotDialog";
import { RestoreDialog } from "./RestoreDialog";

type User = ReturnType<typeof userEvent.setup>;

/** The dialog of each noun: what renders it, its name field, and how an empty name is tried. */
const DIALOGS = {
  snapshot: {
    field: "snapshot-name",
    render: (taken: string[]) => (
      <CreateSnapshotDialog open onOpenChange={() => {}} vms={[vmOf("train-h100", "ACTIVE")]} takenNames={taken} />
    ),
    // An empty name is said once a submit was tried.
    tryEmpty: (user: User) => user.click(screen.getByTestId("snapshot-submit")),
  },
  image: {
    field: "image-name",
    render: (taken: string[]) => (
      <CreateImageDialog
        open
        onOpenChange={() => {}}
        snapshots={[snapshotOf("base", { status: "SUCCESS" })]}
        takenNames={taken}
      />
    ),
    tryEmpty: (user: User) => user.click(screen.getByTestId("image-submit")),
  },
  vm: {
    field: "restore-name",
    // " nightly " is a snapshot name of the table: its suggestion is "nightly-restored".
    render: (taken: string[]) => (
      <RestoreDialog snapshot={snapshotOf(" nightly ")} vmNames={taken} onOpenChange={() => {}} />
    ),
    tryEmpty: async () => {},
  },
} as const;

describe("name fields show exactly Rust's answer (check_resource_name)", () => {
  const cases = casesOf("check_resource_name").filter((c) => (c.input.form as NameForm).noun in DIALOGS);

  it("covers each noun these dialogs name", () => {
    expect(new Set(cases.map((c) => (c.input.form as NameForm).noun))).toEqual(new Set(["vm", "snapshot", "image"]));
  });

  for (const c of cases) {
    const form = c.input.form as NameForm;
    const expected = (c.output as NameCheck_Serialize).errors.find((e) => e.field === "name")?.message;
    it(`${form.noun} ${JSON.stringify(form.name)} among ${JSON.stringify(form.taken)}`, async () => {
      const backend = mockBackend({});
      const dialog = DIALOGS[form.noun as keyof typeof DIALOGS];
      renderWithProviders(dialog.render([...(form.taken ?? [])]));
      const user = userEvent.setup();
      if (form.noun === "vm") {
        await waitFor(() => expect(screen.getByTestId(dialog.field)).toHaveValue("nightly-restored"));
      }
      await user.clear(screen.getByTestId(dialog.field));
      if (form.name === "") await dialog.tryEmpty(user);
      else await user.paste(form.name);
      if (expected) {
        await waitFor(() => expect(screen.getByTestId(`${dialog.field}-error`)).toHaveTextContent(expected));
      } else {
        // Asked about exactly this input, and nothing shown for it.
        await waitFor(() =>
          expect(backend.called("check_resource_name").map((x) => canonical(x.args))).toContain(canonical(c.input)),
        );
        await waitFor(() => expect(screen.getByTestId(dialog.field)).toHaveValue(form.name));
        expect(screen.queryByTestId(`${dialog.field}-error`)).not.toBeInTheDocument();
      }
    });
  }
});
