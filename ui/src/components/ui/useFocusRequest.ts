import { useCallback, useEffect, useState } from "react";

/**
 * Moves focus to an element by id after the next render. Focusing inside a click handler is
 * undone in WebKit when the click finishes on the button, and the field may only now show
 * its error; an effect runs once the DOM is settled. Each request focuses, even the same id.
 */
export function useFocusRequest(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return useCallback((id: string) => setTarget((t) => ({ id, n: (t?.n ?? 0) + 1 })), []);
}
