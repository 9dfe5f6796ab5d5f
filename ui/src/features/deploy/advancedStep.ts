// The Advanced step's rules (DEP-50…54): security rules kept in the draft, the Jupyter
// password, the cloud-init size and the saved startup script. The limits are those of
// barrack-api's validate.rs (cloud_init, jupyter_password, security_rule), so what this step
// lets through the backend accepts too.

import type { Script } from "../scripts/queries";
import { validateRule, type RuleDraft } from "../instances/ruleForm";
import { jupyterPasswordError } from "./passwordStrength";
import { ruleConflicts, type RuleLike } from "./ruleConflicts";
import type { Draft, Secrets, StepErrors } from "./wizard";

export type DraftRule = Draft["securityRules"][number];

/** validate.rs CLOUD_INIT_MAX_BYTES: 16 KB, counted in bytes as the server stores them. */
export const CLOUD_INIT_MAX_BYTES = 16 * 1024;

const encoder = new TextEncoder();

/** The UTF-8 size of a text (what Rust's `str::len` measures): "é" is 2 bytes, "😀" is 4. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** "1,234 bytes (1.2 KB) of 16 KB". */
export function formatCloudInitSize(bytes: number): string {
  const kb = (bytes / 1024).toFixed(1);
  return `${bytes.toLocaleString("en-US")} bytes (${kb} KB) of 16 KB`;
}

/** `null` when the script fits (validate.rs cloud_init), otherwise by how much it does not. */
export function cloudInitError(text: string): string | null {
  const n = utf8Bytes(text);
  if (n <= CLOUD_INIT_MAX_BYTES) return null;
  const num = (x: number) => x.toLocaleString("en-US");
  return `At most 16 KB (${num(CLOUD_INIT_MAX_BYTES)} bytes); this script is ${num(n)} bytes, ${num(n - CLOUD_INIT_MAX_BYTES)} too many.`;
}

/** The draft's form of a rule that passed `validateRule`: ICMP carries no ports at all. */
export function draftRuleOf(d: RuleDraft): DraftRule {
  const base = {
    direction: d.direction,
    protocol: d.protocol,
    ethertype: d.ethertype,
    remote_ip_prefix: d.remote_ip_prefix.trim(),
  };
  if (d.protocol === "icmp") return base;
  return { ...base, port_range_min: Number(d.port_range_min.trim()), port_range_max: Number(d.port_range_max.trim()) };
}

/** A saved rule back in the form's shape, so ruleForm's checks apply to it unchanged. */
export function ruleDraftOf(r: RuleLike): RuleDraft {
  return {
    direction: r.direction as RuleDraft["direction"],
    protocol: r.protocol as RuleDraft["protocol"],
    ethertype: r.ethertype as RuleDraft["ethertype"],
    remote_ip_prefix: r.remote_ip_prefix,
    port_range_min: r.port_range_min == null ? "" : String(r.port_range_min),
    port_range_max: r.port_range_max == null ? "" : String(r.port_range_max),
  };
}

/**
 * What is wrong with each rule of the list (index → message): its own fault first (a saved
 * draft may hold a rule the form would refuse), then a conflict with another rule.
 */
export function ruleProblems(rules: readonly RuleLike[]): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const add = (i: number, m: string) => problems.set(i, [...(problems.get(i) ?? []), m]);
  rules.forEach((r, i) => {
    // ICMP ports and the IP version are conflicts below; the rest is the form's own check.
    const { remote_ip_prefix, port_range_min, port_range_max, ...rest } = validateRule(ruleDraftOf(r));
    const cidr =
      remote_ip_prefix && !/IPv[46] range, but the rule/.test(remote_ip_prefix) ? remote_ip_prefix : undefined;
    const ports = r.protocol.toLowerCase() === "icmp" ? [] : [port_range_min, port_range_max];
    for (const m of [...Object.values(rest), cidr, ...ports]) if (m) add(i, m);
  });
  for (const c of ruleConflicts(rules)) add(c.index, c.message);
  return problems;
}

/**
 * The step's errors, in the order of its fields (the wizard moves focus to the first).
 * Keys are field ids: their DOM ids are `fieldDomId(key)`.
 */
export function validateAdvanced(draft: Draft, secrets: Secrets, scripts?: readonly Script[]): StepErrors {
  const errors: StepErrors = {};
  const problems = ruleProblems(draft.securityRules);
  const first = [...problems.entries()][0];
  if (first) {
    const [index, messages] = first;
    const more = problems.size > 1 ? ` (${problems.size} rules need attention)` : "";
    errors.securityRules = `Rule ${index + 1}: ${messages[0]}${more}`;
  }
  if (draft.jupyterEnabled) {
    const e = jupyterPasswordError(secrets.jupyterPassword);
    if (e) errors.jupyterPassword = e;
  }
  const size = cloudInitError(draft.cloudInit);
  if (size) errors.cloudInit = size;
  // Only when the list is known: a script deleted elsewhere since the draft was saved.
  if (draft.startupScriptId && scripts && !scripts.some((s) => s.id === draft.startupScriptId)) {
    errors.startupScriptId = "The saved script chosen earlier is no longer in your account: pick another one or None.";
  }
  return errors;
}
