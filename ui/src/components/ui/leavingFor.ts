import type { FocusEvent } from "react";

/** Marks a form's submit button: leaving a field for it does not count as "left". */
export const SUBMIT_ATTR = { "data-submit": "" } as const;

/**
 * Whether a field loses focus to a submit button. Showing the field's error on that blur
 * moves the layout between the button's mousedown and its click, so the click lands
 * elsewhere and the submit is lost; the submit itself shows the errors instead.
 */
export function leavingForSubmit(e: FocusEvent): boolean {
  const to = e.relatedTarget;
  return to instanceof HTMLElement && to.hasAttribute("data-submit");
}
