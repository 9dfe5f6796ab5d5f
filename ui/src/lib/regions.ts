// The region filter of the Snapshots and Images pages (SNAP-01, IMG-03). Data for every
// region comes in one request; the filter is applied here, so switching costs nothing.

/** Barrack's regions (GEN-04); regions seen in the data are added to these. */
export const KNOWN_REGIONS = ["CANADA-1", "NORWAY-1", "US-1"] as const;

/** The filter value meaning "every region". */
export const ALL_REGIONS = "";

export function regionOptions(seen: Iterable<string>): string[] {
  const all = new Set<string>(KNOWN_REGIONS);
  for (const r of seen) if (r) all.add(r);
  return [...all].sort();
}

export function inRegion(itemRegion: string, filter: string): boolean {
  return filter === ALL_REGIONS || itemRegion === filter;
}
