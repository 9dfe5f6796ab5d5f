//! Journey group `a11y`: a screenshot of every page in both themes, and axe-core (the npm package the UI's dev dependencies pin) injected
//! once into the real webview, then run on every page of the sidebar in the light and the
//! dark theme, against `barrack-sim --seed sandbox` so each page has data to show. The
//! violations of each page are printed (`a11y <theme> <page>: …`); the journey fails on
//! any serious or critical one, naming the rule and the elements.
//!
//! Run with `scripts/e2e a11y`; elsewhere it prints why it skipped.

use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use barrack_e2e::{
    finish, journey, js, sign_in, tid, wait_js, wear_theme, workspace_root, App, Journey, STEP,
};
use serde_json::Value;

const SANDBOX: &[&str] = &["--seed", "sandbox"];

/// How long a page may show "Loading…" before it is checked as it is.
const SETTLE: Duration = Duration::from_secs(10);

/// One axe rule broken on a page.
#[derive(Debug)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    targets: Vec<String>,
}

journey!(
    a11y_every_page_light_and_dark,
    "a11y_every_page",
    every_page
);

/// Every sidebar page, light then dark: axe's violations counted and printed; none serious
/// or critical.
async fn every_page(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let app = &mut s.app;
    inject_axe(app).await?;
    let pages: Vec<String> = serde_json::from_value(
        js(
            app,
            "return [...document.querySelectorAll('[data-testid^=\"nav-\"]')]\
               .map((e) => e.dataset.testid.slice(4));",
        )
        .await?,
    )?;
    if pages.len() < 10 {
        bail!("the sidebar lists {} pages: {pages:?}", pages.len());
    }
    let mut serious = Vec::new();
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        wear_theme(app, dark).await?;
        for page in &pages {
            open(app, page).await?;
            app.screenshot(&format!("{page}-{theme}")).await?;
            let found = run_axe(app)
                .await
                .with_context(|| format!("axe on {page}"))?;
            let bad: Vec<&Violation> = found
                .iter()
                .filter(|v| matches!(v.impact.as_deref(), Some("serious" | "critical")))
                .collect();
            println!(
                "a11y {theme} {page}: {} violations, {} serious or critical{}",
                found.len(),
                bad.len(),
                if found.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({})",
                        found
                            .iter()
                            .map(|v| format!("{} {}", v.id, v.impact.as_deref().unwrap_or("?")))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            );
            for v in bad {
                serious.push(format!(
                    "{theme} {page}: {} ({}) — {} at {}",
                    v.id,
                    v.impact.as_deref().unwrap_or("?"),
                    v.help,
                    v.targets.join(" | ")
                ));
            }
        }
    }
    wear_theme(app, false).await?;
    if !serious.is_empty() {
        bail!(
            "{} serious or critical accessibility violations:\n{}",
            serious.len(),
            serious.join("\n")
        );
    }
    j.log(format!(
        "{} pages × 2 themes: no serious or critical violation",
        pages.len()
    ));
    finish(s).await
}

/// axe-core's script, evaluated once in the page (WebDriver scripts are not bound by the CSP).
async fn inject_axe(app: &App) -> Result<()> {
    let path = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path)
        .with_context(|| format!("read {} (cd ui && npm ci)", path.display()))?;
    let kind = app
        .client()
        .execute(&format!("{source}\nreturn typeof window.axe;"), vec![])
        .await
        .context("evaluate axe-core")?;
    if kind != "object" {
        bail!("axe-core did not load: window.axe is {kind}");
    }
    Ok(())
}

/// Sidebar → `page`; waits for it and, within [`SETTLE`], for its data.
async fn open(app: &mut App, page: &str) -> Result<()> {
    app.click(&tid(&format!("nav-{page}")), STEP).await?;
    app.wait_for(&tid(&format!("page-{page}")), STEP).await?;
    // Data or not, the page is checked: a page that only says "Loading…" is checked so.
    let _ = wait_js(
        app,
        "the page's data",
        "return !/Loading/.test(document.querySelector('main')?.innerText ?? '');",
        SETTLE,
    )
    .await;
    app.next_frame().await;
    Ok(())
}

/// axe's violations on the document as it is now (WCAG 2.1 A and AA rules and best practices).
async fn run_axe(app: &App) -> Result<Vec<Violation>> {
    let v = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {resultTypes: ['violations']}).then(\
               (r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,\
                 targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))}))),\
               (e) => done({error: String(e && e.message || e)}));",
            vec![],
        )
        .await?;
    if let Some(e) = v.get("error") {
        return Err(anyhow!("axe.run failed: {e}"));
    }
    let text = |v: &Value, k: &str| v[k].as_str().map(str::to_owned);
    Ok(v.as_array()
        .ok_or_else(|| anyhow!("axe.run answered {v}"))?
        .iter()
        .map(|v| Violation {
            id: text(v, "id").unwrap_or_default(),
            impact: text(v, "impact"),
            help: text(v, "help").unwrap_or_default(),
            targets: v["targets"]
                .as_array()
                .map(|t| {
                    t.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect())
}
