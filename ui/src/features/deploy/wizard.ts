// The deploy wizard's shared vocabulary: its steps in the documented order (dashboard.md §3,
// partly inferred), the draft it edits (generated from Rust's `DeployDraft`, kept in
// tauri-plugin-store so it survives a restart), and what every step component receives.

import type { DeployDraft_Serialize } from "../../bindings";

export type Draft = DeployDraft_Serialize;

export const STEPS = ["gpu", "region", "boot", "keys", "advanced", "review"] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_LABELS: Record<StepId, string> = {
  gpu: "GPU",
  region: "Region",
  boot: "Boot source",
  keys: "SSH keys",
  advanced: "Advanced",
  review: "Name & review",
};

/** field id → message. A field id is also the DOM id of its control (`fieldDomId`). */
export type StepErrors = Record<string, string>;

/** The DOM id (and test id prefix) of a wizard field, so focus can move to the first one at fault. */
export function fieldDomId(field: string): string {
  return `deploy-${field}`;
}

/** What each step component gets. `update` merges a patch into the draft and saves it. */
export type StepProps = {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  /** The errors of this step, shown once the user has tried to go on. */
  errors: StepErrors;
};

/** Secrets are never written to the draft file: the Jupyter password lives only in memory. */
export type Secrets = { jupyterPassword: string };
