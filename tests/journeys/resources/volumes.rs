//! Journeys of the group `resources`: the Volumes page (VOL-01…52) against its own
//! `barrack-sim --seed sandbox` (`datasets` attached to the ACTIVE `train-h100` and the free
//! bootable `ubuntu-boot`, both in CANADA-1), signed in through the sign-in screen.
//!
//! Everything is reached by clicking and typing: the sidebar → Volumes → Create Volume with
//! All regions (the region asked first; the server's suggested name; a size below the type's
//! minimum refused at its field, nothing sent) → watched until AVAILABLE → Attach to
//! `train-h100` → the VM's page through the card's link → Detach there after its warning →
//! back to Volumes → Resize (a smaller size refused at its field, then a larger one) →
//! Delete after the data-loss warning. What the window shows is compared with the emulator's
//! API (`volumes/`) and its admin endpoint (how many requests of each operation arrived).
//! Every wait has a deadline; every page state leaves a screenshot in
//! `target/e2e-artifacts/<journey>/`, the page in light and dark.
//!
//! Run with `scripts/e2e resources:volumes`; elsewhere each journey prints why it skipped.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use barrack_e2e::{
    dismiss_toasts, finish, journey, screenshots_light_and_dark, sign_in, tid, wait_gone, wait_js,
    Api, App, Journey, STEP,
};
use serde_json::Value;

/// The sandbox seed at a simulated minute per second (a volume is ready in about a second).
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];

/// How long a new volume may take to become AVAILABLE.
const SETTLE: Duration = Duration::from_secs(60);

/// The seeded ACTIVE VM and its region.
const VM: &str = "train-h100";
const REGION: &str = "CANADA-1";

/// The name the emulator suggests for the first new volume (VOL-12).
const SUGGESTED: &str = "volume1";

// --- reading the emulator ----------------------------------------------------------------

/// The volume named `name` in the emulator, if any.
fn api_volume(api: &Api, name: &str) -> Result<Option<Value>> {
    let v = api.get("volumes/?limit=100")?;
    Ok(v["volumes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|f| f["name"].as_str() == Some(name)))
}

// --- the page ------------------------------------------------------------------------------

/// Sidebar → Volumes; waits until the cards (or the empty card) have loaded.
async fn open_volumes(app: &mut App) -> Result<()> {
    app.click(&tid("nav-volumes"), STEP).await?;
    app.wait_for(&tid("page-volumes"), STEP).await?;
    wait_js(
        app,
        "the volume cards (or volumes-empty)",
        "return shown('[data-testid=\"volume-grid\"]') || shown('[data-testid=\"volumes-empty\"]');",
        STEP,
    )
    .await
    .map(drop)
}

// --- create → attach → detach (VM page) → resize → delete ---------------------------------------

journey!(
    volumes_create_attach_detach_resize_delete,
    "volumes_create_attach_detach_resize_delete",
    create_attach_detach_resize_delete
);

/// The seeded volumes → Create Volume (region first, size refused, then created and watched
/// until AVAILABLE) → Attach to `train-h100` → Detach from the VM's page → Resize → Delete.
async fn create_attach_detach_resize_delete(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);

    // The page as seeded: two volumes, one attached; its Delete is off.
    open_volumes(app).await?;
    app.wait_for(&tid("volume-card-datasets"), STEP)
        .await
        .context("the seeded volume is shown as a card")?;
    app.wait_text(&tid("stat-volumes"), |t| t.trim() == "2", STEP)
        .await?;
    app.wait_text(&tid("stat-attached"), |t| t.trim() == "1", STEP)
        .await?;
    let blocked = app.wait_for(&tid("volume-delete-datasets"), STEP).await?;
    ensure!(
        !blocked.is_enabled().await?,
        "Delete is off while datasets is attached"
    );
    app.wait_text(&tid("volume-cost-datasets"), |t| t.contains("/h"), STEP)
        .await
        .context("the card shows its cost per hour from the pricing table")?;
    screenshots_light_and_dark(app, "1-volumes-page").await?;

    // Create with All regions: the region is asked first; the name is the server's
    // suggestion; a size below the type's minimum is refused at its field, nothing sent.
    app.click(&tid("volume-create"), STEP).await?;
    app.wait_for(&tid("volume-dialog"), STEP).await?;
    app.wait_for(&tid("volume-region"), STEP)
        .await?
        .select_by_value(REGION)
        .await
        .context("choose the region first")?;
    let name = app.wait_for(&tid("volume-name"), STEP).await?;
    ensure!(
        name.prop("value").await?.as_deref() == Some(SUGGESTED),
        "the name is the server's suggestion"
    );
    app.fill(&tid("volume-size"), "5", STEP).await?;
    app.wait_text(
        &tid("volume-size-error"),
        |t| t.contains("Must be at least"),
        STEP,
    )
    .await
    .context("a size below the minimum is refused at the size field")?;
    app.click(&tid("volume-submit"), STEP).await?;
    app.screenshot("2-create-refused").await?;
    ensure!(
        admin.count("create_volume")? == 0,
        "a refused volume is not sent"
    );
    app.fill(&tid("volume-size"), "200", STEP).await?;
    wait_gone(app, "volume-size-error", STEP).await?;
    app.click(&tid("volume-submit"), STEP).await?;
    wait_gone(app, "volume-dialog", STEP)
        .await
        .context("the dialog closes once the volume is created")?;
    app.wait_text(
        &tid(&format!("volume-status-{SUGGESTED}")),
        |t| t.contains("AVAILABLE"),
        SETTLE,
    )
    .await
    .context("the new volume becomes AVAILABLE on the page")?;
    let created = api_volume(&api, SUGGESTED)?.context("the emulator holds the new volume")?;
    ensure!(
        created["region"].as_str() == Some(REGION) && created["size_gb"].as_u64() == Some(200),
        "created as typed: {created}"
    );

    // Attach to the region's ACTIVE VM (the creation's toasts may cover the card's corner).
    dismiss_toasts(app).await?;
    app.click(&tid(&format!("volume-attach-{SUGGESTED}")), STEP)
        .await?;
    app.wait_for(&tid("volume-attach-dialog"), STEP).await?;
    app.click(&tid(&format!("volume-attach-pick-{VM}")), STEP)
        .await?;
    app.screenshot("3-attach").await?;
    app.click(&tid("volume-attach-submit"), STEP).await?;
    wait_gone(app, "volume-attach-dialog", STEP).await?;
    app.wait_text(
        &tid(&format!("volume-vm-{SUGGESTED}")),
        |t| t.contains(VM),
        STEP,
    )
    .await
    .context("the card says which VM it is attached to")?;
    let attached = api_volume(&api, SUGGESTED)?.context("the volume")?;
    ensure!(
        attached["instance_name"].as_str() == Some(VM),
        "the emulator attaches it to {VM}: {attached}"
    );

    // Detach from the VM's page, after the warning.
    app.click(&tid(&format!("volume-vm-link-{SUGGESTED}")), STEP)
        .await?;
    app.wait_for(&tid("page-instance-detail"), STEP).await?;
    app.wait_for(&tid(&format!("volume-row-{SUGGESTED}")), STEP)
        .await
        .context("the VM's page lists the attached volume")?;
    app.click(&tid(&format!("vm-volume-detach-{SUGGESTED}")), STEP)
        .await?;
    app.wait_text(
        &tid("volume-detach-warning"),
        |t| t.contains("disrupted"),
        STEP,
    )
    .await
    .context("detaching warns first")?;
    app.screenshot("4-detach-warning").await?;
    app.click(&tid("confirm-action"), STEP).await?;
    wait_gone(app, &format!("volume-row-{SUGGESTED}"), STEP)
        .await
        .context("the volume leaves the VM's page once detached")?;
    let detached = api_volume(&api, SUGGESTED)?.context("the volume")?;
    ensure!(
        detached["instance_id"].is_null(),
        "the emulator detaches it: {detached}"
    );

    // Resize: smaller is refused at the field, larger is sent.
    open_volumes(app).await?;
    dismiss_toasts(app).await?;
    app.click(&tid(&format!("volume-resize-{SUGGESTED}")), STEP)
        .await?;
    app.wait_for(&tid("volume-resize-dialog"), STEP).await?;
    app.fill(&tid("volume-resize-size"), "150", STEP).await?;
    app.wait_text(
        &tid("volume-resize-size-error"),
        |t| t.contains("can only grow"),
        STEP,
    )
    .await
    .context("a smaller size is refused at the field")?;
    // Submitting it anyway sends nothing: the dialog stays, the refusal with it.
    app.click(&tid("volume-resize-submit"), STEP).await?;
    app.next_frame().await;
    app.wait_text(
        &tid("volume-resize-size-error"),
        |t| t.contains("can only grow"),
        STEP,
    )
    .await
    .context("the refusal stays after Submit")?;
    ensure!(
        admin.count("resize_volume")? == 0,
        "a refused resize is not sent"
    );
    app.fill(&tid("volume-resize-size"), "300", STEP).await?;
    wait_gone(app, "volume-resize-size-error", STEP).await?;
    app.click(&tid("volume-resize-submit"), STEP).await?;
    wait_gone(app, "volume-resize-dialog", STEP).await?;
    app.wait_text(
        &tid(&format!("volume-size-{SUGGESTED}")),
        |t| t.contains("300 GB"),
        STEP,
    )
    .await
    .context("the card shows the new size")?;
    ensure!(
        api_volume(&api, SUGGESTED)?.context("the volume")?["size_gb"].as_u64() == Some(300),
        "the emulator resizes it"
    );

    // Delete: the data-loss warning first. (The resize's toast may cover the card's corner.)
    dismiss_toasts(app).await?;
    app.click(&tid(&format!("volume-delete-{SUGGESTED}")), STEP)
        .await?;
    app.wait_text(
        &tid("volume-delete-warning"),
        |t| t.contains("data on it will be lost"),
        STEP,
    )
    .await
    .context("deleting warns that the data is lost")?;
    app.screenshot("5-delete-warning").await?;
    app.click(&tid("confirm-action"), STEP).await?;
    wait_gone(app, &format!("volume-card-{SUGGESTED}"), STEP)
        .await
        .context("the deleted volume leaves the page")?;
    ensure!(
        api_volume(&api, SUGGESTED)?.is_none(),
        "the emulator no longer holds it"
    );
    app.click(&tid("volume-view-table"), STEP).await?;
    app.wait_for(&tid("volume-table"), STEP).await?;
    screenshots_light_and_dark(app, "6-volumes-table").await?;

    for (op, want) in [
        ("create_volume", 1),
        ("attach_volumes", 1),
        ("detach_volumes", 1),
        ("resize_volume", 1),
        ("delete_volume", 1),
    ] {
        let n = admin.count(op)?;
        ensure!(n == want, "{op} was sent {n} times ({want} expected)");
    }
    finish(s).await
}
