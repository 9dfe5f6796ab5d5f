//! Journeys of the group `resources`: the Startup Scripts page (SCR-01…03) against its own
//! `barrack-sim --seed sandbox` (one saved script, `install-deps`), signed in through the
//! sign-in screen.
//!
//! Everything is reached by clicking and typing: the sidebar → Startup Scripts → New
//! Script (a clashing name refused at the field, then a script typed into the CodeMirror
//! editor with its live size count) → Edit (select all, type the new script) → an unsaved
//! edit that asks before it is discarded → tick both scripts → Delete selected, one bulk
//! request. What the window shows is compared with the emulator's API (`scripts/`) and its
//! admin endpoint (how many requests of each operation arrived). Every wait has a deadline;
//! every page state leaves a screenshot in `target/e2e-artifacts/<journey>/`.
//!
//! Run with `scripts/e2e resources:scripts`; elsewhere each journey prints why it skipped.

use anyhow::{ensure, Context, Result};
use barrack_e2e::{
    finish, journey, js, js_str, q, screenshots_light_and_dark, sign_in, text_of, tid, wait_gone,
    wait_js, Api, App, Journey, STEP,
};
use fantoccini::key::Key;
use serde_json::Value;

/// The sandbox seed (its clock does not matter here).
const SANDBOX: &[&str] = &["--seed", "sandbox"];

/// The seeded script.
const SEED_SCRIPT: &str = "install-deps";

/// The script the journey creates, then edits.
const NEW_NAME: &str = "e2e-setup";
const NEW_SCRIPT: &str = "#!/bin/bash\necho e2e\n";
const EDITED_SCRIPT: &str = "#!/bin/bash\necho edited\n";

// --- reading the emulator ----------------------------------------------------------------

/// Every script in the emulator (`scripts/`).
fn api_scripts(api: &Api) -> Result<Vec<Value>> {
    let v = api.get("scripts/")?;
    Ok(v["scripts"].as_array().cloned().unwrap_or_default())
}

/// The script named `name` in the emulator, if any.
fn api_script(api: &Api, name: &str) -> Result<Option<Value>> {
    Ok(api_scripts(api)?
        .into_iter()
        .find(|s| s["name"].as_str() == Some(name)))
}

/// The content of the script named `name` (empty when there is none).
fn api_content(api: &Api, name: &str) -> Result<String> {
    Ok(api_script(api, name)?
        .and_then(|s| s["content"].as_str().map(str::to_owned))
        .unwrap_or_default())
}

// --- the page ------------------------------------------------------------------------------

/// Sidebar → Startup Scripts; waits until the table (or its empty card) has loaded.
async fn open_scripts(app: &mut App) -> Result<()> {
    app.click(&tid("nav-scripts"), STEP).await?;
    app.wait_for(&tid("page-scripts"), STEP).await?;
    wait_js(
        app,
        "the scripts table (or scripts-empty)",
        "return shown('[data-testid=\"scripts-table\"]') || shown('[data-testid=\"scripts-empty\"]');",
        STEP,
    )
    .await
    .map(drop)
}

/// Replaces the editor's whole text by typing, as a person does: click into it, select
/// everything (Ctrl+A), type. Waits until Rust's size count answers for the new text.
async fn type_script(app: &mut App, text: &str) -> Result<()> {
    // The editor is fetched on demand: wait for it, not only for the dialog.
    let editor = app
        .wait_for(&tid("script-content"), STEP)
        .await
        .context("the code editor loads")?;
    editor.click().await.context("focus the editor")?;
    editor.send_keys(&(Key::Control + "a")).await?;
    // A line break is the Enter key (WebDriver types "\n" as a character, not as Enter).
    let keys = text.replace('\n', &char::from(Key::Enter).to_string());
    editor
        .send_keys(&keys)
        .await
        .context("type into the editor")?;
    let bytes = text.len();
    wait_js(
        app,
        &format!("the size count reads {bytes} bytes"),
        &format!(
            "return (text({}) || '').startsWith({});",
            q("script-content-size"),
            js_str(&format!("{bytes} bytes"))
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// The editor's text as the window shows it (CodeMirror draws each line as a block).
async fn editor_text(app: &App) -> Result<String> {
    Ok(js(
        app,
        &format!(
            "const e = first({}); return e ? e.innerText : null;",
            q("script-content")
        ),
    )
    .await?
    .as_str()
    .unwrap_or_default()
    .to_owned())
}

/// Clicks the dialog's Submit and waits until the dialog has closed.
async fn save(app: &mut App) -> Result<()> {
    app.click(&tid("script-submit"), STEP).await?;
    wait_gone(app, "script-dialog", STEP)
        .await
        .context("the dialog closes once the script is saved")
}

// --- create → edit → bulk delete -------------------------------------------------------------

journey!(
    scripts_create_edit_bulk_delete,
    "scripts_create_edit_bulk_delete",
    create_edit_bulk_delete
);

/// The seeded library → New Script (`Install-Deps` refused as taken, then `e2e-setup` with
/// a script typed into the editor) → listed and saved as typed → Edit: the new text saved →
/// an unsaved edit asks before it is discarded and sends nothing → tick both → one bulk
/// delete empties the library.
async fn create_edit_bulk_delete(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);

    // The library as seeded.
    open_scripts(app).await?;
    app.wait_for(&tid(&format!("script-row-{SEED_SCRIPT}")), STEP)
        .await
        .context("the seeded script is listed")?;
    screenshots_light_and_dark(app, "1-scripts-page").await?;

    // New Script: a name in use (without case) is refused at the field, nothing is sent.
    app.click(&tid("script-create"), STEP).await?;
    app.wait_for(&tid("script-dialog"), STEP).await?;
    app.fill(&tid("script-name"), "Install-Deps", STEP).await?;
    app.wait_text(
        &tid("script-name-error"),
        |t| t.contains("already exists"),
        STEP,
    )
    .await
    .context("a taken name is refused at the name field")?;
    app.fill(&tid("script-name"), NEW_NAME, STEP).await?;
    wait_gone(app, "script-name-error", STEP).await?;
    app.fill(&tid("script-description"), "made by the e2e journey", STEP)
        .await?;
    type_script(app, NEW_SCRIPT).await?;
    let shown = editor_text(app).await?;
    ensure!(
        shown.contains("echo e2e"),
        "the editor shows what was typed: {shown:?}"
    );
    app.screenshot("2-editor-new").await?;
    save(app).await?;
    app.wait_for(&tid(&format!("script-row-{NEW_NAME}")), STEP)
        .await
        .context("the new script is listed")?;
    let created = api_script(&api, NEW_NAME)?.context("the emulator holds the new script")?;
    ensure!(
        created["content"].as_str() == Some(NEW_SCRIPT)
            && created["description"].as_str() == Some("made by the e2e journey"),
        "saved as typed: {created}"
    );
    app.screenshot("3-scripts-created").await?;

    // Edit: the dialog starts from the script as saved; the new text is sent.
    app.click(&tid(&format!("script-edit-{NEW_NAME}")), STEP)
        .await?;
    app.wait_for(&tid("script-dialog"), STEP).await?;
    let name = js(
        app,
        &format!(
            "const e = first({}); return e ? e.value : null;",
            q("script-name")
        ),
    )
    .await?;
    ensure!(
        name == NEW_NAME,
        "the edit starts from the saved name: {name}"
    );
    type_script(app, EDITED_SCRIPT).await?;
    app.screenshot("4-editor-edit").await?;
    save(app).await?;
    ensure!(
        api_content(&api, NEW_NAME)? == EDITED_SCRIPT,
        "the edit is saved: {:?}",
        api_content(&api, NEW_NAME)?
    );

    // An unsaved edit: Cancel asks first; Discard closes and sends nothing.
    app.click(&tid(&format!("script-edit-{NEW_NAME}")), STEP)
        .await?;
    app.wait_for(&tid("script-dialog"), STEP).await?;
    type_script(app, "#!/bin/bash\necho never saved\n").await?;
    app.click(&tid("script-submit-cancel"), STEP).await?;
    app.wait_text(
        &tid("confirm-dialog"),
        |t| t.contains("Discard unsaved changes?"),
        STEP,
    )
    .await
    .context("closing with unsaved changes asks first")?;
    app.screenshot("5-discard-asked").await?;
    app.click(&tid("confirm-action"), STEP).await?;
    wait_gone(app, "script-dialog", STEP).await?;
    ensure!(
        api_content(&api, NEW_NAME)? == EDITED_SCRIPT,
        "a discarded edit is not sent"
    );

    // Tick both, Delete selected: one bulk request, naming each script.
    for name in [SEED_SCRIPT, NEW_NAME] {
        app.click(&tid(&format!("script-select-{name}")), STEP)
            .await?;
    }
    app.wait_text(&tid("scripts-delete-selected"), |t| t.contains("(2)"), STEP)
        .await?;
    app.click(&tid("scripts-delete-selected"), STEP).await?;
    let names = app
        .wait_text(&tid("bulk-delete-names"), |t| !t.is_empty(), STEP)
        .await?;
    ensure!(
        names.contains(SEED_SCRIPT) && names.contains(NEW_NAME),
        "the dialog names both scripts: {names:?}"
    );
    app.screenshot("6-bulk-delete").await?;
    app.click(&tid("confirm-action"), STEP).await?;
    wait_gone(app, "confirm-dialog", STEP).await?;
    app.wait_for(&tid("scripts-empty"), STEP)
        .await
        .context("the library is empty after the bulk delete")?;
    ensure!(
        api_scripts(&api)?.is_empty(),
        "the emulator holds no script"
    );
    let empty = text_of(app, "scripts-empty").await?.unwrap_or_default();
    ensure!(
        empty.contains("No saved scripts yet"),
        "the empty library says so: {empty:?}"
    );
    app.screenshot("7-scripts-empty").await?;

    for (op, want) in [
        ("create_script", 1),
        ("update_script", 1),
        ("delete_scripts", 1),
        ("delete_script", 0),
    ] {
        let n = admin.count(op)?;
        ensure!(n == want, "{op} was sent {n} times ({want} expected)");
    }
    finish(s).await
}
