// The name check every feature's form shares (VMs, volumes, snapshots, images, firewalls,
// scripts): one Check, asked with the noun of what is named and the names already in use.

import { commands, type FieldError, type NameCheck_Serialize, type NameForm_Deserialize } from "../bindings";
import type { Check } from "./useCheck";

export const resourceNameCheck: Check<NameForm_Deserialize, NameCheck_Serialize> = {
  name: "resourceName",
  run: (form) => commands.checkResourceName(form),
};

/** The first message the backend gave for `field`, or `null` (an answer not yet in: nothing). */
export function errorAt(errors: readonly FieldError[] | undefined, field: string): string | null {
  return errors?.find((e) => e.field === field)?.message ?? null;
}
