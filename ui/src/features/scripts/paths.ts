// Addresses into the Startup Scripts page, so the deploy wizard can link to a script.

export function scriptsPath({ details }: { details?: string } = {}): string {
  return details ? `/scripts?${new URLSearchParams({ details }).toString()}` : "/scripts";
}
