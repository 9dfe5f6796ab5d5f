// The input rules' case table, written by Rust (src-tauri/commands/form_cases.rs →
// generated/formCases.json): the fake backend answers the `check_*` commands from it, so a
// component test shows exactly what the Rust rules answer — never a TypeScript copy of them.
// An input the table does not hold is refused loudly (the form shows nothing for it): add
// the case in Rust, where its answer is computed.

import rawCases from "../generated/formCases.json";

export type FormCase = { command: string; input: Record<string, unknown>; output: unknown };

export const FORM_CASES: readonly FormCase[] = rawCases as FormCase[];

/** JSON with sorted keys and without null or undefined members: how an input is looked up. */
export function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== null && x !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, norm(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(norm(value));
}

const TABLE = new Map<string, Map<string, unknown>>();
for (const c of FORM_CASES) {
  if (!TABLE.has(c.command)) TABLE.set(c.command, new Map());
  TABLE.get(c.command)!.set(canonical(c.input), c.output);
}

/** The rules' commands, answered from the table (mockBackend installs these by default). */
export const FORM_CASE_HANDLERS: Record<string, (args: Record<string, unknown>) => unknown> = Object.fromEntries(
  [...TABLE.keys()].map((command) => [
    command,
    (args: Record<string, unknown>) => {
      const key = canonical(args);
      const answers = TABLE.get(command)!;
      if (!answers.has(key)) {
        throw {
          code: "Internal",
          message: `no case for ${command} ${key}: add it to src-tauri/commands/form_cases.rs`,
        };
      }
      const output = answers.get(key);
      // A command that can refuse is recorded as {ok} or {error} (form_cases.rs `answer`).
      if (output && typeof output === "object" && Object.keys(output).length === 1) {
        if ("ok" in output) return (output as { ok: unknown }).ok;
        if ("error" in output) throw (output as { error: unknown }).error;
      }
      return output;
    },
  ]),
);

/** The cases of one command. */
export function casesOf(command: string): FormCase[] {
  return FORM_CASES.filter((c) => c.command === command);
}
