import { useState } from "react";
import type { NameNoun } from "../bindings";
import { withoutFieldPrefix } from "../features/settings/preferences";
import { errorAt, resourceNameCheck } from "./checks";
import type { AppError } from "./ipc";
import { useCheck, useCheckNow } from "./useCheck";

/**
 * A new resource's name as its dialog's NameField edits it (GEN-03). Rust checks it
 * (unique among `taken`): the answer shows once the user typed or tried to submit — at once
 * for a suggested name — and the server's refusal shows until the next change.
 *
 * `suggested` is a name to start from (`undefined` while it is being worked out); without
 * one (`null`) the field starts empty.
 */
export type ResourceName = ReturnType<typeof useResourceName>;

export function useResourceName(noun: NameNoun, taken: readonly string[], suggested: string | null | undefined = null) {
  const checkNow = useCheckNow();
  const [typed, setTyped] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const name = typed ?? suggested ?? "";
  const shown = typed !== null || tried || typeof suggested === "string";
  const form = { name, noun, taken: [...taken] };
  const answer = useCheck(resourceNameCheck, form, shown).data;

  /** The name as Rust accepts it, for exactly what is in the field now; null when refused. */
  async function accept(): Promise<string | null> {
    setTried(true);
    return (await checkNow(resourceNameCheck, form)).value ?? null;
  }

  return {
    /** Known: typed, or the suggestion is in. */
    known: typed !== null || suggested !== undefined,
    /** What NameField takes. */
    field: {
      value: name,
      error: (shown ? errorAt(answer?.errors, "name") : null) ?? refusal,
      onChange: (value: string) => {
        setTyped(value);
        setRefusal(null);
      },
    },
    /** Sends with the name as Rust accepts it now; sends nothing when it is refused. */
    async whenAccepted(send: (name: string) => Promise<unknown>): Promise<void> {
      const accepted = await accept();
      if (accepted != null) await send(accepted);
    },
    /** The server's refusal of the name, if that is what it refused. */
    refused(err: AppError) {
      if (err.field === "name") setRefusal(withoutFieldPrefix(err.serverMessage, "name"));
    },
  };
}
