// The Jupyter password rule and its weak/medium/strong meter (DEP-52, rules.md §8). A copy of
// barrack-api's validate::jupyter_password and validate::password_strength
// (crates/barrack-api/src/validate.rs): the thresholds are ours, so both sides must agree.

/** validate.rs JUPYTER_PASSWORD_MIN. */
export const JUPYTER_PASSWORD_MIN = 8;

export type Strength = "weak" | "medium" | "strong";

/** Length in Unicode scalar values, as Rust's `chars().count()` counts (not UTF-16 units). */
export function charCount(value: string): number {
  return [...value].length;
}

/**
 * Weak: shorter than 8, or only one kind of character. Strong: 12 or more with at least
 * three of lower case, upper case, digits and other characters. Medium: the rest.
 * (ASCII classes, as validate.rs: a non-ASCII letter counts as "other".)
 */
export function passwordStrength(value: string): Strength {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  const len = charCount(value);
  if (len < JUPYTER_PASSWORD_MIN || classes <= 1) return "weak";
  if (len >= 12 && classes >= 3) return "strong";
  return "medium";
}

/** `null` when the password may be sent (validate.rs jupyter_password), otherwise why not. */
export function jupyterPasswordError(value: string): string | null {
  if (value === "") return `Required while Jupyter is on: at least ${JUPYTER_PASSWORD_MIN} characters.`;
  const n = charCount(value);
  if (n < JUPYTER_PASSWORD_MIN) return `At least ${JUPYTER_PASSWORD_MIN} characters (it has ${n}).`;
  return null;
}
