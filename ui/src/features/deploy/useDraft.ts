// The draft survives a restart (Deliver 5): read once when the wizard opens, written 300 ms
// after the last change (and at once on a step change or when the wizard closes), and
// dropped by "Discard draft" or a deployment that went through.

import { useCallback, useEffect, useRef, useState } from "react";
import { call } from "../../lib/ipc";
import { commands } from "../../bindings";
import { emptyDraft, normalizeDraft } from "./draft";
import type { Draft } from "./wizard";

export const DRAFT_SAVE_DELAY_MS = 300;

function save(draft: Draft) {
  // A failed save only loses the draft across a restart: nothing to interrupt the user for.
  call(commands.saveDeployDraft(draft)).catch(() => {});
}

export type DraftState = {
  /** null until the saved draft is read. */
  draft: Draft | null;
  /** Replaces the draft; `now` writes it at once (a step change). */
  setDraft: (next: Draft, now?: boolean) => void;
  /** Forgets the draft on disk and starts afresh. */
  discard: () => Promise<void>;
};

export function useDraft(): DraftState {
  const [draft, setState] = useState<Draft | null>(null);
  const pending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current) save(pending.current);
    pending.current = null;
  }, []);

  useEffect(() => {
    let gone = false;
    call(commands.getDeployDraft())
      .then((d) => !gone && setState(normalizeDraft(d)))
      .catch(() => !gone && setState(emptyDraft()));
    return () => {
      gone = true;
    };
  }, []);

  // Leaving the wizard keeps the last keystrokes.
  useEffect(() => flush, [flush]);

  const setDraft = useCallback(
    (next: Draft, now = false) => {
      setState(next);
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      if (now) flush();
      else timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setState(emptyDraft());
    await call(commands.discardDeployDraft()).catch(() => {});
  }, []);

  return { draft, setDraft, discard };
}
