import { useState } from "react";
import { useParamAction } from "./useRegionParam";

/**
 * A list page's item dialog: which item is open and for what action. `?details=ID` (a link
 * from another page) opens that item's details until it is closed. `find` looks the id up
 * in the current data, so a dialog shows only while its item exists.
 */
export function useItemDialog<A extends string, T>(find: (id: string) => T | undefined) {
  const [opened, setOpened] = useState<{ action: A | "details"; id: string } | null>(null);
  const [linked, clearLinked] = useParamAction("details");
  const current = opened ?? (linked ? { action: "details" as const, id: linked } : null);
  const item = current ? find(current.id) : undefined;
  return {
    /** The open item and its action, or null. */
    shown: current && item !== undefined ? { action: current.action, item } : null,
    open: (action: A, id: string) => setOpened({ action, id }),
    /** For a dialog's onOpenChange: closing forgets the item (and the link). */
    onOpenChange: (open: boolean) => {
      if (open) return;
      setOpened(null);
      if (linked) clearLinked();
    },
  };
}
