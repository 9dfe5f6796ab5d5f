// First: later modules (uPlot) read navigator.language as they load.
import "./lib/localeGuard";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter } from "react-router";
import { createQueryClient } from "./lib/queryClient";
import { Providers, Root } from "./app/App";
import { applyTheme } from "./lib/theme";
import "./index.css";

// Follow the system until the saved theme is read, so the first frame is not the wrong one.
applyTheme("system");

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <Providers client={createQueryClient()}>
      <HashRouter>
        <Root />
      </HashRouter>
    </Providers>
  </StrictMode>,
);
