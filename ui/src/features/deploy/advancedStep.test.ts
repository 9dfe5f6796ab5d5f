import { describe, expect, it } from "vitest";
import type { CloudInitCheck, JupyterCheck, RuleProblem_Serialize } from "../../bindings";
import { casesOf } from "../../test/formCases";
import { formatCloudInitSize, ruleListError, validateAdvanced } from "./advancedStep";
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

/** Rust's answer for one input of a command, from the case table. */
function answer<T>(command: string, input: Record<string, unknown>): T {
  const c = casesOf(command).find((x) => JSON.stringify(x.input) === JSON.stringify(input));
  if (!c) throw new Error(`no case of ${command} for ${JSON.stringify(input)}`);
  return c.output as T;
}

const BIG = answer<CloudInitCheck>("check_cloud_init", { script: "x".repeat(16 * 1024 + 10) });
const FITS = answer<CloudInitCheck>("check_cloud_init", { script: "x".repeat(16 * 1024) });
const SHORT = answer<JupyterCheck>("check_jupyter_password", { password: "short" });
const problemLists = casesOf("check_rule_list").map((c) => c.output as RuleProblem_Serialize[]);

describe("cloud-init size", () => {
  it("puts Rust's answer at the cloud-init field: 16,384 bytes pass, 16,394 do not", () => {
    expect(validateAdvanced(draft(), undefined, { cloudInit: FITS })).toEqual({});
    expect(validateAdvanced(draft(), undefined, { cloudInit: BIG })).toEqual({ cloudInit: BIG.errors[0]!.message });
  });

  it("shows the size in bytes and KB, of the limit Rust declares", () => {
    expect(formatCloudInitSize(0)).toBe("0 bytes (0.0 KB) of 16 KB");
    expect(formatCloudInitSize(16384)).toBe("16,384 bytes (16.0 KB) of 16 KB");
  });
});

describe("validateAdvanced", () => {
  it("passes the defaults, and says nothing of an answer not in yet", () => {
    expect(validateAdvanced(draft(), undefined, {})).toEqual({});
  });

  it("needs the Jupyter password only while Jupyter is on", () => {
    expect(validateAdvanced(draft({ jupyterEnabled: false }), undefined, { jupyter: SHORT })).toEqual({});
    expect(validateAdvanced(draft({ jupyterEnabled: true }), undefined, { jupyter: SHORT })).toEqual({
      jupyterPassword: "At least 8 characters (it has 5).",
    });
  });

  it("names the first rule at fault, and how many are", () => {
    for (const problems of problemLists) {
      const e = validateAdvanced(draft(), undefined, { rules: problems });
      if (problems.length === 0) expect(e).toEqual({});
      else expect(e.securityRules).toMatch(new RegExp(`^Rule ${problems[0]!.index + 1}: `));
    }
    const several = problemLists.find((p) => new Set(p.map((x) => x.index)).size > 1)!;
    expect(ruleListError(several)).toMatch(/\(\d+ rules need attention\)$/);
  });

  it("lists the errors in the order of the fields, so focus goes to the first", () => {
    const rules = problemLists.find((p) => p.length > 0)!;
    const e = validateAdvanced(draft({ jupyterEnabled: true }), undefined, { rules, jupyter: SHORT, cloudInit: BIG });
    expect(Object.keys(e)).toEqual(["securityRules", "jupyterPassword", "cloudInit"]);
  });

  it("refuses a saved script that was deleted, when the list is known", () => {
    const scripts = [
      { id: "s1", name: "setup", description: null, content: "#!/bin/sh", created_at: null, updated_at: null },
    ];
    expect(validateAdvanced(draft({ startupScriptId: "gone" }), scripts, {})).toHaveProperty("startupScriptId");
    expect(validateAdvanced(draft({ startupScriptId: "s1" }), scripts, {})).toEqual({});
    expect(validateAdvanced(draft({ startupScriptId: "gone" }), undefined, {})).toEqual({});
  });
});
