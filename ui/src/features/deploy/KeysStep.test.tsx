import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { fails, mockBackend, renderWithProviders } from "../../test/backend";
import type { SshKeyCheck_Serialize, SshKeyForm } from "../../bindings";
import { canonical, casesOf } from "../../test/formCases";
import { KeysStep } from "./KeysStep";
import { SshKeyCreate, SshKeyImport } from "./SshKeyInline";
import type { SshKey } from "../sshKeys/queries";
import type { Draft, StepErrors } from "./wizard";
import { GOOD_KEY, keyOf } from "../../test/sshKeys";
import { hintsFor } from "../sshKeys/fixtures";
import { replaceText } from "../../test/typing";

const list = (keys: SshKey[]) => ({ success: true, message: null, ssh_keys: keys, request_id: "r" });

/** The step with a draft of its own; `seen` records every selection it was given. */
function renderStep(sshKeyIds: string[] = [], errors: StepErrors = {}) {
  const seen: string[][] = [];
  function Harness() {
    const [draft, setDraft] = useState({ sshKeyIds } as Draft);
    return (
      <KeysStep
        draft={draft}
        errors={errors}
        update={(patch) => {
          if (patch.sshKeyIds) seen.push(patch.sshKeyIds);
          setDraft((d) => ({ ...d, ...patch }));
        }}
      />
    );
  }
  renderWithProviders(<Harness />);
  return { seen, last: () => seen.at(-1) };
}

describe("SSH keys step", () => {
  it("loads the keys and pre-selects the only one (DEP-40, DEP-41)", async () => {
    mockBackend({ list_ssh_keys: list([keyOf("k1", "laptop")]) });
    const { last } = renderStep();
    await waitFor(() => expect(screen.getByTestId("ssh-key-k1")).toBeChecked());
    expect(last()).toEqual(["k1"]);
  });

  it("lets several keys be chosen, and pre-selects none of several (DEP-42)", async () => {
    mockBackend({ list_ssh_keys: list([keyOf("a"), keyOf("b"), keyOf("c")]) });
    const { last } = renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-a"));
    await user.click(screen.getByTestId("ssh-key-c"));
    expect(last()).toEqual(["a", "c"]);
    expect(screen.getByTestId("ssh-key-b")).not.toBeChecked();
    await user.click(screen.getByTestId("ssh-key-a"));
    expect(last()).toEqual(["c"]);
  });

  it("drops a chosen key that no longer exists", async () => {
    mockBackend({ list_ssh_keys: list([keyOf("a"), keyOf("b")]) });
    const { last } = renderStep(["a", "deleted"]);
    await waitFor(() => expect(last()).toEqual(["a"]));
  });

  it("shows the step's error at the key list, and the first key carries the field's id", async () => {
    mockBackend({ list_ssh_keys: list([keyOf("a"), keyOf("b")]) });
    renderStep([], { sshKeyIds: "Choose at least one SSH key: a VM cannot be deployed without one." });
    expect(await screen.findByTestId("deploy-sshKeyIds-error")).toHaveTextContent("Choose at least one SSH key");
    expect(await screen.findByTestId("ssh-key-a")).toHaveAttribute("id", "deploy-sshKeyIds");
  });

  it("imports a key: a bad line is refused at the field, a good one is sent and selected (DEP-43)", async () => {
    const backend = mockBackend({
      list_ssh_keys: list([keyOf("d", "desktop")]),
      create_ssh_key: (args: Record<string, unknown>) => {
        const body = args.body as { name: string; public_key: string };
        return {
          success: true,
          message: null,
          ssh_key: { ...keyOf("new", body.name), public_key: body.public_key },
          private_key: null,
          request_id: "r",
        };
      },
    });
    const { last } = renderStep(["d"]);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-import"));
    await replaceText(user, "ssh-import-name", "laptop");
    expect(screen.getByTestId("ssh-import-name-counter")).toHaveTextContent("6/50");
    await replaceText(user, "ssh-import-key", "ssh-foo AAAAC3NzaC1lZDI1NTE5");
    await user.click(screen.getByTestId("ssh-import-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("deploy-ssh-import-key-error")).toHaveTextContent("Must start with the key type"),
    );
    expect(screen.getByTestId("ssh-import-key")).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(screen.getByTestId("ssh-import-key")).toHaveFocus());
    expect(backend.called("create_ssh_key")).toEqual([]);

    await replaceText(user, "ssh-import-key", GOOD_KEY);
    await waitFor(() => expect(screen.queryByTestId("deploy-ssh-import-key-error")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("ssh-import-submit"));
    await waitFor(() => expect(backend.called("create_ssh_key")).toHaveLength(1));
    // The request Rust built from the fields.
    expect(backend.called("create_ssh_key")[0]!.args).toEqual({ body: { name: "laptop", public_key: GOOD_KEY } });
    await waitFor(() => expect(screen.getByTestId("ssh-key-new")).toBeChecked());
    expect(last()).toEqual(["d", "new"]);
    expect(screen.getByTestId("ssh-key-d")).toBeChecked();
    expect(screen.queryByTestId("ssh-import-submit")).not.toBeInTheDocument();
  });

  it("refuses an import name already taken (whatever the case) at the name field", async () => {
    const backend = mockBackend({ list_ssh_keys: list([keyOf("a", "laptop")]) });
    renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-import"));
    await replaceText(user, "ssh-import-name", "Laptop");
    await replaceText(user, "ssh-import-key", GOOD_KEY);
    await waitFor(() =>
      expect(screen.getByTestId("deploy-ssh-import-name-error")).toHaveTextContent(
        'A key named "laptop" already exists',
      ),
    );
    await user.click(screen.getByTestId("ssh-import-submit"));
    await waitFor(() => expect(screen.getByTestId("ssh-import-name")).toHaveFocus());
    expect(backend.called("create_ssh_key")).toEqual([]);
  });

  it("shows the server's refusal of a field at that field", async () => {
    mockBackend({
      list_ssh_keys: list([keyOf("d", "desktop")]),
      create_ssh_key: fails("Validation", "name: is already taken", { field: "name" }),
    });
    renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-import"));
    await replaceText(user, "ssh-import-name", "laptop");
    await replaceText(user, "ssh-import-key", GOOD_KEY);
    await user.click(screen.getByTestId("ssh-import-submit"));
    expect(await screen.findByTestId("deploy-ssh-import-name-error")).toHaveTextContent("is already taken");
  });

  it("creates a key: says where the private key goes first, then where it went, and selects it", async () => {
    const backend = mockBackend({
      list_ssh_keys: list([]),
      generate_ssh_key: (args: Record<string, unknown>) => ({
        sshKey: keyOf("gen", args.name as string),
        savedTo: "/home/me/.ssh/gpu-box",
        permissionHints: hintsFor("/home/me/.ssh/gpu-box"),
      }),
    });
    const { last } = renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-create"));
    expect(
      screen.getByText(
        /You'll choose where to save the private key; it is shown only once and the app does not keep it\./,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByTestId("ssh-create-submit"));
    expect(await screen.findByTestId("deploy-ssh-create-name-error")).toHaveTextContent("A name is required.");
    expect(backend.called("generate_ssh_key")).toEqual([]);

    expect(screen.getByTestId("ssh-create-name-counter")).toHaveTextContent("0/50");
    await replaceText(user, "ssh-create-name", "generated");
    expect(screen.getByTestId("ssh-create-name-counter")).toHaveTextContent("9/50");
    await user.click(screen.getByTestId("ssh-create-submit"));
    expect(await screen.findByTestId("ssh-create-saved")).toHaveTextContent(
      "Private key saved to /home/me/.ssh/gpu-box",
    );
    expect(backend.called("generate_ssh_key")[0]!.args).toEqual({ name: "generated" });
    expect(screen.getByTestId("ssh-key-gen")).toBeChecked();
    expect(last()).toEqual(["gen"]);
  });

  it("says nothing alarming when the save dialog is cancelled", async () => {
    mockBackend({
      list_ssh_keys: list([]),
      generate_ssh_key: fails("Cancelled", "The save dialog was cancelled."),
    });
    renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-create"));
    await replaceText(user, "ssh-create-name", "generated");
    await user.click(screen.getByTestId("ssh-create-submit"));
    expect(await screen.findByTestId("ssh-create-cancelled")).toHaveTextContent("no key was created");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("the key forms show exactly Rust's answer (check_ssh_key)", () => {
  for (const c of casesOf("check_ssh_key")) {
    const form = c.input.form as SshKeyForm;
    const answer = c.output as SshKeyCheck_Serialize;
    const at = (field: string) => answer.errors.find((e) => e.field === field)?.message;
    const keys = (form.taken ?? []).map((name) => keyOf(`id-${name}`, name));
    const imported = form.publicKey != null;
    it(`${imported ? "import" : "create"} ${JSON.stringify(form.name)} ${JSON.stringify(form.publicKey)}`, async () => {
      const backend = mockBackend({
        generate_ssh_key: () => new Promise(() => {}),
        create_ssh_key: () => new Promise(() => {}),
      });
      const user = userEvent.setup();
      const prefix = imported ? "ssh-import" : "ssh-create";
      renderWithProviders(
        imported ? (
          <SshKeyImport keys={keys} onCreated={() => {}} onClose={() => {}} />
        ) : (
          <SshKeyCreate keys={keys} onCreated={() => {}} onClose={() => {}} />
        ),
      );
      if (form.name !== "") await replaceText(user, `${prefix}-name`, form.name);
      if (imported && form.publicKey !== "") await replaceText(user, "ssh-import-key", form.publicKey!);
      // A submit shows every field's error (and sends only what Rust accepted).
      await user.click(screen.getByTestId(`${prefix}-submit`));
      await waitFor(() =>
        expect(backend.called("check_ssh_key").map((x) => canonical(x.args))).toContain(canonical(c.input)),
      );
      const fields: [string, string][] = [[`${prefix}-name`, "name"]];
      if (imported) fields.push(["ssh-import-key", "publicKey"]);
      for (const [testId, field] of fields) {
        const message = at(field);
        const shown = `deploy-${testId}-error`;
        if (message) await waitFor(() => expect(screen.getByTestId(shown)).toHaveTextContent(message));
        else expect(screen.queryByTestId(shown)).not.toBeInTheDocument();
      }
      const sent = () => backend.called(imported ? "create_ssh_key" : "generate_ssh_key");
      await waitFor(() => expect(sent()).toHaveLength(answer.value ? 1 : 0));
    });
  }
});
