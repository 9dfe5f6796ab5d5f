// Names of VMs, snapshots, volumes, images and firewalls (rules.md §8): 1–50 letters,
// digits, spaces, "-", "_" and "." — the same check as barrack-api's validate::resource_name.

export const NAME_MAX = 50;

const ALLOWED = /^[A-Za-z0-9 _.-]$/;

/** `null` when the name is acceptable, otherwise what is wrong with it. */
export function resourceNameError(name: string): string | null {
  const chars = Array.from(name);
  if (chars.length === 0 || name.trim() === "") return "A name is required.";
  if (chars.length > NAME_MAX) return `At most ${NAME_MAX} characters (it has ${chars.length}).`;
  const bad = chars.find((c) => !ALLOWED.test(c));
  if (bad !== undefined) return `Only letters, digits, spaces, "-", "_" and "." are allowed; found "${bad}".`;
  return null;
}
