//! Journey group `a11y`: a screenshot of every page in both themes, and axe-core (the npm package the UI's dev dependencies pin) injected
//! once into the real webview, then run on every page of the sidebar in the light and the
//! dark theme, against `barrack-sim --seed sandbox` so each page has data to show. The
//! violations of each page are printed (`a11y <theme> <page>: …`); the journey fails on
//! any serious or critical one, naming the rule and the elements.
//!
//! The keyboard journey walks every sidebar page with Tab (keys sent to the focused
//! element through WebDriver): each stop must be visible and show a focus ring, the page's
//! main actions must be reached, nothing in the page may answer the mouse only, and a
//! Create dialog keeps Tab inside and gives focus back on Escape. The stops checked per
//! page are printed (`a11y keyboard <page>: …`).
//!
//! Run with `scripts/e2e a11y`; elsewhere it prints why it skipped.

use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use barrack_e2e::{
    finish, journey, js, sign_in, tid, wait_js, wear_theme, workspace_root, App, Journey, STEP,
};
use fantoccini::key::Key;
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

journey!(
    a11y_keyboard_reaches_every_action,
    "a11y_keyboard",
    keyboard_every_page
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

/// The most Tab presses one page is walked with (the sandbox's pages need fewer: a walk that
/// ends sooner has been round the whole page).
const MAX_STOPS: usize = 250;

/// The most Tabs focus may stay on one element: a date field's parts (month, day, year).
const FIELD_PARTS: usize = 4;

/// The page whose Create dialog is checked for its focus trap.
const DIALOG_PAGE: &str = "firewalls";

/// What the focused element is, seen from the page (see [`FOCUSED`]).
#[derive(Debug, Clone)]
struct Stop {
    /// `None`: nothing is focused (the body): the walk has left the page's end.
    key: Option<u64>,
    desc: String,
    visible: bool,
    ring: bool,
    in_dialog: bool,
    /// Where it is, for the message when it is not visible.
    rect: String,
}

/// Names each element once (a number kept in a WeakMap, the DOM untouched) and says what
/// the focused one is: visible (a box, in the viewport, not hidden or transparent) and with
/// a focus indicator (a computed outline or box-shadow).
const PRELUDE_KEYS: &str = "window.__a11yKeys = window.__a11yKeys || new WeakMap();\
     window.__a11yNext = window.__a11yNext || 0;\
     const keyOf = (e) => { let k = __a11yKeys.get(e); if (!k) { k = ++window.__a11yNext; __a11yKeys.set(e, k); } return k; };\
     const describe = (e) => { const t = e.getAttribute('data-testid');\
       const name = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 40);\
       return e.tagName.toLowerCase() + (t ? `[${t}]` : '') + (name ? ` \"${name}\"` : ''); };";

const FOCUSED: &str = "const e = document.activeElement;\
     if (!e || e === document.body || e === document.documentElement) return {key: null};\
     const r = e.getBoundingClientRect(); const cs = getComputedStyle(e);\
     const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;\
     const visible = r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0 && inView;\
     const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;\
     const shadow = !!cs.boxShadow && cs.boxShadow !== 'none';\
     return {key: keyOf(e), desc: describe(e), visible, ring: outline || shadow,\
       box: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${innerWidth}×${innerHeight}`,\
       inDialog: !!e.closest('[role=dialog]')};";

async fn focused_stop(app: &App) -> Result<Stop> {
    let v = js(app, &format!("{PRELUDE_KEYS}{FOCUSED}")).await?;
    Ok(Stop {
        key: v["key"].as_u64(),
        desc: v["desc"].as_str().unwrap_or_default().to_owned(),
        visible: v["visible"].as_bool().unwrap_or(false),
        ring: v["ring"].as_bool().unwrap_or(false),
        in_dialog: v["inDialog"].as_bool().unwrap_or(false),
        rect: v["box"].as_str().unwrap_or_default().to_owned(),
    })
}

/// Presses `key` (with Shift held when `shift`) as a person at the keyboard does: WebDriver
/// key actions go to whatever has focus (sending keys to the focused *element* would focus
/// it again first, which puts a date field back on its first part). Where the driver has
/// no key actions, the keys are sent to the focused element.
async fn press(app: &App, key: Key, shift: bool) -> Result<()> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let (k, sh) = (char::from(key), char::from(Key::Shift));
    let mut keys = KeyActions::new("keyboard".into());
    if shift {
        keys = keys.then(KeyAction::Down { value: sh });
    }
    keys = keys
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k });
    if shift {
        keys = keys.then(KeyAction::Up { value: sh });
    }
    if app.client().perform_actions(keys).await.is_ok() {
        return Ok(());
    }
    let text = if shift {
        Key::Shift + &k.to_string()
    } else {
        k.to_string()
    };
    app.client()
        .active_element()
        .await?
        .send_keys(&text)
        .await
        .context("send keys to the focused element")
}

/// Focus back at the top of the document (the next Tab goes to its first stop).
async fn from_the_top(app: &App) -> Result<()> {
    js(
        app,
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true;",
    )
    .await?;
    Ok(())
}

/// (key, description) of the elements matched by a script's `list`.
async fn keyed(app: &App, list: &str) -> Result<Vec<(u64, String)>> {
    let v = js(
        app,
        &format!("{PRELUDE_KEYS} return ({list}).map((e) => [keyOf(e), describe(e)]);"),
    )
    .await?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p[0].as_u64()?, p[1].as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default())
}

/// The page's main actions: the enabled buttons and links of its header, and its primary
/// buttons (deploy, add credits, save…).
const MAIN_ACTIONS: &str =
    "[...document.querySelectorAll('[data-testid=page-actions] :is(button, a[href]), main button[data-variant=primary]')]\
     .filter((e) => !e.disabled && e.getClientRects().length > 0)";

/// Everything in the page Tab should reach: enabled, shown, in the tab order.
const TABBABLE: &str = "[...document.querySelectorAll('main :is(a[href], button, input, select, textarea, summary, [tabindex])')]\
     .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0\
       && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert], [aria-hidden=true]'))";

/// What answers the mouse but not the keyboard: a pointer cursor on something that is not
/// focusable, is not inside something focusable (or a label) and holds nothing focusable
/// (the outermost only: the cursor is inherited).
const MOUSE_ONLY: &str = "[...document.querySelectorAll('main *')].filter((e) => {\
       if (getComputedStyle(e).cursor !== 'pointer') return false;\
       if (e.parentElement && getComputedStyle(e.parentElement).cursor === 'pointer') return false;\
       const focusable = 'a[href], button, input, select, textarea, summary, label, [tabindex]';\
       if (e.closest(focusable)) return false;\
       if (e.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')) return false;\
       return e.getClientRects().length > 0; })";

/// One page walked with Tab: every stop visible with a focus ring; how many stops, and
/// the keys seen (in order).
struct Walk {
    stops: Vec<Stop>,
    /// The walk went all the way round (back to the body or to its first stop).
    complete: bool,
}

async fn walk(app: &App, problems: &mut Vec<String>, page: &str) -> Result<Walk> {
    from_the_top(app).await?;
    let mut stops: Vec<Stop> = Vec::new();
    let mut complete = false;
    let mut same = 0;
    for _ in 0..MAX_STOPS {
        press(app, Key::Tab, false).await?;
        let stop = focused_stop(app).await?;
        let Some(key) = stop.key else {
            complete = true;
            break;
        };
        if stops.first().and_then(|s| s.key) == Some(key) {
            complete = true;
            break;
        }
        // A date field takes a Tab for each of its parts: focus stays on it a few times.
        if stops.last().and_then(|s| s.key) == Some(key) {
            same += 1;
            if same > FIELD_PARTS {
                problems.push(format!("{page}: Tab does not move on from {}", stop.desc));
                break;
            }
            continue;
        }
        same = 0;
        // Scrolling it into view may take a frame.
        let stop = if stop.visible {
            stop
        } else {
            app.next_frame().await;
            focused_stop(app).await?
        };
        if !stop.visible {
            problems.push(format!(
                "{page}: focus on {} which is not visible (at {})",
                stop.desc, stop.rect
            ));
        }
        if !stop.ring {
            problems.push(format!("{page}: {} shows no focus ring", stop.desc));
        }
        stops.push(stop);
    }
    Ok(Walk { stops, complete })
}

/// Every sidebar page walked with Tab; then a Create dialog's focus trap.
async fn keyboard_every_page(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let app = &mut s.app;
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
    let mut problems = Vec::new();
    let mut total = 0;
    for page in &pages {
        open(app, page).await?;
        let main = keyed(app, MAIN_ACTIONS).await?;
        let walk = walk(app, &mut problems, page).await?;
        let seen: std::collections::HashSet<u64> =
            walk.stops.iter().filter_map(|s| s.key).collect();
        for (key, desc) in &main {
            if !seen.contains(key) {
                problems.push(format!(
                    "{page}: the main action {desc} is not reached by Tab"
                ));
            }
        }
        let mut unreached = 0;
        if walk.complete {
            for (key, desc) in keyed(app, TABBABLE).await? {
                if !seen.contains(&key) {
                    unreached += 1;
                    problems.push(format!("{page}: {desc} is never reached by Tab"));
                }
            }
        }
        let mouse_only = keyed(app, MOUSE_ONLY).await?;
        for (_, desc) in &mouse_only {
            problems.push(format!("{page}: {desc} answers the mouse only"));
        }
        total += walk.stops.len();
        println!(
            "a11y keyboard {page}: {} stops checked{}, {} of {} main actions reached, {} unreached, {} mouse-only",
            walk.stops.len(),
            if walk.complete { "" } else { " (walk cut short)" },
            main.iter().filter(|(k, _)| seen.contains(k)).count(),
            main.len(),
            unreached,
            mouse_only.len()
        );
    }
    dialog_keeps_focus(app, &mut problems).await?;
    for dark in [false, true] {
        ring_contrast(app, dark, &mut problems).await?;
    }
    wear_theme(app, false).await?;
    // Each problem once (a stop seen again says the same).
    let mut said = std::collections::HashSet::new();
    problems.retain(|p| said.insert(p.clone()));
    if !problems.is_empty() {
        bail!(
            "{} keyboard problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    j.log(format!(
        "{} pages walked with Tab, {total} stops, each visible with a focus ring",
        pages.len()
    ));
    finish(s).await
}

/// The focus ring against the page's background, in one theme: at least 3:1 (WCAG 1.4.11,
/// non-text contrast), on the page's first stop.
async fn ring_contrast(app: &mut App, dark: bool, problems: &mut Vec<String>) -> Result<()> {
    let theme = if dark { "dark" } else { "light" };
    wear_theme(app, dark).await?;
    from_the_top(app).await?;
    press(app, Key::Tab, false).await?;
    let v = js(
        app,
        "const e = document.activeElement; const cs = getComputedStyle(e);\
         const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);\
         const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };\
           const [r, g, b] = rgb(c); return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };\
         const bg = getComputedStyle(document.body).backgroundColor;\
         const a = lum(cs.outlineColor), b = lum(bg);\
         return {ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), ring: cs.outlineColor, bg};",
    )
    .await?;
    let ratio = v["ratio"].as_f64().unwrap_or(0.0);
    println!(
        "a11y keyboard {theme}: focus ring {} on {}: {ratio:.2}:1",
        v["ring"], v["bg"]
    );
    if ratio < 3.0 {
        problems.push(format!(
            "{theme}: the focus ring {} stands out only {ratio:.2}:1 from the page {} (3:1 wanted)",
            v["ring"], v["bg"]
        ));
    }
    Ok(())
}

/// The Create dialog of [`DIALOG_PAGE`], opened from the keyboard: Tab and Shift+Tab stay
/// inside it, Escape closes it and focus is back on the Create button.
async fn dialog_keeps_focus(app: &mut App, problems: &mut Vec<String>) -> Result<()> {
    open(app, DIALOG_PAGE).await?;
    let create = keyed(
        app,
        "[...document.querySelectorAll('[data-testid=page-actions] button')].filter((e) => /Create/.test(e.innerText) && !e.disabled)",
    )
    .await?;
    let Some((create_key, create_desc)) = create.first().cloned() else {
        bail!("{DIALOG_PAGE}: no enabled Create button in the page's actions");
    };
    from_the_top(app).await?;
    let mut on_create = false;
    for _ in 0..MAX_STOPS {
        press(app, Key::Tab, false).await?;
        if focused_stop(app).await?.key == Some(create_key) {
            on_create = true;
            break;
        }
    }
    if !on_create {
        bail!("{DIALOG_PAGE}: Tab never reached {create_desc}");
    }
    press(app, Key::Enter, false).await?;
    wait_js(
        app,
        "the Create dialog",
        "return !!document.querySelector('[role=dialog]') && !!document.activeElement?.closest('[role=dialog]');",
        STEP,
    )
    .await?;
    let mut cycle: Vec<Stop> = vec![focused_stop(app).await?];
    let mut wrapped = false;
    for _ in 0..60 {
        press(app, Key::Tab, false).await?;
        let stop = focused_stop(app).await?;
        if !stop.in_dialog {
            problems.push(format!(
                "{DIALOG_PAGE} dialog: Tab left the dialog for {}",
                stop.desc
            ));
            break;
        }
        if !stop.ring || !stop.visible {
            problems.push(format!(
                "{DIALOG_PAGE} dialog: {} (visible {}, focus ring {})",
                stop.desc, stop.visible, stop.ring
            ));
        }
        if stop.key == cycle[0].key {
            wrapped = true;
            break;
        }
        cycle.push(stop);
    }
    if !wrapped {
        problems.push(format!(
            "{DIALOG_PAGE} dialog: Tab did not come round to the first element in 60 presses"
        ));
    }
    // Back on the first: Shift+Tab goes to the last.
    press(app, Key::Tab, true).await?;
    let back = focused_stop(app).await?;
    if wrapped && back.key != cycle.last().and_then(|s| s.key) {
        problems.push(format!(
            "{DIALOG_PAGE} dialog: Shift+Tab from the first element went to {}, not the last ({})",
            back.desc,
            cycle.last().map(|s| s.desc.as_str()).unwrap_or("?")
        ));
    }
    press(app, Key::Escape, false).await?;
    wait_js(
        app,
        "the dialog to close",
        "return !document.querySelector('[role=dialog]');",
        STEP,
    )
    .await?;
    app.next_frame().await;
    let after = focused_stop(app).await?;
    if after.key != Some(create_key) {
        problems.push(format!(
            "{DIALOG_PAGE} dialog: after Escape focus is on {}, not on {create_desc}",
            if after.key.is_none() {
                "nothing"
            } else {
                after.desc.as_str()
            }
        ));
    }
    println!(
        "a11y keyboard {DIALOG_PAGE} dialog: {} stops, Tab {} inside, Shift+Tab to the last {}, focus back on Create {}",
        cycle.len(),
        if wrapped { "stays" } else { "does not stay" },
        if back.key == cycle.last().and_then(|s| s.key) { "yes" } else { "no" },
        if after.key == Some(create_key) { "yes" } else { "no" }
    );
    Ok(())
}
