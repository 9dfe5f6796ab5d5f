import { useCallback, useEffect, useState } from "react";

/**
 * Moves focus to an element by id after the next render. Focusing inside a click handler is
 * undone in WebKit when the click finishes on the button, and the field may only now show
 * its error; an effect runs once the DOM is settled, and again a frame later. Each request focuses, even the same id.
 */
export function useFocusRequest(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(target.id);
    if (!el) return;
    if (document.activeElement !== el) el.focus();
    // WebKit's automated (and some real) clicks settle focus on the clicked button after the
    // handlers ran: look again on the next frame — but only take focus back from a button
    // or from nowhere, never from a field the user has meanwhile started typing in.
    const frame = requestAnimationFrame(() => {
      const now = document.activeElement;
      const idle = !now || now === document.body || now.tagName === "BUTTON";
      if (idle && now !== el) el.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [target]);
  return useCallback((id: string) => setTarget((t) => ({ id, n: (t?.n ?? 0) + 1 })), []);
}
