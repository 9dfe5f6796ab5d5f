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
    const focus = () => {
      const el = document.getElementById(target.id);
      if (el && document.activeElement !== el) el.focus();
    };
    focus();
    // WebKit's automated (and some real) clicks settle focus on the button after the
    // handlers ran: look again on the next frame.
    const frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [target]);
  return useCallback((id: string) => setTarget((t) => ({ id, n: (t?.n ?? 0) + 1 })), []);
}
