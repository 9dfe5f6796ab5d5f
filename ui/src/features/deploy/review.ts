// The last step (DEP-60, DEP-61): the VM's name and where a refused deployment's error
// belongs — at a field of one step, or in a banner with what to do.

import type { AppError } from "../../lib/ipc";
import type { NameCheck_Serialize, NameForm_Deserialize } from "../../bindings";
import { errorAt } from "../../lib/checks";
import { normalizeStatus } from "../instances/status";
import type { InstanceRow } from "../instances/queries";
import type { StepErrors, StepId } from "./wizard";

/** Names in use in the account: those of VMs not deleted (a deleted VM's name is free again). */
export function takenNames(rows: readonly InstanceRow[] | undefined): string[] {
  return (rows ?? []).filter((r) => normalizeStatus(r.vm.status) !== "DELETED").map((r) => r.vm.name);
}

/** The name form the review step asks Rust about (DEP-60: the rule, and unique whatever the case). */
export function vmNameForm(name: string, taken: readonly string[]): NameForm_Deserialize {
  return { name, noun: "vm", taken: [...taken] };
}

/** `name` is the backend's answer for the draft's name (`vmNameForm`); not in yet, nothing. */
export function validateReview(name: NameCheck_Serialize | undefined): StepErrors {
  const e = errorAt(name?.errors, "name");
  return e ? { name: e } : {};
}

/** Where a server field of DeploymentRequest is chosen in the wizard. */
export function fieldOfServer(field: string): { step: StepId; field: string } | null {
  const f = field.replace(/\[.*$/, "");
  if (f === "name") return { step: "review", field: "name" };
  if (f === "gpu_model") return { step: "gpu", field: "gpuModel" };
  if (f === "tier") return { step: "gpu", field: "tier" };
  if (f === "gpu_count") return { step: "gpu", field: "gpuCount" };
  if (f === "region") return { step: "region", field: "region" };
  if (f.startsWith("boot_source")) return { step: "boot", field: "bootId" };
  if (f.startsWith("ssh_key")) return { step: "keys", field: "sshKeyIds" };
  if (f === "public_ip") return { step: "advanced", field: "publicIp" };
  if (f.startsWith("security_rules")) return { step: "advanced", field: "securityRules" };
  if (f.startsWith("jupyter")) return { step: "advanced", field: "jupyterPassword" };
  if (f === "cloud_init") return { step: "advanced", field: "cloudInit" };
  if (f === "startup_script_id") return { step: "advanced", field: "startupScriptId" };
  return null;
}

export type Refusal =
  /** Shown at a field of a step; the wizard goes there. */
  | { kind: "field"; step: StepId; field: string; message: string }
  /** Shown in the banner above the Deploy button (with a link to billing for credits). */
  | { kind: "banner"; error: AppError };

/** Where a refused deployment's error goes. Every choice stays as it was in all cases. */
export function placeRefusal(e: AppError): Refusal {
  if (e.code === "Conflict" && (e.field === "name" || /\bnamed?\b/i.test(e.serverMessage))) {
    return {
      kind: "field",
      step: "review",
      field: "name",
      message: `${e.serverMessage}. Choose another name.`.replace(/\.\./, "."),
    };
  }
  if (e.code === "Validation" && e.field) {
    const at = fieldOfServer(e.field);
    if (at) return { kind: "field", ...at, message: e.serverMessage };
  }
  return { kind: "banner", error: e };
}
