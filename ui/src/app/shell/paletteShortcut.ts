// The palette's shortcut, apart from the palette (cmdk), which loads when first opened.

import { useEffect } from "react";

/** Ctrl/Cmd+K toggles the palette. */
export function usePaletteShortcut(onToggle: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        onToggle();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onToggle]);
}
