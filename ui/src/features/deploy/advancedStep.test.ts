import { describe, expect, it } from "vitest";
import { EMPTY_RULE } from "../instances/ruleForm";
import {
  cloudInitError,
  draftRuleOf,
  formatCloudInitSize,
  ruleProblems,
  utf8Bytes,
  validateAdvanced,
  type DraftRule,
} from "./advancedStep";
import type { Draft } from "./wizard";

const draft = (patch: Partial<Draft> = {}): Draft =>
  ({
    step: "advanced",
    gpuModel: "H100-SXM5-80GB",
    tier: "advanced",
    gpuCount: 1,
    region: "NORWAY-1",
    bootKind: "os_image",
    bootId: "img-1",
    sshKeyIds: ["k1"],
    publicIp: true,
    securityRules: [],
    jupyterEnabled: false,
    cloudInit: "",
    startupScriptId: null,
    name: "box",
    ...patch,
  }) as Draft;

const NO_SECRETS = { jupyterPassword: "" };
const ssh: DraftRule = {
  direction: "ingress",
  protocol: "tcp",
  ethertype: "IPv4",
  remote_ip_prefix: "0.0.0.0/0",
  port_range_min: 22,
  port_range_max: 22,
};

describe("cloud-init size (validate.rs cloud_init: 16 KB in bytes)", () => {
  it("takes exactly 16,384 bytes and refuses one more", () => {
    expect(cloudInitError("x".repeat(16384))).toBeNull();
    expect(cloudInitError("x".repeat(16385))).toBe(
      "At most 16 KB (16,384 bytes); this script is 16,385 bytes, 1 too many.",
    );
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("😀")).toBe(4);
    expect(cloudInitError("é".repeat(8192))).toBeNull(); // 16,384 bytes
    expect(cloudInitError("é".repeat(8192) + "x")).toMatch(/16,385 bytes/);
    expect(cloudInitError("😀".repeat(4097))).toMatch(/16,388 bytes/); // 4,097 characters only
  });

  it("shows the size in bytes and KB", () => {
    expect(formatCloudInitSize(0)).toBe("0 bytes (0.0 KB) of 16 KB");
    expect(formatCloudInitSize(16384)).toBe("16,384 bytes (16.0 KB) of 16 KB");
  });
});

describe("validateAdvanced", () => {
  it("passes the defaults", () => {
    expect(validateAdvanced(draft(), NO_SECRETS)).toEqual({});
  });

  it("needs the Jupyter password only while Jupyter is on", () => {
    expect(validateAdvanced(draft({ jupyterEnabled: false }), { jupyterPassword: "x" })).toEqual({});
    expect(validateAdvanced(draft({ jupyterEnabled: true }), { jupyterPassword: "short" })).toEqual({
      jupyterPassword: "At least 8 characters (it has 5).",
    });
    expect(validateAdvanced(draft({ jupyterEnabled: true }), { jupyterPassword: "longenough" })).toEqual({});
  });

  it("refuses a script over 16 KB at the cloud-init field", () => {
    expect(Object.keys(validateAdvanced(draft({ cloudInit: "x".repeat(16385) }), NO_SECRETS))).toEqual(["cloudInit"]);
  });

  it("refuses conflicting or broken rules, naming the first", () => {
    const e = validateAdvanced(draft({ securityRules: [ssh, ssh] }), NO_SECRETS);
    expect(e.securityRules).toMatch(/^Rule 2: Repeats rule 1/);
    const bad = validateAdvanced(
      draft({ securityRules: [{ ...ssh, remote_ip_prefix: "10.0.0.0/33" }, ssh, ssh] }),
      NO_SECRETS,
    );
    expect(bad.securityRules).toBe("Rule 1: An IPv4 prefix must be between 0 and 32. (2 rules need attention)");
  });

  it("lists the errors in the order of the fields, so focus goes to the first", () => {
    const e = validateAdvanced(
      draft({ securityRules: [ssh, ssh], jupyterEnabled: true, cloudInit: "x".repeat(20000) }),
      NO_SECRETS,
    );
    expect(Object.keys(e)).toEqual(["securityRules", "jupyterPassword", "cloudInit"]);
  });

  it("refuses a saved script that was deleted, when the list is known", () => {
    const scripts = [
      { id: "s1", name: "setup", description: null, content: "#!/bin/sh", created_at: null, updated_at: null },
    ];
    expect(validateAdvanced(draft({ startupScriptId: "gone" }), NO_SECRETS, scripts)).toHaveProperty("startupScriptId");
    expect(validateAdvanced(draft({ startupScriptId: "s1" }), NO_SECRETS, scripts)).toEqual({});
    expect(validateAdvanced(draft({ startupScriptId: "gone" }), NO_SECRETS)).toEqual({});
  });
});

describe("rules in the draft", () => {
  it("keeps ports only for TCP and UDP", () => {
    expect(
      draftRuleOf({ ...EMPTY_RULE, remote_ip_prefix: " 10.0.0.0/8 ", port_range_min: "80", port_range_max: "81" }),
    ).toEqual({
      direction: "ingress",
      protocol: "tcp",
      ethertype: "IPv4",
      remote_ip_prefix: "10.0.0.0/8",
      port_range_min: 80,
      port_range_max: 81,
    });
    expect(
      draftRuleOf({ ...EMPTY_RULE, protocol: "icmp", remote_ip_prefix: "::/0", ethertype: "IPv6" }),
    ).not.toHaveProperty("port_range_min");
  });

  it("reports each fault once: ICMP ports and the IP version as conflicts, the rest from the form", () => {
    const problems = ruleProblems([
      { ...ssh, protocol: "icmp" },
      { ...ssh, remote_ip_prefix: "::/0" },
      { ...ssh, port_range_max: undefined },
    ]);
    expect(problems.get(0)).toEqual(["Ports do not apply to ICMP: remove the ports or pick TCP or UDP."]);
    expect(problems.get(1)).toEqual(["::/0 is an IPv6 range, but the rule is IPv4."]);
    expect(problems.get(2)).toEqual(["Required for TCP and UDP (for one port, use it in both fields)."]);
  });
});
