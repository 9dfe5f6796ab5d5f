import { useCallback, useRef } from "react";

/**
 * Runs `submit` unless the previous one is still out: a double click can arrive before the
 * button re-renders as disabled. Rejections are swallowed (the mutation shows its error).
 */
export function useSubmitGuard() {
  const busy = useRef(false);
  return useCallback(async (submit: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await submit();
    } catch {
      // Shown by the mutation's own error handling.
    } finally {
      busy.current = false;
    }
  }, []);
}
