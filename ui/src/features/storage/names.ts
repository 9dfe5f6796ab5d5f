// Names of snapshots, images and restored VMs (rules.md §8): the shared character rules
// plus uniqueness, checked as the user types (GEN-03). Barrack compares names without
// regard to case, so "Nightly" clashes with "nightly".

import { NAME_MAX, resourceNameError } from "../instances/names";

export { NAME_MAX };

/** Characters as a person counts them (an emoji is one), for the "n/50" counter. */
export function nameLength(name: string): number {
  return Array.from(name).length;
}

/** `null` when the name is acceptable; otherwise what is wrong, in words. */
export function nameError(name: string, taken: readonly string[], noun: string): string | null {
  const rules = resourceNameError(name);
  if (rules) return rules;
  const wanted = name.trim().toLowerCase();
  if (taken.some((t) => t.trim().toLowerCase() === wanted)) {
    const article = /^[aeiou]/i.test(noun) ? "An" : "A";
    return `${article} ${noun} named "${name.trim()}" already exists (names are compared without case).`;
  }
  return null;
}

/** `{snapshot}-restored`, shortened so that it still fits in 50 characters (SNAP-31). */
export function restoredName(snapshotName: string): string {
  const suffix = "-restored";
  const base = Array.from(snapshotName.trim())
    .slice(0, NAME_MAX - suffix.length)
    .join("");
  return `${base}${suffix}`;
}
