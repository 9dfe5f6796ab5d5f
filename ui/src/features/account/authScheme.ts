// The auth header scheme as the backend spells it: `bearer`, `x-api-key` or `header:<Name>`.

export type AuthKind = "bearer" | "x-api-key" | "header";

export type AuthSchemeValue = { kind: AuthKind; headerName: string };

export const DEFAULT_AUTH: AuthSchemeValue = { kind: "bearer", headerName: "" };

export function authSchemeText(v: AuthSchemeValue): string {
  return v.kind === "header" ? `header:${v.headerName.trim()}` : v.kind;
}

export function parseAuthScheme(text: string): AuthSchemeValue {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === "bearer" || lower === "x-api-key") return { kind: lower, headerName: "" };
  if (lower.startsWith("header:")) return { kind: "header", headerName: t.slice("header:".length) };
  return DEFAULT_AUTH;
}
