// Addresses into the Snapshots page, so other pages can link to a snapshot or open a dialog on arrival.

export function snapshotsPath({ details, region }: { details?: string; region?: string } = {}): string {
  const p = new URLSearchParams();
  if (region) p.set("region", region);
  if (details) p.set("details", details);
  const q = p.toString();
  return q ? `/snapshots?${q}` : "/snapshots";
}
