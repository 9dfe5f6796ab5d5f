import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { mockBackend, renderWithProviders } from "../../test/backend";
import { AdvancedStep } from "./AdvancedStep";
import type { Script } from "../scripts/queries";
import type { Draft, Secrets, StepErrors } from "./wizard";

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
  renderWithProviders(<Harness />);
  return { state: () => latest };
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

describe("Advanced step: security rules (DEP-51)", () => {
  it("refuses a bad CIDR at its field and adds nothing", async () => {
    mockBackend({});
    const { state } = renderStep({}, {}, []);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("rule-cidr"), "10.0.0.0/33");
    await user.type(screen.getByTestId("rule-port-min"), "22");
    await user.type(screen.getByTestId("rule-port-max"), "22");
    await user.click(screen.getByTestId("rule-add"));
    expect(screen.getByTestId("deploy-rule-cidr-error")).toHaveTextContent("An IPv4 prefix must be between 0 and 32.");
    expect(screen.getByTestId("rule-cidr")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("rule-cidr")).toHaveAttribute("id", "deploy-rule-cidr");
    expect(screen.getByTestId("rule-cidr")).toHaveFocus();
    expect(state().draft.securityRules).toEqual([]);
    expect(screen.queryByTestId("rule-item-0")).not.toBeInTheDocument();
  });

  it("checks a field live once it has been left", async () => {
    mockBackend({});
    renderStep({}, {}, []);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("rule-cidr"), "::/0");
    expect(screen.queryByTestId("deploy-rule-cidr-error")).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByTestId("deploy-rule-cidr-error")).toHaveTextContent("IPv6 range, but the rule is IPv4");
    await user.selectOptions(screen.getByTestId("rule-ethertype"), "IPv6");
    expect(screen.queryByTestId("deploy-rule-cidr-error")).not.toBeInTheDocument();
  });

  it("adds a good rule, refuses a duplicate at its field, and removes", async () => {
    mockBackend({});
    const { state } = renderStep({}, {}, []);
    const user = userEvent.setup();
    const addSsh = async (cidr: string) => {
      await user.type(screen.getByTestId("rule-cidr"), cidr);
      await user.type(screen.getByTestId("rule-port-min"), "22");
      await user.type(screen.getByTestId("rule-port-max"), "22");
      await user.click(screen.getByTestId("rule-add"));
    };
    await addSsh("0.0.0.0/0");
    expect(state().draft.securityRules).toEqual([
      {
        direction: "ingress",
        protocol: "tcp",
        ethertype: "IPv4",
        remote_ip_prefix: "0.0.0.0/0",
        port_range_min: 22,
        port_range_max: 22,
      },
    ]);
    expect(screen.getByTestId("rule-item-0")).toHaveTextContent("ingress TCP IPv4 0.0.0.0/0, port 22");
    expect(screen.getByTestId("rule-cidr")).toHaveValue("");

    await addSsh("203.0.113.1/32");
    expect(screen.getByTestId("deploy-rule-cidr-error")).toHaveTextContent("Already covered by rule 1");
    expect(state().draft.securityRules).toHaveLength(1);

    await user.click(screen.getByTestId("rule-remove-0"));
    expect(state().draft.securityRules).toEqual([]);
    // With rule 1 gone the same rule fits.
    await user.click(screen.getByTestId("rule-add"));
    expect(state().draft.securityRules).toHaveLength(1);
  });

  it("shows the conflicts of a saved draft next to the rule at fault", () => {
    mockBackend({});
    const ssh = {
      direction: "ingress",
      protocol: "tcp",
      ethertype: "IPv4",
      remote_ip_prefix: "0.0.0.0/0",
      port_range_min: 22,
      port_range_max: 22,
    };
    renderStep(
      { securityRules: [ssh, ssh, { ...ssh, protocol: "icmp" }] },
      { securityRules: "Rule 2: Repeats rule 1" },
      [],
    );
    expect(screen.queryByTestId("rule-conflict-0")).not.toBeInTheDocument();
    expect(screen.getByTestId("rule-conflict-1")).toHaveTextContent("Repeats rule 1");
    expect(screen.getByTestId("rule-conflict-2")).toHaveTextContent("Ports do not apply to ICMP");
    expect(screen.getByTestId("deploy-securityRules-error")).toHaveTextContent("Rule 2: Repeats rule 1");
    expect(document.getElementById("deploy-securityRules")).toHaveAttribute("tabindex", "-1");
    expect(
      screen.getByText(/applied automatically once the VM is ACTIVE, and can take up to 10 minutes/),
    ).toBeInTheDocument();
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
    await user.type(input, "abcdefgh");
    expect(screen.getByTestId("jupyter-strength")).toHaveTextContent("Strength: weak");
    await user.type(input, "1");
    expect(screen.getByTestId("jupyter-strength")).toHaveTextContent("Strength: medium");
    await user.type(input, "A!xy");
    expect(screen.getByTestId("jupyter-strength")).toHaveTextContent("Strength: strong");
    expect(state().secrets.jupyterPassword).toBe("abcdefgh1A!xy");
    expect(JSON.stringify(state().draft)).not.toContain("abcdefgh");
  });

  it("says a short password is too short once the field is left", async () => {
    mockBackend({});
    renderStep({ jupyterEnabled: true }, {}, []);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("deploy-jupyter-password"), "short");
    expect(screen.queryByTestId("deploy-jupyter-password-error")).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByTestId("deploy-jupyter-password-error")).toHaveTextContent("At least 8 characters (it has 5).");
  });
});

describe("Advanced step: cloud-init (DEP-53)", () => {
  it("counts bytes live and refuses more than 16 KB at the field", async () => {
    mockBackend({});
    const { state } = renderStep({ cloudInit: "x".repeat(16383) }, {}, []);
    const user = userEvent.setup();
    expect(screen.getByTestId("cloud-init-size")).toHaveTextContent("16,383 bytes (16.0 KB) of 16 KB");
    const field = screen.getByTestId("deploy-cloud-init");
    await user.type(field, "x");
    expect(screen.getByTestId("cloud-init-size")).toHaveTextContent("16,384 bytes");
    expect(screen.queryByTestId("deploy-cloud-init-error")).not.toBeInTheDocument();
    await user.type(field, "é");
    expect(screen.getByTestId("cloud-init-size")).toHaveTextContent("16,386 bytes");
    expect(screen.getByTestId("deploy-cloud-init-error")).toHaveTextContent("2 too many");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(state().draft.cloudInit).toHaveLength(16385);
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
});
