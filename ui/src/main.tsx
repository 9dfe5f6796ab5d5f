// First: later modules (uPlot) read navigator.language as they load.
import "./lib/localeGuard";
// Second: the start's first questions go out before the rest evaluates.
import "./app/startEarly";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter } from "react-router";
import { createQueryClient } from "./lib/queryClient";
import { Providers, Root } from "./app/App";
import { applyTheme } from "./lib/theme";
import { prefetchDashboardAtStart } from "./features/dashboard/prefetch";
import { primeAtStart } from "./app/primeAtStart";
import "./index.css";
import { markStart } from "./lib/startMarks";

// The dashboard's data, asked for by startEarly, is under way in its cache before any page
// mounts (the page's own query joins it).
const client = createQueryClient();
const dashboard = prefetchDashboardAtStart(client);

// Follow the system until the saved theme is read, so the first frame is not the wrong one.
applyTheme("system");

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

// The first frame is the signed-in shell with its data when the early answers come in time.
// Whatever happens while priming, React renders (a window never stays blank).
void primeAtStart(client, dashboard)
  .catch(() => undefined)
  .then(() => {
    markStart("render");
    createRoot(root).render(
      <StrictMode>
        <Providers client={client}>
          <HashRouter>
            <Root />
          </HashRouter>
        </Providers>
      </StrictMode>,
    );
  });
