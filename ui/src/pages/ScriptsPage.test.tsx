import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fails, mockBackend, renderApp } from "../test/backend";
import { replaceText } from "../test/typing";
import { editorText, setEditorText } from "../features/scripts/editorTesting";
import { scriptListOf, scriptOf } from "../features/scripts/fixtures";
import type { Script } from "../features/scripts/queries";

const setup = scriptOf("setup", { description: "Python tooling for training jobs" });
const bench = scriptOf("bench", { content: "#!/bin/bash\nnvidia-smi\n" });
const HI = "#!/bin/bash\necho hi\n";

/** A library the handlers change, as Barrack would. */
function scriptsSim(initial: Script[]) {
  let scripts = [...initial];
  return {
    list_scripts: () => scriptListOf(scripts),
    create_script: (a: Record<string, unknown>) => {
      const body = a.body as { name: string; content: string; description?: string };
      const script = scriptOf(body.name, {
        id: "scr-new",
        content: body.content,
        description: body.description ?? null,
      });
      scripts = [...scripts, script];
      return { success: true, message: null, script, request_id: null };
    },
    update_script: (a: Record<string, unknown>) => {
      const body = a.body as { name: string; content: string; description: string };
      const script = { ...scripts.find((s) => s.id === a.scriptId)!, ...body, description: body.description || null };
      scripts = scripts.map((s) => (s.id === a.scriptId ? script : s));
      return { success: true, message: null, script, request_id: null };
    },
    delete_script: (a: Record<string, unknown>) => {
      scripts = scripts.filter((s) => s.id !== a.scriptId);
      return { success: true, message: null, id: a.scriptId, request_id: null };
    },
    delete_scripts: (a: Record<string, unknown>) => {
      const ids = (a.body as { ids: string[] }).ids;
      const deleted = ids.filter((id) => scripts.some((s) => s.id === id));
      scripts = scripts.filter((s) => !ids.includes(s.id));
      return {
        success: true,
        message: null,
        deleted,
        not_found: ids.filter((id) => !deleted.includes(id)),
        request_id: null,
      };
    },
  } as Record<string, unknown>;
}

function rowNames() {
  return within(screen.getByTestId("scripts-table"))
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.getAttribute("data-testid"));
}

describe("startup scripts page (SCR-01)", () => {
  it("lists the library by name, searches it, and shows a script read-only with its details", async () => {
    mockBackend(scriptsSim([setup, bench]));
    renderApp("/scripts");
    expect(await screen.findByTestId("scripts-page")).toBeInTheDocument();
    await screen.findByTestId("script-row-setup");
    expect(rowNames()).toEqual(["script-row-bench", "script-row-setup"]);
    expect(screen.getByTestId("script-row-setup")).toHaveTextContent("Python tooling for training jobs");

    const user = userEvent.setup();
    await user.type(screen.getByTestId("script-search"), "python");
    expect(rowNames()).toEqual(["script-row-setup"]);
    await user.clear(screen.getByTestId("script-search"));

    await user.click(screen.getByTestId("script-open-bench"));
    const details = await screen.findByTestId("script-details");
    expect(details).toHaveTextContent("bench");
    expect(await editorText("script-details-content")).toBe("#!/bin/bash\nnvidia-smi\n");
    expect(screen.getByTestId("script-details-content")).toHaveAttribute("contenteditable", "false");
  });

  it("opens the script a link names (?details=ID, from the deploy wizard)", async () => {
    mockBackend(scriptsSim([setup, bench]));
    renderApp(`/scripts?details=${setup.id}`);
    expect(await screen.findByTestId("script-details")).toHaveTextContent("Python tooling for training jobs");
    expect(await editorText("script-details-content")).toBe(setup.content);
  });

  it("says when the library is empty", async () => {
    mockBackend(scriptsSim([]));
    renderApp("/scripts");
    expect(await screen.findByTestId("scripts-empty")).toHaveTextContent("No saved scripts yet");
    expect(screen.getByTestId("scripts-delete-selected")).toBeDisabled();
  });
});

describe("creating a script (SCR-01, SCR-03)", () => {
  it("checks the name at the field, counts the size live, then lists the new script", async () => {
    const backend = mockBackend(scriptsSim([setup]));
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-create"));
    await screen.findByTestId("script-dialog");

    // Rust's answer: unique among the account's scripts, without case.
    await replaceText(user, "script-name", "setup");
    expect(await screen.findByTestId("script-name-error")).toHaveTextContent('A script named "setup" already exists');
    await user.click(screen.getByTestId("script-submit"));
    expect(backend.called("create_script")).toEqual([]);

    await replaceText(user, "script-name", "nightly");
    await waitFor(() => expect(screen.queryByTestId("script-name-error")).not.toBeInTheDocument());
    await setEditorText("script-content", HI);
    await waitFor(() =>
      expect(screen.getByTestId("script-content-size")).toHaveTextContent("20 bytes (0.0 KB) of 16 KB"),
    );

    await user.click(screen.getByTestId("script-submit"));
    await waitFor(() => expect(screen.queryByTestId("script-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_script")[0]!.args.body).toEqual({ name: "nightly", content: HI });
    expect(await screen.findByTestId("script-row-nightly")).toBeInTheDocument();
  });

  it("says a script over the limit is too big as it is typed (SCR-03)", async () => {
    mockBackend(scriptsSim([setup]));
    renderApp("/scripts");
    await userEvent.setup().click(await screen.findByTestId("script-create"));
    await setEditorText("script-content", "x".repeat(16 * 1024 + 10));
    expect(await screen.findByTestId("script-content-error")).toHaveTextContent("16,394 bytes, 10 too many");
    expect(screen.getByTestId("script-content")).toHaveAttribute("aria-invalid", "true");
  });

  it("shows the backend's refusal of the content at the Script field and keeps the dialog open", async () => {
    const backend = mockBackend({
      ...scriptsSim([setup]),
      create_script: fails("Validation", "content: is required", { field: "content" }),
    });
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-create"));
    await replaceText(user, "script-name", "nightly");
    await user.click(screen.getByTestId("script-submit"));
    expect(await screen.findByTestId("script-content-error")).toHaveTextContent("The script is required.");
    expect(backend.called("create_script")).toHaveLength(1);
    expect(screen.getByTestId("script-dialog")).toBeInTheDocument();
    // The refusal lasts until the script changes.
    await setEditorText("script-content", HI);
    await waitFor(() => expect(screen.queryByTestId("script-content-error")).not.toBeInTheDocument());
  });
});

describe("refusals at their field", () => {
  it("shows a refused description under the description, not as a banner", async () => {
    mockBackend({
      ...scriptsSim([setup]),
      create_script: fails("Validation", "description: Must be at most 255 characters (it has 300).", {
        field: "description",
      }),
    });
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-create"));
    await replaceText(user, "script-name", "nightly");
    await setEditorText("script-content", HI);
    await user.click(screen.getByTestId("script-submit"));
    expect(await screen.findByTestId("script-description-error")).toHaveTextContent(
      "Must be at most 255 characters (it has 300).",
    );
    expect(screen.getByTestId("script-description")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("script-error")).not.toBeInTheDocument();
  });

  it("shows any other refusal above the buttons, keeping what was typed", async () => {
    mockBackend({ ...scriptsSim([setup]), create_script: fails("Server", "the script store is down") });
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-create"));
    await replaceText(user, "script-name", "nightly");
    await setEditorText("script-content", HI);
    await user.click(screen.getByTestId("script-submit"));
    expect(await screen.findByTestId("script-error")).toBeInTheDocument();
    expect(screen.getByTestId("script-name")).toHaveValue("nightly");
    expect(await editorText("script-content")).toBe(HI);
  });
});

describe("editing a script (SCR-01)", () => {
  it("starts from the script as saved and sends the edit", async () => {
    const backend = mockBackend(scriptsSim([setup, bench]));
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-edit-setup"));
    expect(screen.getByTestId("script-name")).toHaveValue("setup");
    expect(screen.getByTestId("script-description")).toHaveValue("Python tooling for training jobs");
    expect(await editorText("script-content")).toBe(setup.content);

    await setEditorText("script-content", HI);
    await user.click(screen.getByTestId("script-submit"));
    await waitFor(() => expect(screen.queryByTestId("script-dialog")).not.toBeInTheDocument());
    const [call] = backend.called("update_script");
    expect(call!.args).toEqual({
      scriptId: setup.id,
      body: { name: "setup", content: HI, description: "Python tooling for training jobs" },
    });
    // The list is fetched again after the change.
    await waitFor(() => expect(backend.called("list_scripts").length).toBeGreaterThan(1));
  });

  it("asks before discarding unsaved changes, and keeps them if the user goes back", async () => {
    const backend = mockBackend(scriptsSim([setup, bench]));
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-edit-setup"));
    await setEditorText("script-content", HI);

    const dialog = screen.getByTestId("script-dialog");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    const confirm = await screen.findByTestId("confirm-dialog");
    expect(confirm).toHaveTextContent("Your changes to setup are not saved.");
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument());
    expect(await editorText("script-content")).toBe(HI);

    await user.click(within(screen.getByTestId("script-dialog")).getByRole("button", { name: "Cancel" }));
    await user.click(await screen.findByTestId("confirm-action"));
    await waitFor(() => expect(screen.queryByTestId("script-dialog")).not.toBeInTheDocument());
    expect(backend.called("update_script")).toEqual([]);
  });

  it("closes at once when nothing changed", async () => {
    mockBackend(scriptsSim([setup, bench]));
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-edit-setup"));
    await editorText("script-content");
    await user.click(within(screen.getByTestId("script-dialog")).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("script-dialog")).not.toBeInTheDocument());
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
  });
});

describe("deleting scripts (SCR-01)", () => {
  it("asks before deleting one, naming it", async () => {
    const backend = mockBackend(scriptsSim([setup, bench]));
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-delete-bench"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Delete script bench?");
    await user.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("script-row-bench")).not.toBeInTheDocument());
    expect(backend.called("delete_script")[0]!.args).toEqual({ scriptId: bench.id });
  });

  it("deletes the ticked ones at once with the bulk endpoint, naming each", async () => {
    const nightly = scriptOf("nightly");
    const backend = mockBackend(scriptsSim([setup, bench, nightly]));
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-select-bench"));
    await user.click(screen.getByTestId("script-select-nightly"));
    const button = screen.getByTestId("scripts-delete-selected");
    expect(button).toHaveTextContent("Delete selected (2)");
    await user.click(button);

    const confirm = screen.getByTestId("confirm-dialog");
    expect(confirm).toHaveTextContent("Delete 2 scripts?");
    expect(
      within(screen.getByTestId("bulk-delete-names"))
        .getAllByRole("listitem")
        .map((l) => l.textContent),
    ).toEqual(["bench", "nightly"]);
    await user.click(screen.getByTestId("confirm-action"));
    await waitFor(() => expect(rowNames()).toEqual(["script-row-setup"]));
    expect(backend.called("delete_scripts")[0]!.args).toEqual({ body: { ids: [bench.id, nightly.id] } });
    expect(backend.called("delete_script")).toEqual([]);
    expect(screen.getByTestId("scripts-delete-selected")).toBeDisabled();
  });

  it("ticks every shown script at once, and keeps a refusal in the dialog", async () => {
    mockBackend({
      ...scriptsSim([setup, bench]),
      delete_scripts: fails("Server", "the script store is down"),
    });
    renderApp("/scripts");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("script-select-all"));
    await user.click(screen.getByTestId("scripts-delete-selected"));
    await user.click(screen.getByTestId("confirm-action"));
    expect(await screen.findByTestId("delete-error")).toBeInTheDocument();
    expect(screen.getByTestId("confirm-dialog")).toBeInTheDocument();
  });
});
