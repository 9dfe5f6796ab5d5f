// The Advanced step's rules (DEP-50…54): the security rules kept in the draft, the Jupyter
// password, the cloud-init size and the saved startup script. The rules themselves are Rust's
// (barrack-api's forms): this step is given their answers for the current inputs and says
// where each error belongs.

import { RULE_LIMITS, type CloudInitCheck, type JupyterCheck, type RuleProblem_Serialize } from "../../bindings";
import { errorAt } from "../../lib/checks";
import type { Script } from "../scripts/queries";
import type { Draft, StepErrors } from "./wizard";

export type DraftRule = Draft["securityRules"][number];

/** The backend's answers for the step's current inputs; one not in yet says nothing. */
export type AdvancedChecks = {
  /** Asked only while Jupyter is on. */
  jupyter?: JupyterCheck | undefined;
  cloudInit?: CloudInitCheck | undefined;
  rules?: readonly RuleProblem_Serialize[] | undefined;
};

const CLOUD_INIT_MAX_KB = RULE_LIMITS.cloudInitMaxBytes / 1024;

/** "1,234 bytes (1.2 KB) of 16 KB", from the byte count Rust measured. */
export function formatCloudInitSize(bytes: number): string {
  const kb = (bytes / 1024).toFixed(1);
  return `${bytes.toLocaleString("en-US")} bytes (${kb} KB) of ${CLOUD_INIT_MAX_KB} KB`;
}

/** The list's problems in one line: the first rule at fault, and how many are. */
export function ruleListError(problems: readonly RuleProblem_Serialize[] | undefined): string | null {
  const first = problems?.[0];
  if (!first) return null;
  const rules = new Set(problems.map((p) => p.index)).size;
  const more = rules > 1 ? ` (${rules} rules need attention)` : "";
  return `Rule ${first.index + 1}: ${first.message}${more}`;
}

/**
 * The step's errors, in the order of its fields (the wizard moves focus to the first).
 * Keys are field ids: their DOM ids are `fieldDomId(key)`.
 */
export function validateAdvanced(
  draft: Draft,
  scripts: readonly Script[] | undefined,
  checks: AdvancedChecks,
): StepErrors {
  const errors: StepErrors = {};
  const rules = ruleListError(checks.rules);
  if (rules) errors.securityRules = rules;
  const password = draft.jupyterEnabled ? errorAt(checks.jupyter?.errors, "jupyterPassword") : null;
  if (password) errors.jupyterPassword = password;
  const size = errorAt(checks.cloudInit?.errors, "cloudInit");
  if (size) errors.cloudInit = size;
  // Only when the list is known: a script deleted elsewhere since the draft was saved.
  if (draft.startupScriptId && scripts && !scripts.some((s) => s.id === draft.startupScriptId)) {
    errors.startupScriptId = "The saved script chosen earlier is no longer in your account: pick another one or None.";
  }
  return errors;
}
