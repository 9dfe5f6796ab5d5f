import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { fails, mockBackend, renderWithProviders } from "../../test/backend";
import { KeysStep } from "./KeysStep";
import type { SshKey } from "../sshKeys/queries";
import type { Draft, StepErrors } from "./wizard";

const GOOD_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

const key = (id: string, name = id): SshKey => ({
  id,
  name,
  public_key: GOOD_KEY,
  fingerprint: `SHA256:${id}`,
  used_by: [],
  created_at: null,
});
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
    mockBackend({ list_ssh_keys: list([key("k1", "laptop")]) });
    const { last } = renderStep();
    await waitFor(() => expect(screen.getByTestId("ssh-key-k1")).toBeChecked());
    expect(last()).toEqual(["k1"]);
  });

  it("lets several keys be chosen, and pre-selects none of several (DEP-42)", async () => {
    mockBackend({ list_ssh_keys: list([key("a"), key("b"), key("c")]) });
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
    mockBackend({ list_ssh_keys: list([key("a"), key("b")]) });
    const { last } = renderStep(["a", "deleted"]);
    await waitFor(() => expect(last()).toEqual(["a"]));
  });

  it("shows the step's error at the key list, and the first key carries the field's id", async () => {
    mockBackend({ list_ssh_keys: list([key("a"), key("b")]) });
    renderStep([], { sshKeyIds: "Choose at least one SSH key: a VM cannot be deployed without one." });
    expect(await screen.findByTestId("deploy-sshKeyIds-error")).toHaveTextContent("Choose at least one SSH key");
    expect(await screen.findByTestId("ssh-key-a")).toHaveAttribute("id", "deploy-sshKeyIds");
  });

  it("imports a key: a bad line is refused at the field, a good one is sent and selected (DEP-43)", async () => {
    const backend = mockBackend({
      list_ssh_keys: list([key("a"), key("b")]),
      create_ssh_key: (args: Record<string, unknown>) => {
        const body = args.body as { name: string; public_key: string };
        return {
          success: true,
          message: null,
          ssh_key: { ...key("new", body.name), public_key: body.public_key },
          private_key: null,
          request_id: "r",
        };
      },
    });
    const { last } = renderStep(["a"]);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-import"));
    await user.type(screen.getByTestId("ssh-import-name"), "work-laptop");
    await user.type(screen.getByTestId("ssh-import-key"), "ssh-foo AAAAC3NzaC1lZDI1NTE5");
    await user.click(screen.getByTestId("ssh-import-submit"));
    expect(screen.getByTestId("deploy-ssh-import-key-error")).toHaveTextContent("Must start with the key type");
    expect(screen.getByTestId("ssh-import-key")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("ssh-import-key")).toHaveFocus();
    expect(backend.called("create_ssh_key")).toEqual([]);

    await user.clear(screen.getByTestId("ssh-import-key"));
    await user.click(screen.getByTestId("ssh-import-key"));
    await user.paste(GOOD_KEY);
    expect(screen.queryByTestId("deploy-ssh-import-key-error")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("ssh-import-submit"));
    await waitFor(() => expect(backend.called("create_ssh_key")).toHaveLength(1));
    expect(backend.called("create_ssh_key")[0]!.args).toEqual({ body: { name: "work-laptop", public_key: GOOD_KEY } });
    await waitFor(() => expect(screen.getByTestId("ssh-key-new")).toBeChecked());
    expect(last()).toEqual(["a", "new"]);
    expect(screen.getByTestId("ssh-key-a")).toBeChecked();
    expect(screen.queryByTestId("ssh-import-submit")).not.toBeInTheDocument();
  });

  it("refuses an import name with a space, or one already taken, at the name field", async () => {
    const backend = mockBackend({ list_ssh_keys: list([key("a", "laptop")]) });
    renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-import"));
    await user.type(screen.getByTestId("ssh-import-name"), "my key");
    await user.click(screen.getByTestId("ssh-import-key"));
    expect(screen.getByTestId("deploy-ssh-import-name-error")).toHaveTextContent("found a space");
    await user.clear(screen.getByTestId("ssh-import-name"));
    await user.type(screen.getByTestId("ssh-import-name"), "laptop");
    expect(screen.getByTestId("deploy-ssh-import-name-error")).toHaveTextContent("already exists");
    await user.click(screen.getByTestId("ssh-import-submit"));
    expect(backend.called("create_ssh_key")).toEqual([]);
  });

  it("shows the server's refusal of a field at that field", async () => {
    mockBackend({
      list_ssh_keys: list([]),
      create_ssh_key: fails("Validation", "name: is already taken", { field: "name" }),
    });
    renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-import"));
    await user.type(screen.getByTestId("ssh-import-name"), "dup");
    await user.click(screen.getByTestId("ssh-import-key"));
    await user.paste(GOOD_KEY);
    await user.click(screen.getByTestId("ssh-import-submit"));
    expect(await screen.findByTestId("deploy-ssh-import-name-error")).toHaveTextContent("is already taken");
  });

  it("creates a key: says where the private key goes first, then where it went, and selects it", async () => {
    const backend = mockBackend({
      list_ssh_keys: list([]),
      generate_ssh_key: (args: Record<string, unknown>) => ({
        sshKey: key("gen", args.name as string),
        savedTo: "/home/me/.ssh/gpu-box",
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
    expect(screen.getByTestId("deploy-ssh-create-name-error")).toHaveTextContent("Required");
    expect(backend.called("generate_ssh_key")).toEqual([]);

    await user.type(screen.getByTestId("ssh-create-name"), "gpu-box");
    await user.click(screen.getByTestId("ssh-create-submit"));
    expect(await screen.findByTestId("ssh-create-saved")).toHaveTextContent(
      "Private key saved to /home/me/.ssh/gpu-box",
    );
    expect(backend.called("generate_ssh_key")[0]!.args).toEqual({ name: "gpu-box" });
    expect(screen.getByTestId("ssh-key-gen")).toBeChecked();
    expect(last()).toEqual(["gen"]);
  });

  it("says nothing alarming when the save dialog is cancelled", async () => {
    mockBackend({
      list_ssh_keys: list([key("a"), key("b")]),
      generate_ssh_key: fails("Cancelled", "The save dialog was cancelled."),
    });
    renderStep();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-create"));
    await user.type(screen.getByTestId("ssh-create-name"), "gpu-box");
    await user.click(screen.getByTestId("ssh-create-submit"));
    expect(await screen.findByTestId("ssh-create-cancelled")).toHaveTextContent("no key was created");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
