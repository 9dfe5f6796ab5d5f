// Addresses into the storage pages, so other pages (and each other) can link to a snapshot
// or image, or open a dialog on arrival.

export function snapshotsPath({ details, region }: { details?: string; region?: string } = {}): string {
  const p = new URLSearchParams();
  if (region) p.set("region", region);
  if (details) p.set("details", details);
  const q = p.toString();
  return q ? `/snapshots?${q}` : "/snapshots";
}

export function imagesPath({ details, create }: { details?: string; create?: string } = {}): string {
  const p = new URLSearchParams();
  if (details) p.set("details", details);
  if (create) p.set("create", create);
  const q = p.toString();
  return q ? `/images?${q}` : "/images";
}
