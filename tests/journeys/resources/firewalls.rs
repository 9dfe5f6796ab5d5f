//! Journeys of the group `resources`: the Firewalls page (FW-01…23) against its own
//! `barrack-sim --seed sandbox` (one firewall, `web-ssh`, protecting the ACTIVE `train-h100`
//! in CANADA-1), signed in through the sign-in screen.
//!
//! Everything is reached by clicking and typing: the sidebar → Firewalls → Create Firewall
//! (a clashing name refused at the field) → Add Rule (the SSH example; a bad range refused
//! at its field, then a good one) → Attach to `train-h100` (watched until SUCCESS) → the
//! Attached VMs tab → Detach after its warning → Delete, offered once nothing is attached.
//! What the window shows is compared with the emulator's API (`firewalls/`) and its admin
//! endpoint (how many requests of each operation arrived). Every wait has a deadline; every
//! page state leaves a screenshot in `target/e2e-artifacts/<journey>/`.
//!
//! Run with `scripts/e2e resources:firewalls`; elsewhere each journey prints why it skipped.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use barrack_e2e::{
    finish, journey, screenshots_light_and_dark, sign_in, tid, wait_gone, wait_js, Api, App,
    Journey, STEP,
};
use serde_json::Value;

/// The sandbox seed at a simulated minute per second (an attachment settles in seconds).
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];

/// How long an attachment may take to reach SUCCESS.
const SETTLE: Duration = Duration::from_secs(60);

/// The seeded firewall, and the ACTIVE VM it protects, in its region.
const SEED_FIREWALL: &str = "web-ssh";
const VM: &str = "train-h100";
const REGION: &str = "CANADA-1";

/// The firewall the journey creates.
const NEW_NAME: &str = "e2e-fw";

// --- reading the emulator ----------------------------------------------------------------

/// The firewall named `name` in the emulator, if any.
fn api_firewall(api: &Api, name: &str) -> Result<Option<Value>> {
    let v = api.get("firewalls/?limit=25")?;
    Ok(v["firewalls"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|f| f["name"].as_str() == Some(name)))
}

/// The names of the VMs the firewall `name` is attached to in the emulator.
fn api_attached(api: &Api, name: &str) -> Result<Vec<String>> {
    let fw = api_firewall(api, name)?.context("the emulator holds the firewall")?;
    Ok(fw["attachments"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|a| a["instance_name"].as_str().map(str::to_owned))
        .collect())
}

// --- the page ------------------------------------------------------------------------------

/// Sidebar → Firewalls; waits until the cards (or the empty card) have loaded.
async fn open_firewalls(app: &mut App) -> Result<()> {
    app.click(&tid("nav-firewalls"), STEP).await?;
    app.wait_for(&tid("page-firewalls"), STEP).await?;
    wait_js(
        app,
        "the firewall cards (or firewalls-empty)",
        "return shown('[data-testid=\"firewall-grid\"]') || shown('[data-testid=\"firewalls-empty\"]');",
        STEP,
    )
    .await
    .map(drop)
}

// --- create → rule → attach → detach → delete -------------------------------------------------

journey!(
    firewalls_create_rule_attach_detach_delete,
    "firewalls_create_rule_attach_detach_delete",
    create_rule_attach_detach_delete
);

/// The seeded firewall → Create Firewall (`Web-SSH` refused as taken, then `e2e-fw` in
/// CANADA-1) → Add Rule: the SSH example with a bad range (refused at the field, nothing
/// sent), then a good one → Attach to `train-h100` (the complete set sent), watched until
/// SUCCESS in the Attached VMs tab → Detach after its warning → Delete once nothing is
/// attached.
async fn create_rule_attach_detach_delete(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);

    // The page as seeded: the firewall protecting a VM cannot be deleted.
    open_firewalls(app).await?;
    app.wait_for(&tid(&format!("firewall-card-{SEED_FIREWALL}")), STEP)
        .await
        .context("the seeded firewall is shown as a card")?;
    app.wait_text(&tid("stat-firewalls"), |t| t.trim() == "1", STEP)
        .await?;
    let blocked = app
        .wait_for(&tid(&format!("firewall-delete-{SEED_FIREWALL}")), STEP)
        .await?;
    ensure!(
        !blocked.is_enabled().await?,
        "Delete is off while {SEED_FIREWALL} protects a VM"
    );
    screenshots_light_and_dark(app, "1-firewalls-page").await?;

    // Create: a name in use (without case) is refused at the field, nothing is sent.
    app.click(&tid("firewall-create"), STEP).await?;
    app.wait_for(&tid("firewall-dialog"), STEP).await?;
    app.fill(&tid("firewall-name"), "Web-SSH", STEP).await?;
    app.wait_text(
        &tid("firewall-name-error"),
        |t| t.contains("already exists"),
        STEP,
    )
    .await
    .context("a taken name is refused at the name field")?;
    app.fill(&tid("firewall-name"), NEW_NAME, STEP).await?;
    wait_gone(app, "firewall-name-error", STEP).await?;
    app.fill(
        &tid("firewall-description"),
        "made by the e2e journey",
        STEP,
    )
    .await?;
    app.wait_for(&tid("firewall-region"), STEP)
        .await?
        .select_by_value(REGION)
        .await
        .context("choose the VM's region")?;
    app.click(&tid("firewall-submit"), STEP).await?;
    wait_gone(app, "firewall-dialog", STEP)
        .await
        .context("the dialog closes once the firewall is created")?;
    app.wait_for(&tid(&format!("firewall-card-{NEW_NAME}")), STEP)
        .await
        .context("the new firewall is shown")?;
    let created = api_firewall(&api, NEW_NAME)?.context("the emulator holds the new firewall")?;
    ensure!(
        created["region"].as_str() == Some(REGION)
            && created["description"].as_str() == Some("made by the e2e journey"),
        "created as typed: {created}"
    );

    // Add Rule: the SSH example; a range that is not CIDR is refused at its field.
    app.click(&tid(&format!("firewall-add-rule-{NEW_NAME}")), STEP)
        .await?;
    app.wait_for(&tid("firewall-details"), STEP).await?;
    app.wait_text(&tid("rule-delay-note"), |t| t.contains("10 minutes"), STEP)
        .await?;
    app.click(&tid("rule-example-SSH"), STEP).await?;
    app.fill(&tid("rule-cidr"), "10.0.0.0/x", STEP).await?;
    app.click(&tid("rule-add"), STEP).await?;
    app.wait_for(&tid("rule-error-remote_ip_prefix"), STEP)
        .await
        .context("a bad range is refused at its field")?;
    ensure!(
        admin.count("add_firewall_rule")? == 0,
        "a refused rule is not sent"
    );
    app.fill(&tid("rule-cidr"), "203.0.113.0/24", STEP).await?;
    app.click(&tid("rule-add"), STEP).await?;
    app.wait_for(&tid("firewall-rules"), STEP)
        .await
        .context("the new rule is listed")?;
    let rules = api_firewall(&api, NEW_NAME)?.context("the firewall")?["rules"].clone();
    ensure!(
        rules.as_array().map(Vec::len) == Some(1)
            && rules[0]["remote_ip_prefix"].as_str() == Some("203.0.113.0/24")
            && rules[0]["port_range_min"].as_u64() == Some(22),
        "the rule is saved as typed: {rules}"
    );
    app.screenshot("2-details-rules").await?;
    close_dialog(app).await?;

    // Attach: the region's ACTIVE VM is picked; the attachment is watched until SUCCESS.
    app.click(&tid(&format!("firewall-attach-{NEW_NAME}")), STEP)
        .await?;
    app.wait_for(&tid("attach-dialog"), STEP).await?;
    app.click(&tid(&format!("attach-pick-{VM}")), STEP).await?;
    app.screenshot("3-attach").await?;
    app.click(&tid("attach-submit"), STEP).await?;
    wait_gone(app, "attach-dialog", STEP).await?;
    ensure!(
        api_attached(&api, NEW_NAME)? == [VM],
        "the emulator attaches it to {VM}"
    );
    app.click(&tid(&format!("firewall-details-{NEW_NAME}")), STEP)
        .await?;
    app.click(&tid("firewall-tab-attached"), STEP).await?;
    app.wait_text(
        &tid(&format!("attached-{VM}")),
        |t| t.contains("SUCCESS"),
        SETTLE,
    )
    .await
    .context("the attachment settles and the tab shows it")?;
    app.screenshot("4-details-attached").await?;

    // Detach: the warning first, then the VM leaves the tab and the emulator.
    app.click(&tid(&format!("detach-{VM}")), STEP).await?;
    app.wait_text(
        &tid("confirm-dialog"),
        |t| t.contains("protection at once"),
        STEP,
    )
    .await
    .context("detaching warns first")?;
    app.screenshot("5-detach-warning").await?;
    app.click(&tid("confirm-action"), STEP).await?;
    app.wait_for(&tid("attached-empty"), STEP)
        .await
        .context("the tab is empty once detached")?;
    ensure!(
        api_attached(&api, NEW_NAME)?.is_empty(),
        "the emulator detaches it"
    );
    close_dialog(app).await?;

    // Delete: offered now that nothing is attached.
    app.click(&tid(&format!("firewall-delete-{NEW_NAME}")), STEP)
        .await?;
    app.click(&tid("confirm-delete"), STEP).await?;
    wait_gone(app, &format!("firewall-card-{NEW_NAME}"), STEP)
        .await
        .context("the deleted firewall leaves the page")?;
    ensure!(
        api_firewall(&api, NEW_NAME)?.is_none(),
        "the emulator no longer holds it"
    );
    app.screenshot("6-firewall-deleted").await?;

    for (op, want) in [
        ("create_firewall", 1),
        ("add_firewall_rule", 1),
        ("attach_firewall", 1),
        ("detach_firewall", 1),
        ("delete_firewall", 1),
    ] {
        let n = admin.count(op)?;
        ensure!(n == want, "{op} was sent {n} times ({want} expected)");
    }
    finish(s).await
}

/// Closes the details with its Close button and waits until they are gone.
async fn close_dialog(app: &mut App) -> Result<()> {
    app.click(&tid("firewall-details-close"), STEP).await?;
    wait_gone(app, "firewall-details", STEP).await
}

// --- the account's limit ----------------------------------------------------------------------

journey!(
    firewalls_limit_refuses_the_26th,
    "firewalls_limit",
    limit_refuses_the_26th
);

/// 25 firewalls in the account (the seeded one and 24 made through the API): Create Firewall
/// is off with the limit's message, and the app sends no 26th; the emulator refuses one too.
async fn limit_refuses_the_26th(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    for n in 1..=24 {
        api.call(
            "POST",
            "firewalls/",
            Some(serde_json::json!({ "name": format!("fw-{n:02}"), "region": REGION })),
        )?;
    }
    let made = admin.count("create_firewall")?;
    ensure!(
        made == 24,
        "24 firewalls made through the API, {made} counted"
    );

    open_firewalls(app).await?;
    app.wait_text(&tid("stat-firewalls"), |t| t.trim() == "25", STEP)
        .await
        .context("the page counts 25 firewalls")?;
    let limit = app
        .wait_text(&tid("firewall-limit"), |t| t.contains("25"), STEP)
        .await
        .context("the page says the account has reached its 25 firewalls")?;
    let create = app.wait_for(&tid("firewall-create"), STEP).await?;
    ensure!(
        !create.is_enabled().await?,
        "Create Firewall is off at the limit"
    );
    j.log(format!("at the limit: {limit:?}"));
    screenshots_light_and_dark(app, "1-firewalls-at-the-limit").await?;

    // The emulator refuses a 26th as well, with its own words.
    let refused = api.call(
        "POST",
        "firewalls/",
        Some(serde_json::json!({ "name": "fw-26", "region": REGION })),
    );
    let e = refused
        .err()
        .context("the emulator accepted a 26th firewall")?
        .to_string();
    ensure!(e.contains("25"), "the refusal names the limit: {e}");
    ensure!(
        admin.count("create_firewall")? == 25,
        "the app sent no create_firewall of its own"
    );
    finish(s).await
}
