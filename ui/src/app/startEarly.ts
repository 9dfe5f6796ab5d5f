// Imported first by main.tsx: the session, the profile's last-known state and (when the
// window opens on the dashboard) the dashboard's data are asked for before the rest of the
// bundle evaluates and React renders, instead of one after the other once it has
// (issue 17: start-up to data, the dashboard after a reload). The backend answers each only
// after its start-up restore; signed out, the overview answers NotSignedIn (no network).

import { commands } from "../bindings";
import { putEarly } from "../lib/early";
import { markStart } from "../lib/startMarks";
import { chunkOfHash, loadPage } from "./shell/pageChunks";

markStart("bundle");

// The page the address shows loads meanwhile too (not after the session answered).
const firstPage = chunkOfHash(window.location.hash);
loadPage(firstPage).catch(() => undefined);
putEarly("getSession", commands.getSession());
putEarly("getLastKnown", commands.getLastKnown());
if (firstPage === "dashboard") {
  putEarly("accountOverview", commands.accountOverview());
}
