// How the Billing page keeps the browser's work near what is on screen.

/**
 * A section below the records: the browser skips its layout and paint until it scrolls near
 * the viewport (`content-visibility: auto`), keeping the size it last had (or 40rem before
 * it was ever shown) so the scrollbar does not jump.
 */
export const OFFSCREEN_UNTIL_NEAR = "[content-visibility:auto] [contain-intrinsic-size:auto_40rem]";
