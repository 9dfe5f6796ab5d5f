// The wizard's query keys, apart from its queries: the change feed (loaded at start) needs
// the keys only, not the wizard's code.

export const deployKeys = {
  catalog: ["deploy", "catalog"] as const,
  quote: (model: string, tier: string | null, count: number) => ["deploy", "quote", model, tier, count] as const,
  explain: (body: string) => ["deploy", "explain", body] as const,
  osImages: (region: string) => ["deploy", "os-images", region] as const,
  volumes: (region: string) => ["volumes", "deploy", region] as const,
  images: (region: string) => ["images", "deploy", region] as const,
  snapshots: (region: string) => ["snapshots", "deploy", region] as const,
};
