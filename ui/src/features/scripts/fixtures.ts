// Scripts for tests, shaped as the backend sends them.

import type { Script } from "./queries";

export function scriptOf(name: string, patch: Partial<Script> = {}): Script {
  return {
    id: `scr-${name.replace(/\W+/g, "-")}`,
    name,
    description: null,
    content: "#!/bin/bash\necho ready\n",
    created_at: "2026-01-05T10:00:00Z",
    updated_at: "2026-01-06T10:00:00Z",
    ...patch,
  };
}

/** The whole list response. */
export function scriptListOf(scripts: readonly Script[]) {
  return { success: true, message: null, scripts: [...scripts], request_id: null };
}
