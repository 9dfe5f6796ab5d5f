import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { mockBackend, renderWithProviders } from "../../test/backend";
import type { CloudInitCheck, JupyterCheck } from "../../bindings";
import { casesOf } from "../../test/formCases";
import { AdvancedStep } from "./AdvancedStep";
import { validateAdvanced } from "./advancedStep";
import type { Script } from "../scripts/queries";
import type { Draft, Secrets, StepErrors } from "./wizard";
import { replaceText } from "../../test/typing";

const BASE = {
  sshKeyIds: ["k1"],
  publicIp: false,
  securityRules: [],
  jupyterEnabled: false,
  cloudInit: "",
  startupScriptId: null,
} as unknown as Draft;

const SCRIPTS: Script[] = [
  {
    id: "s1",
    name: "install-drivers",
    description: "NVIDIA extras",
    content: "#!/bin/sh",
    created_at: null,
    updated_at: null,
  },
  { id: "s2", name: "mount-data", description: null, content: "#!/bin/sh", created_at: null, updated_at: null },
];

/** The step with a draft and secrets of its own; `state()` is the latest of both. */
function renderStep(patch: Partial<Draft> = {}, errors: StepErrors = {}, scripts?: Script[]) {
  let latest: { draft: Draft; secrets: Secrets } = { draft: { ...BASE, ...patch }, secrets: { jupyterPassword: "" } };
  function Harness() {
    const [draft, setDraft] = useState<Draft>(latest.draft);
    const [secrets, setSecrets] = useState<Secrets>(latest.secrets);
    latest = { draft, secrets };
    return (
      <AdvancedStep
        draft={draft}
        errors={errors}
        update={(p) => setDraft((d) => ({ ...d, ...p }))}
        secrets={secrets}
        setSecrets={setSecrets}
        {...(scripts ? { scripts } : {})}
      />
    );
  }
  const { unmount } = renderWithProviders(<Harness />);
  return { state: () => latest, unmount };
}

describe("Advanced step: public IP (DEP-50)", () => {
  it("explains off, and warns when on", async () => {
    mockBackend({ list_scripts: { success: true, message: null, scripts: [], request_id: null } });
    const { state } = renderStep();
    expect(screen.getByTestId("public-ip-note")).toHaveTextContent(
      /reachable only on the internal network.*VPN or a bastion host/,
    );
    await userEvent.setup().click(screen.getByTestId("public-ip-toggle"));
    expect(state().draft.publicIp).toBe(true);
    const note = screen.getByTestId("public-ip-note");
    for (const advice of [/firewall rules/, /strong SSH keys/, /patched/, /monitor its logs/])
      expect(note).toHaveTextContent(advice);
  });
});

describe("Advanced step: Jupyter (DEP-52)", () => {
  it("keeps the password in the secrets only, with a strength meter", async () => {
    mockBackend({});
    const { state } = renderStep({}, {}, []);
    const user = userEvent.setup();
    expect(screen.queryByTestId("deploy-jupyter-password")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("jupyter-toggle"));
    expect(state().draft.jupyterEnabled).toBe(true);
    expect(screen.getByText(/never saved with the draft/)).toBeInTheDocument();
    expect(screen.getByText("http://<vm-ip>:8888")).toBeInTheDocument();
    const input = screen.getByTestId("deploy-jupyter-password");
    expect(input).toHaveAttribute("id", "deploy-jupyterPassword");
    // The meter shows the strength Rust answers.
    for (const [password, strength] of [
      ["abcdefgh", "weak"],
      ["abcdefg1", "medium"],
      ["Abcdefg1!xyz", "strong"],
    ]) {
      await replaceText(user, "deploy-jupyter-password", password!);
      await waitFor(() => expect(screen.getByTestId("jupyter-strength")).toHaveTextContent(`Strength: ${strength}`));
    }
    expect(state().secrets.jupyterPassword).toBe("Abcdefg1!xyz");
    expect(JSON.stringify(state().draft)).not.toContain("Abcdefg1");
  });

  it("says a short password is too short once the field is left", async () => {
    mockBackend({});
    renderStep({ jupyterEnabled: true }, {}, []);
    const user = userEvent.setup();
    await replaceText(user, "deploy-jupyter-password", "short");
    await waitFor(() => expect(screen.getByTestId("jupyter-strength")).toHaveTextContent("Strength: weak"));
    expect(screen.queryByTestId("deploy-jupyter-password-error")).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByTestId("deploy-jupyter-password-error")).toHaveTextContent(
      "At least 8 characters (it has 5).",
    );
  });

  it("shows exactly what Rust answers for each password of the case table", async () => {
    for (const c of casesOf("check_jupyter_password")) {
      const password = c.input.password as string;
      const out = c.output as JupyterCheck;
      const expected = out.errors.find((e) => e.field === "jupyterPassword")?.message;
      mockBackend({});
      // An empty password is said only once the user tries to go on: the step's error, from the same answer.
      const errors = password === "" ? validateAdvanced({ ...BASE, jupyterEnabled: true }, [], { jupyter: out }) : {};
      const { unmount } = renderStep({ jupyterEnabled: true }, errors, []);
      const user = userEvent.setup();
      if (password !== "") {
        await replaceText(user, "deploy-jupyter-password", password);
        await waitFor(() =>
          expect(screen.getByTestId("jupyter-strength")).toHaveTextContent(`Strength: ${out.strength}`),
        );
        await user.tab();
      }
      if (expected) {
        expect(await screen.findByTestId("deploy-jupyter-password-error")).toHaveTextContent(expected);
      } else {
        expect(screen.queryByTestId("deploy-jupyter-password-error")).not.toBeInTheDocument();
      }
      unmount();
    }
  });
});

describe("Advanced step: cloud-init (DEP-53)", () => {
  it("counts bytes live and refuses more than 16 KB at the field", async () => {
    mockBackend({});
    const { state } = renderStep({ cloudInit: "x".repeat(16384) }, {}, []);
    const user = userEvent.setup();
    expect(await screen.findByText("16,384 bytes (16.0 KB) of 16 KB")).toHaveAttribute(
      "data-testid",
      "cloud-init-size",
    );
    expect(screen.queryByTestId("deploy-cloud-init-error")).not.toBeInTheDocument();
    await replaceText(user, "deploy-cloud-init", "x".repeat(16394));
    await waitFor(() => expect(screen.getByTestId("cloud-init-size")).toHaveTextContent("16,394 bytes"));
    expect(screen.getByTestId("deploy-cloud-init-error")).toHaveTextContent("10 too many");
    expect(screen.getByTestId("deploy-cloud-init")).toHaveAttribute("aria-invalid", "true");
    expect(state().draft.cloudInit).toHaveLength(16394);
  });

  it("shows exactly the size and error Rust answers for each script of the case table", async () => {
    for (const c of casesOf("check_cloud_init")) {
      const script = c.input.script as string;
      const out = c.output as CloudInitCheck;
      const expected = out.errors.find((e) => e.field === "cloudInit")?.message;
      mockBackend({});
      const { unmount } = renderStep({ cloudInit: script }, {}, []);
      await waitFor(() =>
        expect(screen.getByTestId("cloud-init-size")).toHaveTextContent(`${out.bytes.toLocaleString("en-US")} bytes`),
      );
      if (expected) expect(screen.getByTestId("deploy-cloud-init-error")).toHaveTextContent(expected);
      else expect(screen.queryByTestId("deploy-cloud-init-error")).not.toBeInTheDocument();
      unmount();
    }
  });
});

describe("Advanced step: saved startup script (DEP-54)", () => {
  it("offers None and the account's scripts by name, fetched when not given", async () => {
    const backend = mockBackend({ list_scripts: { success: true, message: null, scripts: SCRIPTS, request_id: null } });
    const { state } = renderStep();
    const select = screen.getByTestId("deploy-startup-script");
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toEqual(["None", "install-drivers", "mount-data"]),
    );
    expect(backend.called("list_scripts")).toHaveLength(1);
    await userEvent.setup().selectOptions(select, "s1");
    expect(state().draft.startupScriptId).toBe("s1");
    expect(screen.getByText("NVIDIA extras")).toBeInTheDocument();
    await userEvent.setup().selectOptions(select, "");
    expect(state().draft.startupScriptId).toBeNull();
  });

  it("uses the scripts it is given, and shows a deleted one as such", () => {
    const backend = mockBackend({});
    renderStep({ startupScriptId: "gone" }, {}, SCRIPTS);
    expect(backend.called("list_scripts")).toEqual([]);
    expect(screen.getByTestId("deploy-startup-script")).toHaveValue("gone");
    expect(screen.getByRole("option", { name: "A script no longer in your account" })).toBeInTheDocument();
  });

  it("names the chosen script as a link to it in Startup Scripts (SCR-02)", async () => {
    mockBackend({});
    renderStep({}, {}, SCRIPTS);
    expect(screen.queryByTestId("deploy-startup-script-link")).not.toBeInTheDocument();
    await userEvent.setup().selectOptions(screen.getByTestId("deploy-startup-script"), "s2");
    const link = screen.getByTestId("deploy-startup-script-link");
    expect(link).toHaveTextContent("mount-data");
    expect(link).toHaveAttribute("href", "/scripts?details=s2");
  });

  it("with no saved script, points to the library", () => {
    mockBackend({});
    renderStep({}, {}, []);
    expect(screen.getByTestId("deploy-startup-script-library")).toHaveAttribute("href", "/scripts");
  });
});
