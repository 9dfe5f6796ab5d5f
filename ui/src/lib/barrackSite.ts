// The pages of barrack.ai's own site the app sends people to, and the one way it opens
// them: the system browser, through the opener plugin (whose capability allows only
// https://barrack.ai/* and https://docs.barrack.ai/*).

import { openUrl } from "@tauri-apps/plugin-opener";
import { withToast } from "./lazyToast";
import { toAppError } from "./ipc";

/**
 * Barrack's credits page. Inferred: the docs name a "Credits page" in the web dashboard
 * but not its address.
 */
export const CREDITS_URL = "https://barrack.ai/credits";

/**
 * "My Account" on barrack.ai, where the profile (address, postal code, country) is
 * completed. Inferred: the docs name the page (ACCT-01…04) but not its address.
 */
export const ACCOUNT_URL = "https://barrack.ai/account";

/** Opens a barrack.ai page in the browser; when that fails, says where to go by hand. */
export async function openBarrackPage(url: string): Promise<void> {
  try {
    await openUrl(url);
  } catch (e) {
    const description = `Open ${url} yourself. (${toAppError(e).message})`;
    withToast((toast) => toast.error("The browser could not be opened", { description }));
  }
}
