import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { RULE_LIMITS, type SshKeyCheck_Serialize, type SshKeyForm } from "../bindings";
import { GOOD_KEY, hintsFor, keyWith, sshKeysSim } from "../features/sshKeys/fixtures";
import { deferred, fails, mockBackend, renderApp } from "../test/backend";
import { canonical, casesOf } from "../test/formCases";
import { replaceText } from "../test/typing";
import { RSA_1024 } from "../test/sshKeys";
import { vmOf } from "../test/vms";

/** A 1024-bit RSA public key made by ssh-keygen (its type and size are read from it). */

const train = vmOf("train-h100");
const dev = vmOf("dev-a6000", "SHUTOFF");
const alice = keyWith("alice-laptop", {
  used_by: [train.id, dev.id],
  created_at: "2026-11-01T10:00:00Z",
  fingerprint: "SHA256:alice",
});
const spare = keyWith("spare", { public_key: RSA_1024, created_at: "2026-12-01T10:00:00Z" });

async function openPage(keys = [alice, spare], vms = [train, dev]) {
  const backend = mockBackend(sshKeysSim(keys, vms));
  renderApp("/ssh-keys");
  await screen.findByTestId("ssh-keys-page");
  return backend;
}

describe("SSH Keys page: the list (SSH-01, SSH-10…12)", () => {
  it("shows each key's fingerprint, type and size, public key with a copy button, its VMs, date and regions", async () => {
    await openPage();
    const row = await screen.findByTestId("ssh-key-row-alice-laptop");
    expect(screen.getByTestId("ssh-keys-create")).toHaveTextContent("Create Key");
    expect(screen.getByTestId("ssh-keys-import")).toHaveTextContent("Import Key");
    expect(within(row).getByTestId("ssh-key-fingerprint-alice-laptop")).toHaveTextContent("SHA256:alice");
    // Read by its own query once the row is there (the page loads with its route).
    await waitFor(() =>
      expect(within(row).getByTestId("ssh-key-type-alice-laptop")).toHaveTextContent("Ed25519 · 256 bits"),
    );
    expect(screen.getByTestId("ssh-key-type-spare")).toHaveTextContent("RSA · 1024 bits");
    expect(within(row).getByTestId("ssh-key-public-alice-laptop")).toHaveTextContent(GOOD_KEY);
    expect(within(row).getByTestId("ssh-key-used-by-alice-laptop")).toHaveTextContent("train-h100dev-a6000");
    expect(screen.getByTestId("ssh-key-used-by-spare")).toHaveTextContent("No VM");
    expect(
      within(within(row).getByTestId("ssh-key-regions-alice-laptop"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["CANADA-1", "NORWAY-1", "US-1"]);
    expect(screen.getByTestId("ssh-key-count")).toHaveTextContent(`2 of ${RULE_LIMITS.sshKeysPerRegion} keys`);

    await userEvent.setup().click(within(row).getByTestId("ssh-key-copy-alice-laptop"));
    expect(await navigator.clipboard.readText()).toBe(GOOD_KEY);
    expect(await screen.findByText("Public key copied")).toBeInTheDocument();
  });

  it("searches by name, filters by region, sorts by name or date, and shows ten keys a page", async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      keyWith(`key-${String(i).padStart(2, "0")}`, {
        created_at: `2026-10-${String(i + 1).padStart(2, "0")}T00:00:00Z`,
      }),
    );
    await openPage(many, []);
    const user = userEvent.setup();
    const names = () =>
      within(screen.getByTestId("ssh-key-table"))
        .getAllByTestId(/^ssh-key-row-/)
        .map((r) => r.dataset.testid!.replace("ssh-key-row-", ""));
    await screen.findByTestId("ssh-key-table");
    // Newest first, ten a page.
    expect(names()).toHaveLength(10);
    expect(names()[0]).toBe("key-11");
    await user.click(screen.getByTestId("pager-page-2"));
    expect(names()).toEqual(["key-01", "key-00"]);

    await user.selectOptions(screen.getByTestId("ssh-key-sort"), "name");
    expect(names()[0]).toBe("key-00");
    await user.selectOptions(screen.getByTestId("ssh-key-sort"), "oldest");
    expect(names()[0]).toBe("key-00");

    await user.type(screen.getByTestId("ssh-key-search"), "KEY-1");
    expect(names()).toEqual(["key-10", "key-11"]);
    // Every key is in every region (SSH-06): a region shows them all.
    await user.selectOptions(screen.getByTestId("region-select"), "NORWAY-1");
    expect(names()).toEqual(["key-10", "key-11"]);
    await user.clear(screen.getByTestId("ssh-key-search"));
    await user.type(screen.getByTestId("ssh-key-search"), "nothing");
    expect(screen.getByTestId("ssh-keys-empty")).toHaveTextContent("No key matches the search.");
  });

  it("says what to do when there is no key", async () => {
    await openPage([], []);
    expect(await screen.findByTestId("ssh-keys-empty")).toHaveTextContent("A VM needs at least one");
  });
});

describe("creating and importing keys (SSH-02…05, GEN-03)", () => {
  it("creates a key: the private key is saved by the backend's dialog, then the warning and the permissions", async () => {
    const backend = await openPage([], []);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-keys-create"));
    const dialog = await screen.findByTestId("ssh-key-dialog");
    expect(within(dialog).getByTestId("ssh-create-name-counter")).toHaveTextContent(`0/${RULE_LIMITS.nameMax}`);
    await replaceText(user, "ssh-create-name", "generated");
    expect(within(dialog).getByTestId("ssh-create-name-counter")).toHaveTextContent(`9/${RULE_LIMITS.nameMax}`);
    await user.click(within(dialog).getByTestId("ssh-create-submit"));

    const saved = await screen.findByTestId("ssh-create-saved");
    expect(backend.called("generate_ssh_key")[0]!.args).toEqual({ name: "generated" });
    expect(saved).toHaveTextContent("/home/me/.ssh/generated");
    expect(saved).toHaveTextContent("only copy: it cannot be downloaded again or recovered");
    expect(saved).toHaveTextContent("Never share it");
    expect(saved).toHaveTextContent("back it up");
    expect(saved).toHaveTextContent("chmod 600");
    expect(saved).toHaveTextContent('/inheritance:r /grant:r "$($env:USERNAME):(R,W)"');
    expect(saved).toHaveTextContent("in every region");
    await user.click(within(saved).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByTestId("ssh-key-dialog")).not.toBeInTheDocument());
    expect(await screen.findByTestId("ssh-key-row-generated")).toBeInTheDocument();
  });

  it("stays open while the key is created, then says where it went in the dialog and in a toast", async () => {
    const made = deferred<unknown>();
    const backend = mockBackend({ ...sshKeysSim([], []), generate_ssh_key: () => made.promise });
    renderApp("/ssh-keys");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-keys-create"));
    await replaceText(user, "ssh-create-name", "generated");
    await user.click(screen.getByTestId("ssh-create-submit"));
    await waitFor(() => expect(screen.getByTestId("ssh-create-submit")).toHaveTextContent("Creating…"));
    // Esc and Cancel would hide where the only copy of the private key goes.
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("ssh-key-dialog")).toBeInTheDocument();
    expect(within(screen.getByTestId("ssh-key-dialog")).getByRole("button", { name: "Cancel" })).toBeDisabled();

    const path = "/home/me/.ssh/generated";
    made.resolve({ sshKey: keyWith("generated"), savedTo: path, permissionHints: hintsFor(path) });
    expect(await screen.findByTestId("ssh-create-saved")).toHaveTextContent(`Private key saved to ${path}`);
    await waitFor(() => expect(document.querySelector("[data-sonner-toast]")).toHaveTextContent(path));
    const toastShown = document.querySelector("[data-sonner-toast]")!;
    expect(toastShown).toHaveTextContent("This was its only copy");
    expect(backend.called("generate_ssh_key")).toHaveLength(1);
    // Once saved, the dialog closes as usual; the toast stays.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("ssh-key-dialog")).not.toBeInTheDocument());
    expect(document.querySelector("[data-sonner-toast]")).toHaveTextContent(path);
  });

  it("shows the permission lines exactly as Rust quoted them, whatever the folder is called", async () => {
    // Rust's answer for a folder named `keys $(calc)`: single quotes, where PowerShell and sh expand nothing.
    const path = "C:\\Users\\me\\keys $(calc)\\id";
    const permissionHints = {
      posix: "chmod 600 'C:\\Users\\me\\keys $(calc)\\id'",
      powerShell: `icacls 'C:\\Users\\me\\keys $(calc)\\id' /inheritance:r /grant:r "$($env:USERNAME):(R,W)"`,
    };
    mockBackend({
      ...sshKeysSim([], []),
      generate_ssh_key: () => ({ sshKey: keyWith("generated"), savedTo: path, permissionHints }),
    });
    renderApp("/ssh-keys");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-keys-create"));
    await replaceText(user, "ssh-create-name", "generated");
    await user.click(screen.getByTestId("ssh-create-submit"));
    await screen.findByTestId("ssh-create-saved");
    expect(screen.getByTestId("ssh-create-icacls").textContent).toBe(permissionHints.powerShell);
    expect(screen.getByTestId("ssh-create-chmod").textContent).toBe(permissionHints.posix);
    expect(screen.getByTestId("ssh-create-saved").textContent).not.toContain(`"${path}"`);
  });

  it("counts the name's characters out of 50 and shows Rust's refusal of 51", async () => {
    await openPage([], []);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-keys-create"));
    await replaceText(user, "ssh-create-name", "k".repeat(51));
    expect(screen.getByTestId("ssh-create-name-counter")).toHaveTextContent("51/50");
    await user.click(screen.getByTestId("ssh-create-submit"));
    expect(await screen.findByTestId("deploy-ssh-create-name-error")).toHaveTextContent("(it has 51)");
  });

  it("imports a key: where to find it on each system, a key cut short refused at the field, then a good one", async () => {
    const backend = await openPage([], []);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-keys-import"));
    const help = await screen.findByTestId("ssh-import-help");
    expect(help).toHaveTextContent("~/.ssh/id_ed25519.pub");
    expect(help).toHaveTextContent("~/.ssh/id_rsa.pub");
    expect(help).toHaveTextContent("Get-Content $env:USERPROFILE\\.ssh\\id_rsa.pub");
    expect(help).toHaveTextContent("https://github.com/<user>.keys");

    await replaceText(user, "ssh-import-name", "cut");
    await replaceText(user, "ssh-import-key", GOOD_KEY.slice(0, 40));
    await user.click(screen.getByTestId("ssh-import-submit"));
    expect(await screen.findByTestId("deploy-ssh-import-key-error")).toHaveTextContent("incomplete or damaged");
    expect(backend.called("create_ssh_key")).toEqual([]);

    await replaceText(user, "ssh-import-name", "laptop");
    await replaceText(user, "ssh-import-key", GOOD_KEY);
    await user.click(screen.getByTestId("ssh-import-submit"));
    await waitFor(() => expect(screen.queryByTestId("ssh-key-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_ssh_key")[0]!.args.body).toEqual({ name: "laptop", public_key: GOOD_KEY });
    expect(await screen.findByTestId("ssh-key-row-laptop")).toBeInTheDocument();
    expect(await screen.findByText("SSH key laptop imported")).toBeInTheDocument();
  });

  it("at 25 keys, refuses another with Rust's words before sending anything", async () => {
    const full = Array.from({ length: RULE_LIMITS.sshKeysPerRegion }, (_, i) => keyWith(`k${i}`));
    const backend = await openPage(full, []);
    const user = userEvent.setup();
    expect(await screen.findByTestId("ssh-key-count")).toHaveTextContent("25 of 25 keys");
    await user.click(screen.getByTestId("ssh-keys-import"));
    await replaceText(user, "ssh-import-name", "one-more");
    await replaceText(user, "ssh-import-key", GOOD_KEY);
    await user.click(screen.getByTestId("ssh-import-submit"));
    expect(await screen.findByTestId("ssh-key-limit-error")).toHaveTextContent("a region holds at most 25");
    expect(backend.called("create_ssh_key")).toEqual([]);
  });

  it("the palette's Create SSH key opens the create form", async () => {
    mockBackend(sshKeysSim([spare]));
    renderApp("/ssh-keys?new=1");
    expect(await screen.findByTestId("ssh-key-dialog")).toHaveTextContent("Create Key");
  });
});

describe("the page's key forms show exactly Rust's answer (check_ssh_key)", () => {
  for (const c of casesOf("check_ssh_key")) {
    const form = c.input.form as SshKeyForm;
    const answer = c.output as SshKeyCheck_Serialize;
    const at = (field: string) => answer.errors.find((e) => e.field === field)?.message;
    const imported = form.publicKey != null;
    it(`${imported ? "import" : "create"} ${JSON.stringify(form.name)} ${JSON.stringify(form.publicKey)} among ${form.taken?.length ?? 0}`, async () => {
      const backend = mockBackend({
        ...sshKeysSim((form.taken ?? []).map((name) => keyWith(name))),
        generate_ssh_key: () => new Promise(() => {}),
        create_ssh_key: () => new Promise(() => {}),
      });
      renderApp("/ssh-keys");
      const user = userEvent.setup();
      await user.click(await screen.findByTestId(imported ? "ssh-keys-import" : "ssh-keys-create"));
      await screen.findByTestId("ssh-key-dialog");
      const prefix = imported ? "ssh-import" : "ssh-create";
      if (form.name !== "") await replaceText(user, `${prefix}-name`, form.name);
      if (imported && form.publicKey !== "") await replaceText(user, "ssh-import-key", form.publicKey!);
      await user.click(screen.getByTestId(`${prefix}-submit`));
      await waitFor(() =>
        expect(backend.called("check_ssh_key").map((x) => canonical(x.args))).toContain(canonical(c.input)),
      );
      const fields: [string, string][] = [
        [`deploy-${prefix}-name-error`, "name"],
        ["ssh-key-limit-error", "taken"],
      ];
      if (imported) fields.push(["deploy-ssh-import-key-error", "publicKey"]);
      for (const [shown, field] of fields) {
        const message = at(field);
        if (message) await waitFor(() => expect(screen.getByTestId(shown)).toHaveTextContent(message));
        else expect(screen.queryByTestId(shown)).not.toBeInTheDocument();
      }
      const sent = () => backend.called(imported ? "create_ssh_key" : "generate_ssh_key");
      await waitFor(() => expect(sent()).toHaveLength(answer.value ? 1 : 0));
    });
  }
});

describe("deleting a key (SSH-20, SSH-21, GEN-01)", () => {
  it("refuses a key in use before sending, naming its VMs in Rust's words", async () => {
    const backend = await openPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-delete-alice-laptop"));
    const reason = await screen.findByTestId("ssh-key-in-use-reason");
    expect(reason).toHaveTextContent(
      "The key alice-laptop cannot be deleted while it is used by 2 VMs: train-h100, dev-a6000.",
    );
    expect(reason).toHaveTextContent("keep at least one key that works");
    expect(screen.getByTestId("ssh-key-in-use-vm-train-h100")).toHaveAttribute("href", "/instances/vm-train-h100");
    expect(screen.queryByTestId("confirm-delete")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("ssh-key-in-use-close"));
    expect(backend.called("delete_ssh_key")).toEqual([]);
    expect(screen.getByTestId("ssh-key-row-alice-laptop")).toBeInTheDocument();
  });

  it("still offers the deletion, saying why, when the in-use check itself fails", async () => {
    // Its own key: sonner's toasts are global, so this test's "deleted" toast must not be the next test's.
    const old = keyWith("old-laptop");
    const backend = mockBackend({
      ...sshKeysSim([alice, old], [train, dev]),
      check_ssh_key_deletion: fails("Server", "the check broke"),
    });
    renderApp("/ssh-keys");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-delete-old-laptop"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(within(dialog).getByTestId("ssh-key-deletion-check-error")).toHaveTextContent(
      "Whether a VM uses this key could not be checked (the check broke)",
    );
    await user.click(within(dialog).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("ssh-key-row-old-laptop")).not.toBeInTheDocument());
    expect(backend.called("delete_ssh_key")[0]!.args).toEqual({ keyId: old.id });
  });

  it("deletes an unused key after confirming", async () => {
    const backend = await openPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("ssh-key-delete-spare"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Delete SSH key spare?");
    expect(dialog).toHaveTextContent("removed from every region at once");
    await user.click(within(dialog).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("ssh-key-row-spare")).not.toBeInTheDocument());
    expect(backend.called("delete_ssh_key")[0]!.args).toEqual({ keyId: spare.id });
    expect(await screen.findByText("SSH key spare deleted")).toBeInTheDocument();
  });
});
