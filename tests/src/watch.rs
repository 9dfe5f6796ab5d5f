//! What a journey under hostile answers watches on screen: that the page never goes blank
//! (a watcher inside the page samples it every 100 ms, so a blank flash between two checks
//! is caught too), the words of whatever tells the user something is wrong, and whether the
//! data kept on screen is marked stale.

use crate::page::{js, wait_js};
use crate::App;
use anyhow::{ensure, Result};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Test ids of the elements that say something is wrong (the UI's agreed names).
pub const PROBLEM_IDS: &[&str] = &[
    "offline-screen",
    "offline-banner",
    "key-refused-banner",
    "error-banner",
    "stale-marker",
    "stale-banner",
    "unknown-state-note",
    "app-notice",
];

/// Test ids that mark the data on screen as the last known, not the current.
pub const STALE_IDS: &[&str] = &["stale-marker", "stale-banner"];

/// A script fragment: the selectors of `ids` joined into one CSS selector list.
fn selector_list(ids: &[&str]) -> String {
    let list: Vec<String> = ids
        .iter()
        .map(|id| format!("[data-testid=\"{id}\"]"))
        .collect();
    Value::String(list.join(", ")).to_string()
}

/// Starts the in-page watcher: every 100 ms it notes whether the document shows any text.
/// A page that reloads loses it, which [`assert_never_blank`] reports too (a reload drops
/// the data the user was looking at).
pub async fn watch_blank(app: &App) -> Result<()> {
    js(
        app,
        "if (!window.__e2eBlank) {\
           const w = {samples: 0, blank: 0, firstBlankAt: null, started: Date.now()};\
           window.__e2eBlank = w;\
           setInterval(() => {\
             w.samples += 1;\
             const t = document.body ? document.body.innerText.trim() : '';\
             if (t.length === 0) { w.blank += 1; if (w.firstBlankAt === null) w.firstBlankAt = Date.now() - w.started; }\
           }, 100);\
         }\
         return true;",
    )
    .await
    .map(drop)
}

/// Fails if the watcher ever saw an empty page (or is gone: the page was reloaded);
/// returns how many samples it took.
pub async fn assert_never_blank(app: &App, when: &str) -> Result<u64> {
    let v = js(app, "return window.__e2eBlank || null;").await?;
    ensure!(
        !v.is_null(),
        "{when}: the page's blank-watcher is gone — the page was reloaded and lost what it showed"
    );
    let blank = v["blank"].as_u64().unwrap_or(0);
    ensure!(
        blank == 0,
        "{when}: the page was blank in {blank} of {} samples (first {} ms after the watch began)",
        v["samples"],
        v["firstBlankAt"]
    );
    let text = js(
        app,
        "return document.body ? document.body.innerText.trim().length : 0;",
    )
    .await?;
    ensure!(
        text.as_u64().unwrap_or(0) > 0,
        "{when}: the page shows no text now"
    );
    Ok(v["samples"].as_u64().unwrap_or(0))
}

/// The text of every displayed element that says something is wrong (the problem test ids,
/// `role="alert"`, toasts), one per line.
pub async fn problem_text(app: &App) -> Result<String> {
    let v = js(
        app,
        &format!(
            "const sel = {} + ', [role=\"alert\"], [data-sonner-toast]';\
             const seen = new Set();\
             const out = [];\
             for (const e of document.querySelectorAll(sel)) {{\
               if (!vis(e) || seen.has(e)) continue;\
               let p = e.parentElement, inner = false;\
               while (p) {{ if (seen.has(p)) {{ inner = true; break; }} p = p.parentElement; }}\
               seen.add(e);\
               if (!inner) out.push(e.innerText.trim().replace(/\\s+/g, ' '));\
             }}\
             return out.filter(Boolean).join('\\n');",
            selector_list(PROBLEM_IDS)
        ),
    )
    .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// Whether `text` (any case) contains one of `words`.
pub fn says_any(text: &str, words: &[&str]) -> bool {
    let t = text.to_lowercase();
    words.iter().any(|w| t.contains(&w.to_lowercase()))
}

/// Waits until the problem text (see [`problem_text`]) contains one of `words`; returns it
/// and how long that took.
pub async fn wait_words(
    app: &mut App,
    what: &str,
    words: &[&str],
    within: Duration,
) -> Result<(String, Duration)> {
    let started = Instant::now();
    let deadline = started + within;
    loop {
        let text = problem_text(app).await.unwrap_or_default();
        if says_any(&text, words) {
            return Ok((text, started.elapsed()));
        }
        if Instant::now() > deadline {
            // The shared wait reports the ids on screen and saves a screenshot.
            let last = text.clone();
            wait_js(app, what, "return false;", Duration::ZERO)
                .await
                .map_err(|e| {
                    e.context(format!(
                        "no words {words:?} within {:.1}s; what the screen said was wrong: {last:?}",
                        within.as_secs_f64()
                    ))
                })?;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether a stale mark is displayed.
pub async fn stale_marked(app: &App) -> Result<bool> {
    let v = js(
        app,
        &format!(
            "return Array.from(document.querySelectorAll({})).some(vis);",
            selector_list(STALE_IDS)
        ),
    )
    .await?;
    Ok(v == Value::Bool(true))
}

/// Waits until the data is marked stale; returns the mark's text.
pub async fn wait_stale(app: &mut App, within: Duration) -> Result<String> {
    let v = wait_js(
        app,
        "the data on screen marked stale (stale-marker or stale-banner)",
        &format!(
            "const e = Array.from(document.querySelectorAll({})).find(vis);\
             return e ? (e.innerText.trim() || e.getAttribute('aria-label') || e.title || 'marked') : null;",
            selector_list(STALE_IDS)
        ),
        within,
    )
    .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// Waits until nothing on screen says something is wrong (no problem test id, alert or toast
/// with text), i.e. the app recovered.
pub async fn wait_all_clear(app: &mut App, what: &str, within: Duration) -> Result<Duration> {
    let started = Instant::now();
    wait_js(
        app,
        what,
        &format!(
            "return !Array.from(document.querySelectorAll({})).some(vis);",
            selector_list(PROBLEM_IDS)
        ),
        within,
    )
    .await?;
    Ok(started.elapsed())
}

/// The sum of the emulator's request counts (`{admin}requests`, every operation).
pub fn total_requests(counts: &Value) -> u64 {
    counts
        .as_object()
        .map(|m| m.values().filter_map(Value::as_u64).sum())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_in_any_case() {
        assert!(says_any("Barrack is REDIRECTING elsewhere", &["redirect"]));
        assert!(!says_any("Offline", &["redirect", "moved"]));
    }

    #[test]
    fn totals_add_every_operation() {
        let v = serde_json::json!({"list_instances": 3, "get_balance": 2});
        assert_eq!(total_requests(&v), 5);
        assert_eq!(total_requests(&Value::Null), 0);
    }
}
