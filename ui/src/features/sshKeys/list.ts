// The SSH Keys page's list (SSH-11): searched by name, filtered by region, sorted by name or
// creation date, a page at a time.

import { ALL_REGIONS } from "../../lib/regions";
import { keyRegions } from "./keyInfo";
import type { SshKey } from "./queries";

export const KEY_SORTS = {
  newest: "Newest first",
  oldest: "Oldest first",
  name: "Name (A–Z)",
} as const;

export type KeySort = keyof typeof KEY_SORTS;

/** Keys per page of the table. */
export const KEYS_PER_PAGE = 10;

function created(k: SshKey): number {
  const t = k.created_at ? Date.parse(k.created_at) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

const byName = (a: SshKey, b: SshKey) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });

/** The keys whose name holds `search` (any case), in `region`, in the order asked. */
export function shownKeys(keys: readonly SshKey[], search: string, region: string, sort: KeySort): SshKey[] {
  const needle = search.trim().toLowerCase();
  const shown = keys.filter(
    (k) =>
      (!needle || k.name.toLowerCase().includes(needle)) && (region === ALL_REGIONS || keyRegions(k).includes(region)),
  );
  const order: Record<KeySort, (a: SshKey, b: SshKey) => number> = {
    name: byName,
    newest: (a, b) => created(b) - created(a) || byName(a, b),
    oldest: (a, b) => created(a) - created(b) || byName(a, b),
  };
  return shown.sort(order[sort]);
}
