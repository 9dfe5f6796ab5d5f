// The storage features' backend answers: the name offered for a VM restored from a snapshot.

import { commands } from "../../bindings";
import type { Check } from "../../lib/useCheck";

/** `{snapshot}-restored`, within the name limit, as Rust makes it (SNAP-31). */
export const restoredNameCheck: Check<string, string> = {
  name: "restoredName",
  run: (snapshotName) => commands.suggestRestoredName(snapshotName),
};
