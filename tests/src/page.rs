//! The page through JavaScript: scripts that start with [`PRELUDE`] (`vis`, `first`,
//! `shown`, `text`), polled with deadlines ([`wait_js`], [`wait_gone`]), and small readers
//! and actions on test ids.

use crate::{tid, App, STEP};
use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Helpers every script starts with: `shown(sel)`, `text(sel)` (of the first displayed match).
pub const PRELUDE: &str = "const vis = (e) => e.getClientRects().length > 0;\
    const first = (s) => Array.from(document.querySelectorAll(s)).find(vis) || null;\
    const shown = (s) => first(s) !== null;\
    const text = (s) => { const e = first(s); return e ? e.innerText.trim() : null; };";

/// A test id's selector as a JavaScript string literal.
pub fn q(test_id: &str) -> String {
    Value::String(tid(test_id)).to_string()
}

/// A Rust string as a JavaScript string literal.
pub fn js_str(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

/// Runs `body` (after [`PRELUDE`]) in the page.
pub async fn js(app: &App, body: &str) -> Result<Value> {
    app.client()
        .execute(&format!("{PRELUDE}{body}"), vec![])
        .await
        .with_context(|| format!("run script {body}"))
}

/// Polls `body` every 100 ms until it returns something other than null, false or "".
pub async fn wait_js(app: &mut App, what: &str, body: &str, within: Duration) -> Result<Value> {
    let deadline = Instant::now() + within;
    let mut last_err = None;
    loop {
        match js(app, body).await {
            Ok(Value::Null | Value::Bool(false)) => {}
            Ok(Value::String(s)) if s.is_empty() => {}
            Ok(v) => return Ok(v),
            Err(e) => last_err = Some(e),
        }
        if Instant::now() > deadline {
            let ids = app.visible_test_ids().await;
            let slug: String = what
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let shot = match app.screenshot(&format!("timeout-{slug}")).await {
                Ok(p) => p.display().to_string(),
                Err(e) => format!("(no screenshot: {e})"),
            };
            let err = last_err.map(|e| format!("; last script error: {e:#}"));
            bail!(
                "not within {:.1}s: {what}; test ids on screen: {ids}; screenshot {shot}{}",
                within.as_secs_f64(),
                err.unwrap_or_default()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until nothing matching the test id is displayed.
pub async fn wait_gone(app: &mut App, test_id: &str, within: Duration) -> Result<()> {
    wait_js(
        app,
        &format!("{test_id} gone"),
        &format!("return !shown({});", q(test_id)),
        within,
    )
    .await
    .map(drop)
}

/// The displayed element's text now (None when it is not displayed).
pub async fn text_of(app: &App, test_id: &str) -> Result<Option<String>> {
    Ok(js(app, &format!("return text({});", q(test_id)))
        .await?
        .as_str()
        .map(str::to_owned))
}

/// Whether the control is disabled, and the reason it gives (its title, or the text its
/// aria-describedby points to). `Ok(None)` when it is enabled.
pub async fn disabled_reason(app: &App, test_id: &str) -> Result<Option<String>> {
    let v = js(
        app,
        &format!(
            "const e = first({});\
             if (!e) return {{missing: true}};\
             if (!e.disabled && e.getAttribute('aria-disabled') !== 'true') return {{enabled: true}};\
             const d = (e.getAttribute('aria-describedby') || '').split(' ')\
                 .map((id) => document.getElementById(id)).filter(Boolean)\
                 .map((n) => n.innerText.trim()).join(' ');\
             return {{reason: (e.title || d || '').trim()}};",
            q(test_id)
        ),
    )
    .await?;
    if v.get("missing").is_some() {
        bail!("{test_id} is not displayed");
    }
    if v.get("enabled").is_some() {
        return Ok(None);
    }
    Ok(Some(
        v["reason"].as_str().unwrap_or_default().trim().to_owned(),
    ))
}

/// Empties a (controlled) text input the way a user does: select all, delete.
pub async fn clear_input(app: &mut App, test_id: &str) -> Result<()> {
    use fantoccini::key::Key;
    let e = app.wait_for(&tid(test_id), STEP).await?;
    e.click().await?;
    e.send_keys(&(Key::Control + "a")).await?;
    e.send_keys(&char::from(Key::Backspace).to_string()).await?;
    wait_js(
        app,
        &format!("{test_id} empty"),
        &format!(
            "const e = first({}); return !!e && e.value === '';",
            q(test_id)
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// Scrolls the element into the middle of the view (before a screenshot of it).
pub async fn scroll_to(app: &App, test_id: &str) -> Result<()> {
    js(
        app,
        &format!(
            "const e = first({}); if (e) e.scrollIntoView({{block: 'center'}}); return true;",
            q(test_id)
        ),
    )
    .await
    .map(drop)
}

/// Sets a (React-controlled) text field's value at once, as a paste does, and fires its
/// `input` event — for texts too long to type key by key (a 16 KB cloud-init script).
pub async fn paste(app: &App, test_id: &str, text: &str) -> Result<()> {
    let v = js(
        app,
        &format!(
            "const e = first({});\
             if (!e) return 'missing';\
             const proto = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype\
                 : HTMLInputElement.prototype;\
             e.focus();\
             Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, {});\
             e.dispatchEvent(new Event('input', {{bubbles: true}}));\
             return e.value.length;",
            q(test_id),
            js_str(text)
        ),
    )
    .await?;
    if v == "missing" {
        bail!("{test_id} is not displayed");
    }
    Ok(())
}

/// The focused element: `{id, testid, tag}` of `document.activeElement`.
pub async fn focused(app: &App) -> Result<Value> {
    js(
        app,
        "const e = document.activeElement;\
         return e ? {id: e.id || '', testid: e.getAttribute('data-testid') || '', tag: e.tagName}\
             : {id: '', testid: '', tag: ''};",
    )
    .await
}

/// Closes the open dialog `test_id` the way a user does with the keyboard (Escape) and
/// waits until it is gone.
pub async fn close_dialog(app: &mut App, test_id: &str) -> Result<()> {
    use fantoccini::key::Key;
    app.wait_for(&tid(test_id), STEP).await?;
    app.client()
        .active_element()
        .await?
        .send_keys(&char::from(Key::Escape).to_string())
        .await
        .with_context(|| format!("press Escape in {test_id}"))?;
    wait_gone(app, test_id, STEP).await
}

/// Whether the document wears the dark theme.
async fn is_dark(app: &App) -> Result<bool> {
    Ok(js(
        app,
        "return document.documentElement.classList.contains('dark');",
    )
    .await?
    .as_bool()
    .unwrap_or(false))
}

/// Switches to `dark` (or light) with the palette's "Toggle theme", which leaves the page,
/// its filters and open dialogs as they are; waits until the document wears it.
pub async fn wear_theme(app: &mut App, dark: bool) -> Result<()> {
    if is_dark(app).await? == dark {
        return Ok(());
    }
    // Ctrl+K as the shell listens for it (on the document).
    js(
        app,
        "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'k', ctrlKey: true, bubbles: true})); return true;",
    )
    .await?;
    app.click(&tid("command-toggle-theme"), STEP).await?;
    let want = if dark { "dark" } else { "light" };
    wait_js(
        app,
        &format!("the {want} theme"),
        &format!("return document.documentElement.classList.contains('dark') === {dark};"),
        STEP,
    )
    .await
    .map(drop)
}

/// `<name>-light.png` and `<name>-dark.png` of what is on screen now (GEN: every page in
/// both themes); the app is left in the light theme.
pub async fn screenshots_light_and_dark(app: &mut App, name: &str) -> Result<()> {
    for dark in [false, true] {
        wear_theme(app, dark).await?;
        app.screenshot(&format!("{name}-{}", if dark { "dark" } else { "light" }))
            .await?;
    }
    wear_theme(app, false).await
}

/// Closes every toast with its close button and waits until none is left: toasts sit over
/// the window's bottom-right corner and would take a click meant for what is under them.
pub async fn dismiss_toasts(app: &mut App) -> Result<()> {
    js(
        app,
        "document.querySelectorAll('[data-sonner-toast] [data-close-button]').forEach((b) => b.click()); return true;",
    )
    .await?;
    wait_js(
        app,
        "no toast on screen",
        "return document.querySelectorAll('[data-sonner-toast]').length === 0;",
        STEP,
    )
    .await
    .map(drop)
}
