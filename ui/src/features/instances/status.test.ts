import { describe, expect, it } from "vitest";
import { VM_ACTION_RULES } from "../../bindings";
import { vmOf } from "../../test/vms";
import { VM_ACTIONS, actionVerdict, isTransitional, planBulk, settingVerdict, statusTone } from "./status";

const STATUSES = Object.keys(VM_ACTION_RULES) as (keyof typeof VM_ACTION_RULES)[];

describe("state → allowed actions", () => {
  it("covers every state the Rust table knows, with all seven actions and the two ACTIVE-only settings", () => {
    expect(STATUSES).toHaveLength(13);
    const settings = ["change_security_rules", "toggle_public_ip"];
    for (const s of STATUSES) {
      expect(Object.keys(VM_ACTION_RULES[s]).sort()).toEqual([...VM_ACTIONS, ...settings].sort());
    }
  });

  it("allows the public IP and security rules to change only while ACTIVE, in the Rust table's words", () => {
    for (const status of STATUSES) {
      for (const setting of ["toggle_public_ip", "change_security_rules"] as const) {
        const verdict = settingVerdict(status, setting);
        expect(verdict, `${status} ${setting}`).toBe(VM_ACTION_RULES[status][setting]);
        expect(verdict === null, `${status} ${setting}`).toBe(status === "ACTIVE");
      }
    }
    expect(settingVerdict("QUANTUM_FLUX", "toggle_public_ip")).toMatch(/QUANTUM_FLUX/);
  });

  it("follows VM_ACTION_RULES for every state × action", () => {
    for (const status of STATUSES) {
      for (const action of VM_ACTIONS) {
        expect(actionVerdict(status, action), `${status} ${action}`).toBe(VM_ACTION_RULES[status][action]);
        // The API's spelling may vary in case.
        expect(actionVerdict(status.toLowerCase(), action)).toBe(VM_ACTION_RULES[status][action]);
      }
    }
  });

  it("matches the documented state machine at its key points", () => {
    expect(actionVerdict("ACTIVE", "stop")).toBeNull();
    expect(actionVerdict("SHUTOFF", "start")).toBeNull();
    expect(actionVerdict("HIBERNATED", "restore")).toBeNull();
    expect(actionVerdict("HIBERNATED", "start")).toMatch(/Restore/);
    expect(actionVerdict("STOPPING", "delete")).toMatch(/wait/);
    expect(actionVerdict("ERROR", "delete")).toBeNull();
  });

  it("refuses everything in a state it does not know, saying which", () => {
    for (const action of VM_ACTIONS) expect(actionVerdict("MIGRATING", action)).toMatch(/MIGRATING/);
  });

  it("knows which states are transitional and colours them", () => {
    expect(isTransitional("STOPPING")).toBe(true);
    expect(isTransitional("SHUTOFF")).toBe(false);
    expect(statusTone("ACTIVE")).toBe("success");
    expect(statusTone("RESTORING")).toBe("progress");
    expect(statusTone("ERROR")).toBe("danger");
  });
});

describe("bulk plan", () => {
  it("acts on the VMs whose state allows it and says why the others are skipped", () => {
    const a = vmOf("a", "ACTIVE");
    const b = vmOf("b", "SHUTOFF");
    const c = vmOf("c", "HIBERNATED");
    const d = vmOf("d", "STARTING");
    const stop = planBulk([a, b, c, d], "stop");
    expect(stop.act).toEqual([a]);
    expect(stop.skip.map((s) => [s.vm.name, s.reason])).toEqual([
      ["b", VM_ACTION_RULES.SHUTOFF.stop],
      ["c", VM_ACTION_RULES.HIBERNATED.stop],
      ["d", VM_ACTION_RULES.STARTING.stop],
    ]);
    expect(planBulk([a, b, c, d], "delete").act).toEqual([a, b, c]);
    expect(planBulk([a, b, c, d], "start").act).toEqual([b]);
    expect(planBulk([], "hibernate")).toEqual({ act: [], skip: [] });
  });
});
