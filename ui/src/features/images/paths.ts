// Addresses into the Images page, so other pages can link to an image or open a dialog on arrival.

export function imagesPath({ details, create }: { details?: string; create?: string } = {}): string {
  const p = new URLSearchParams();
  if (details) p.set("details", details);
  if (create) p.set("create", create);
  const q = p.toString();
  return q ? `/images?${q}` : "/images";
}
