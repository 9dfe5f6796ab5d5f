//! Journey group `images`: the Snapshots and Images pages, each journey against its own
//! `barrack-sim --seed sandbox` (ACTIVE `train-h100` in CANADA-1, SHUTOFF `dev-a6000` in
//! NORWAY-1, HIBERNATED `archive-a100` in US-1; the SUCCESS snapshot `train-h100-baseline`
//! and the Available image `pytorch-cuda-base` made from it, both in CANADA-1) signed in
//! through the sign-in screen.
//!
//! Everything is reached by clicking, never by typing an id or an address: a VM's page →
//! Snapshot → the Snapshots page → "Create image" → the Images page → Deploy → the wizard.
//! What the window shows is compared with the emulator's API (the snapshot, image and VMs it
//! holds) and its admin endpoint (how many create requests arrived). Time passes at a
//! simulated minute a second; where CREATING must be seen the clock is slowed, then moved
//! on, and the poller (not a click) brings the page to SUCCESS / Available. Every wait has
//! a deadline; every page state leaves a screenshot in `target/e2e-artifacts/<journey>/`.
//!
//! Run with `scripts/e2e images`; elsewhere each journey prints why it skipped.

use anyhow::{anyhow, ensure, Context, Result};
use barrack_e2e::wizard::{
    click_enabled, next, pick_gpu, vm_named, wait_attr_true, wait_status, wait_step,
};
use barrack_e2e::{
    close_dialog, disabled_reason, finish, journey, js, js_str, q, sign_in, text_of, tid,
    wait_gone, wait_js, wait_notification, Api, App, Journey, STEP,
};
use serde_json::Value;
use std::time::{Duration, Instant};

/// A snapshot, image or VM transition seen through the poller (2 s while something is in
/// transition, backing off to 15 s).
const SETTLE: Duration = Duration::from_secs(40);

/// The sandbox seed at a simulated minute per second.
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];

/// A clock so slow that CREATING lasts (a simulated minute takes 100 minutes).
const SLOW: f64 = 0.01;

/// The seeded snapshot and image (CANADA-1).
const SEED_SNAPSHOT: &str = "train-h100-baseline";
const SEED_IMAGE: &str = "pytorch-cuda-base";

// --- reading the emulator ----------------------------------------------------------------

/// The snapshot named `name` in the emulator (`snapshots/`), if any.
fn api_snapshot(api: &Api, name: &str) -> Result<Option<Value>> {
    let v = api.get("snapshots/?limit=100")?;
    Ok(v["snapshots"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["name"].as_str() == Some(name))
        .cloned())
}

/// The image named `name` in the emulator (`images/`), if any.
fn api_image(api: &Api, name: &str) -> Result<Option<Value>> {
    let v = api.get("images/?limit=100")?;
    Ok(v["images"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["name"].as_str() == Some(name))
        .cloned())
}

fn field<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or_default()
}

// --- getting around ----------------------------------------------------------------------

/// Sidebar → Instances → `name`'s row → its page (waits for its status).
async fn open_vm_page(app: &mut App, name: &str) -> Result<()> {
    app.click(&tid("nav-instances"), STEP).await?;
    app.wait_for(&tid("page-instances"), STEP).await?;
    let row = tid(&format!("instance-row-{name}"));
    app.wait_for(&row, STEP)
        .await
        .with_context(|| format!("the instances list shows {name}"))?;
    let link = format!("{row} a[href]");
    if app.is_displayed(&link).await {
        app.click(&link, STEP).await?;
    } else {
        app.click(&row, STEP).await?;
    }
    app.wait_for(&tid("page-instance-detail"), STEP).await?;
    page_names(app, "page-instance-detail", name).await?;
    app.wait_text(&tid("vm-status"), |t| !t.trim().is_empty(), STEP)
        .await
        .map(drop)
}

/// Waits until the page `page` shows `name` in its text.
async fn page_names(app: &mut App, page: &str, name: &str) -> Result<()> {
    wait_js(
        app,
        &format!("{page} names {name}"),
        &format!(
            "return (text({}) || '').includes({});",
            q(page),
            js_str(name)
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// Sidebar → Snapshots; waits until the list (or its empty card) has loaded.
async fn open_snapshots(app: &mut App) -> Result<()> {
    app.click(&tid("nav-snapshots"), STEP).await?;
    app.wait_for(&tid("page-snapshots"), STEP).await?;
    wait_js(
        app,
        "the snapshots list (or snapshots-empty)",
        "return shown('[data-testid=\"snapshot-grid\"]') || shown('[data-testid=\"snapshots-empty\"]');",
        STEP,
    )
    .await
    .map(drop)
}

/// Sidebar → Images; waits until the list (or its empty card) has loaded.
async fn open_images(app: &mut App) -> Result<()> {
    app.click(&tid("nav-images"), STEP).await?;
    app.wait_for(&tid("page-images"), STEP).await?;
    wait_images_loaded(app).await
}

async fn wait_images_loaded(app: &mut App) -> Result<()> {
    wait_js(
        app,
        "the images list (or images-empty)",
        "return shown('[data-testid^=\"image-row-\"]') || shown('[data-testid=\"images-empty\"]');",
        STEP,
    )
    .await
    .map(drop)
}

/// Picks `region` ("" for all) in the page's `region-select`.
async fn pick_region(app: &mut App, region: &str) -> Result<()> {
    let select = app.wait_for(&tid("region-select"), STEP).await?;
    select
        .select_by_value(region)
        .await
        .with_context(|| format!("choose {region:?} in region-select"))?;
    wait_js(
        app,
        &format!("region-select on {region:?}"),
        &format!(
            "const e = first({}); return !!e && e.value === {};",
            q("region-select"),
            js_str(region)
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// Waits until the status badge `test_id` reads `want` (case aside: Barrack spells
/// "Available" several ways).
async fn wait_badge(app: &App, test_id: &str, want: &str, within: Duration) -> Result<String> {
    app.wait_text(
        &tid(test_id),
        |t| t.trim().eq_ignore_ascii_case(want),
        within,
    )
    .await
    .with_context(|| format!("{test_id} reads {want}"))
}

/// The value of the input `test_id`.
async fn value_of(app: &App, test_id: &str) -> Result<String> {
    Ok(js(
        app,
        &format!(
            "const e = first({}); return e ? e.value : null;",
            q(test_id)
        ),
    )
    .await?
    .as_str()
    .unwrap_or_default()
    .to_owned())
}

// --- a. the whole flow -------------------------------------------------------------------

journey!(
    images_snapshot_to_image_to_deployed_vm,
    "images_whole_flow",
    whole_flow
);

/// train-h100's page → Snapshot `e2e-snap` → CREATING on the Snapshots page (clock slowed),
/// SUCCESS through the poller once the clock moves on, and dunst's "Snapshot e2e-snap is
/// ready" → "Create image" → `e2e-image` Creating then Available, listed under CANADA-1 and
/// not under NORWAY-1 → Deploy opens the wizard with the image, its region and the Custom
/// Images tab chosen → H100 ×1, a key, a name → the VM is ACTIVE and boots from that image.
async fn whole_flow(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    let snap = "e2e-snap";
    let image = "e2e-image";
    let vm_name = "e2e-from-image";

    // The VM's page: Snapshot, a name, Create.
    open_vm_page(app, "train-h100").await?;
    app.screenshot("1-vm-page").await?;
    click_enabled(app, "action-snapshot").await?;
    app.wait_for(&tid("snapshot-dialog"), STEP).await?;
    page_names(app, "snapshot-dialog", "train-h100").await?;
    app.fill(&tid("snapshot-name"), snap, STEP).await?;
    app.wait_text(&tid("snapshot-name-count"), |t| t.trim() == "8/50", STEP)
        .await
        .context("the name's counter reads 8/50")?;
    app.screenshot("2-vm-snapshot-dialog").await?;
    admin.clock_scale(SLOW)?;
    let t_create = Instant::now();
    click_enabled(app, "snapshot-create").await?;
    wait_gone(app, "snapshot-dialog", STEP)
        .await
        .context("the dialog closes once the snapshot is under way")?;
    let created = api_snapshot(&api, snap)?
        .ok_or_else(|| anyhow!("the emulator has no snapshot {snap} after Create"))?;
    let snap_id = field(&created, "id").to_owned();
    ensure!(
        field(&created, "region") == "CANADA-1" && created["instance_name"] == "train-h100",
        "the snapshot is train-h100's, in CANADA-1: {created}"
    );

    // The Snapshots page: CREATING, then SUCCESS by itself.
    open_snapshots(app).await?;
    app.wait_for(&tid(&format!("snapshot-card-{snap}")), STEP)
        .await
        .context("the new snapshot's card is on the Snapshots page")?;
    wait_badge(app, &format!("snapshot-status-{snap}"), "CREATING", STEP).await?;
    let why = disabled_reason(app, &format!("snapshot-restore-{snap}")).await?;
    ensure!(
        why.as_deref().is_some_and(|w| w.contains("SUCCESS")),
        "Restore is disabled while CREATING, saying why: {why:?}"
    );
    app.screenshot("3-snapshots-creating").await?;
    admin.clock_advance(5.0, 60.0)?;
    let t_advanced = Instant::now();
    wait_badge(app, &format!("snapshot-status-{snap}"), "SUCCESS", SETTLE).await?;
    j.log(format!(
        "{snap}: CREATING → SUCCESS on the page {:.1}s after the clock moved on ({:.1}s after Create)",
        t_advanced.elapsed().as_secs_f64(),
        t_create.elapsed().as_secs_f64()
    ));
    app.screenshot("4-snapshots-success").await?;
    let (summary, body) = wait_notification(
        &format!("\"Snapshot {snap} is ready\""),
        |t| t == format!("Snapshot {snap} is ready"),
        SETTLE,
    )
    .await?;
    j.log(format!("notification {summary:?}: {body:?}"));

    // "Create image" on its card: the Images page's dialog with that snapshot chosen.
    app.click(&tid(&format!("snapshot-make-image-{snap}")), STEP)
        .await?;
    app.wait_for(&tid("page-images"), STEP).await?;
    app.wait_for(&tid("image-dialog"), STEP)
        .await
        .context("Create image opens the Images page's dialog")?;
    let chosen = value_of(app, "image-snapshot").await?;
    ensure!(
        chosen == snap_id,
        "the dialog's source snapshot is {snap} ({snap_id}), not {chosen:?}"
    );
    let note = app
        .wait_text(&tid("image-region-note"), |t| t.contains("CANADA-1"), STEP)
        .await
        .context("the dialog says the image is made in CANADA-1")?;
    j.log(format!("image-region-note: {note:?}"));
    app.fill(&tid("image-name"), image, STEP).await?;
    app.screenshot("5-images-create-dialog").await?;
    admin.clock_scale(SLOW)?;
    click_enabled(app, "image-submit").await?;
    wait_gone(app, "image-dialog", STEP).await?;
    app.wait_for(&tid(&format!("image-row-{image}")), STEP)
        .await
        .context("the new image's row is on the Images page")?;
    wait_badge(app, &format!("image-status-{image}"), "CREATING", STEP).await?;
    app.screenshot("6-images-creating").await?;
    let made = api_image(&api, image)?
        .ok_or_else(|| anyhow!("the emulator has no image {image} after Create"))?;
    let image_id = field(&made, "id").to_owned();
    ensure!(
        field(&made, "region") == "CANADA-1" && field(&made, "snapshot_id") == snap_id,
        "the image is made from {snap} in CANADA-1: {made}"
    );
    admin.clock_advance(5.0, 60.0)?;
    let t_advanced = Instant::now();
    wait_badge(app, &format!("image-status-{image}"), "AVAILABLE", SETTLE).await?;
    j.log(format!(
        "{image}: CREATING → AVAILABLE on the page {:.1}s after the clock moved on",
        t_advanced.elapsed().as_secs_f64()
    ));
    app.screenshot("7-images-available").await?;
    let (summary, _) = wait_notification(
        &format!("\"Image {image} is available\""),
        |t| t == format!("Image {image} is available"),
        SETTLE,
    )
    .await?;
    j.log(format!("notification {summary:?}"));

    // The region filter: under CANADA-1, not under NORWAY-1.
    pick_region(app, "NORWAY-1").await?;
    app.wait_for(&tid("images-empty"), STEP)
        .await
        .context("NORWAY-1 has no images")?;
    ensure!(
        !app.is_displayed(&tid(&format!("image-row-{image}"))).await,
        "{image} (CANADA-1) is not listed under NORWAY-1"
    );
    app.screenshot("8-images-norway").await?;
    pick_region(app, "CANADA-1").await?;
    app.wait_for(&tid(&format!("image-row-{image}")), STEP)
        .await
        .context("the image is listed under CANADA-1")?;
    app.wait_for(&tid(&format!("image-row-{SEED_IMAGE}")), STEP)
        .await?;
    app.screenshot("9-images-canada").await?;

    // Deploy from this image: the wizard with the region, the Custom Images tab and the image.
    click_enabled(app, &format!("image-deploy-{image}")).await?;
    app.wait_for(&tid("page-deploy"), STEP).await?;
    let first = wait_step(app).await?;
    let notice = app
        .wait_text(&tid("deploy-notice"), |t| t.contains("CANADA-1"), STEP)
        .await
        .context("the wizard says what the link chose (deploy-notice)")?;
    ensure!(
        notice.contains(image) && !notice.contains(&image_id),
        "deploy-notice names the image by its name {image}, not its id {image_id}: {notice:?}"
    );
    j.log(format!("the wizard opens on the {first} step: {notice:?}"));
    app.screenshot("10-deploy-opened").await?;
    if first == "gpu" {
        pick_gpu(app, "H100-SXM5-80GB", 1).await?;
        app.screenshot("11-deploy-gpu").await?;
        next(app, "region").await?;
    }
    wait_attr_true(app, "region-CANADA-1", "aria-pressed")
        .await
        .context("the image's region is chosen")?;
    app.screenshot("12-deploy-region").await?;
    next(app, "boot").await?;
    wait_attr_true(app, "boot-tab-custom_image", "aria-selected")
        .await
        .context("the Custom Images tab is chosen")?;
    wait_attr_true(app, &format!("boot-item-{image_id}"), "aria-checked")
        .await
        .context("the image is chosen")?;
    app.screenshot("13-deploy-boot").await?;
    next(app, "keys").await?;
    let key = wait_js(
        app,
        "an SSH key's checkbox",
        "const k = Array.from(document.querySelectorAll('[data-testid^=\"ssh-key-\"]'))\
           .filter((e) => vis(e) && e.type === 'checkbox');\
         if (k.length === 0) return null;\
         const ticked = k.find((e) => e.checked);\
         return {id: (ticked || k[0]).getAttribute('data-testid'), ticked: !!ticked};",
        STEP,
    )
    .await?;
    let key_id = key["id"].as_str().unwrap_or_default().to_owned();
    if key["ticked"] != Value::Bool(true) {
        app.click(&tid(&key_id), STEP).await?;
        wait_js(
            app,
            &format!("{key_id} ticked"),
            &format!("const e = first({}); return !!e && e.checked;", q(&key_id)),
            STEP,
        )
        .await?;
    }
    app.screenshot("14-deploy-keys").await?;
    next(app, "advanced").await?;
    next(app, "review").await?;
    app.fill(&tid("deploy-name"), vm_name, STEP).await?;
    let boot = text_of(app, "deploy-summary-boot")
        .await?
        .unwrap_or_default();
    ensure!(
        boot.contains(image),
        "the review's boot source is {image}: {boot:?}"
    );
    app.screenshot("15-deploy-review").await?;
    click_enabled(app, "deploy-submit").await?;
    app.wait_for(&tid("page-instance-detail"), STEP)
        .await
        .context("Deploy opens the new VM's page")?;
    page_names(app, "page-instance-detail", vm_name).await?;
    wait_status(app, "ACTIVE", SETTLE).await?;
    app.screenshot("16-vm-active").await?;
    let vm = vm_named(&api, vm_name, STEP).await?;
    ensure!(
        vm["image"]["id"].as_str() == Some(image_id.as_str())
            && vm["image"]["type"].as_str() == Some("custom_image")
            && vm["region"].as_str() == Some("CANADA-1"),
        "{vm_name} boots from the image {image_id} in CANADA-1: {vm}"
    );
    for (op, want) in [
        ("create_snapshot", 1),
        ("create_image", 1),
        ("deploy_instance", 1),
    ] {
        let n = admin.count(op)?;
        ensure!(n == want, "{op} was sent {n} times ({want} expected)");
    }
    finish(s).await
}

// --- b. restore ------------------------------------------------------------------------------

journey!(
    images_restore_a_snapshot_to_a_new_vm,
    "images_restore",
    restore
);

/// Restore on `train-h100-baseline`'s card: the name is `train-h100-baseline-restored`
/// to start with, the dialog says the VM is made in CANADA-1; Restore opens the new VM's
/// page, which reaches ACTIVE; the emulator has that VM in CANADA-1, booted from the
/// snapshot.
async fn restore(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    let snap = api_snapshot(&api, SEED_SNAPSHOT)?
        .ok_or_else(|| anyhow!("the sandbox has no snapshot {SEED_SNAPSHOT}"))?;
    let region = field(&snap, "region").to_owned();
    let restored = format!("{SEED_SNAPSHOT}-restored");

    open_snapshots(app).await?;
    wait_badge(
        app,
        &format!("snapshot-status-{SEED_SNAPSHOT}"),
        "SUCCESS",
        STEP,
    )
    .await?;
    app.screenshot("1-snapshots").await?;
    click_enabled(app, &format!("snapshot-restore-{SEED_SNAPSHOT}")).await?;
    app.wait_for(&tid("restore-dialog"), STEP).await?;
    let name = value_of(app, "restore-name").await?;
    ensure!(
        name == restored,
        "restore-name starts as {restored:?}, not {name:?}"
    );
    let notice = app
        .wait_text(&tid("restore-notice"), |t| t.contains(&region), STEP)
        .await
        .with_context(|| format!("the dialog says the VM is created in {region}"))?;
    j.log(format!("restore-notice: {notice:?}"));
    app.screenshot("2-restore-dialog").await?;
    click_enabled(app, "restore-submit").await?;
    app.wait_for(&tid("page-instance-detail"), STEP)
        .await
        .context("Restore opens the new VM's page")?;
    page_names(app, "page-instance-detail", &restored).await?;
    let hash = js(app, "return location.hash;").await?;
    let vm = vm_named(&api, &restored, STEP).await?;
    let vm_id = field(&vm, "id").to_owned();
    ensure!(
        hash.as_str().unwrap_or_default().contains(&vm_id),
        "the page is the new VM's ({vm_id}): location.hash = {hash}"
    );
    app.screenshot("3-restored-vm-page").await?;
    wait_status(app, "ACTIVE", SETTLE).await?;
    app.screenshot("4-restored-vm-active").await?;
    let vm = vm_named(&api, &restored, STEP).await?;
    ensure!(
        field(&vm, "region") == region && vm["image"]["id"] == snap["id"],
        "{restored} is in {region}, from the snapshot {}: {vm}",
        snap["id"]
    );
    let n = admin.count("restore_snapshot")?;
    ensure!(n == 1, "restore_snapshot was sent {n} times (once)");
    finish(s).await
}

// --- c. delete -------------------------------------------------------------------------------

journey!(
    images_delete_the_image_then_the_snapshot,
    "images_delete",
    delete
);

/// `pytorch-cuda-base` deleted from the Images page (the confirmation names it), then its
/// source snapshot `train-h100-baseline` from the Snapshots page: each leaves the page and
/// the emulator.
async fn delete(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    ensure!(
        api_image(&api, SEED_IMAGE)?.is_some() && api_snapshot(&api, SEED_SNAPSHOT)?.is_some(),
        "the sandbox has {SEED_IMAGE} and {SEED_SNAPSHOT}"
    );

    open_images(app).await?;
    app.wait_for(&tid(&format!("image-row-{SEED_IMAGE}")), STEP)
        .await?;
    app.screenshot("1-images").await?;
    app.click(&tid(&format!("image-delete-{SEED_IMAGE}")), STEP)
        .await?;
    let asked = app
        .wait_text(&tid("confirm-dialog"), |t| t.contains(SEED_IMAGE), STEP)
        .await
        .context("the confirmation names the image")?;
    ensure!(
        admin.count("delete_image")? == 0,
        "nothing is deleted before the confirmation"
    );
    j.log(format!(
        "asked: {:?}",
        asked.lines().next().unwrap_or_default()
    ));
    app.screenshot("2-images-confirm-delete").await?;
    click_enabled(app, "confirm-delete").await?;
    wait_gone(app, "confirm-dialog", STEP).await?;
    wait_gone(app, &format!("image-row-{SEED_IMAGE}"), STEP)
        .await
        .context("the image leaves the Images page")?;
    app.wait_for(&tid("images-empty"), STEP).await?;
    app.screenshot("3-images-deleted").await?;
    ensure!(
        api_image(&api, SEED_IMAGE)?.is_none(),
        "the emulator still lists {SEED_IMAGE}"
    );

    open_snapshots(app).await?;
    app.wait_for(&tid(&format!("snapshot-card-{SEED_SNAPSHOT}")), STEP)
        .await?;
    app.click(&tid(&format!("snapshot-delete-{SEED_SNAPSHOT}")), STEP)
        .await?;
    app.wait_text(&tid("confirm-dialog"), |t| t.contains(SEED_SNAPSHOT), STEP)
        .await
        .context("the confirmation names the snapshot")?;
    ensure!(
        admin.count("delete_snapshot")? == 0,
        "nothing is deleted before the confirmation"
    );
    app.screenshot("4-snapshots-confirm-delete").await?;
    click_enabled(app, "confirm-delete").await?;
    wait_gone(app, "confirm-dialog", STEP).await?;
    wait_gone(app, &format!("snapshot-card-{SEED_SNAPSHOT}"), STEP)
        .await
        .context("the snapshot leaves the Snapshots page")?;
    app.wait_for(&tid("snapshots-empty"), STEP).await?;
    app.screenshot("5-snapshots-deleted").await?;
    ensure!(
        api_snapshot(&api, SEED_SNAPSHOT)?.is_none(),
        "the emulator still lists {SEED_SNAPSHOT}"
    );
    for op in ["delete_image", "delete_snapshot"] {
        let n = admin.count(op)?;
        ensure!(n == 1, "{op} was sent {n} times (once)");
    }
    finish(s).await
}

// --- d. refusals -----------------------------------------------------------------------------

journey!(
    images_refusals_say_why_and_send_nothing,
    "images_refusals",
    refusals
);

/// NORWAY-1 (only the SHUTOFF dev-a6000): Create Snapshot disabled with its reason. A
/// 51-character image name: refused at the field, nothing sent. An incomplete profile: Create
/// Snapshot off with the reason and the way to barrack.ai, nothing sent.
async fn refusals(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    let dev = vm_named(&api, "dev-a6000", STEP).await?;
    ensure!(
        field(&dev, "status") == "SHUTOFF" && field(&dev, "region") == "NORWAY-1",
        "the sandbox's dev-a6000 is SHUTOFF in NORWAY-1: {dev}"
    );

    // Only a SHUTOFF VM in the region: nothing to snapshot.
    open_snapshots(app).await?;
    pick_region(app, "NORWAY-1").await?;
    app.wait_for(&tid("snapshots-empty"), STEP).await?;
    let deadline = Instant::now() + STEP;
    let why = loop {
        if let Some(w) = disabled_reason(app, "snapshot-create").await? {
            break w;
        }
        ensure!(
            Instant::now() < deadline,
            "snapshot-create stays enabled in NORWAY-1 (its only VM is SHUTOFF)"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    ensure!(
        why.contains("NORWAY-1") && why.contains("ACTIVE"),
        "the reason names the region and says only ACTIVE VMs can be snapshotted: {why:?}"
    );
    let shown = text_of(app, "snapshot-create-reason")
        .await?
        .unwrap_or_default();
    ensure!(
        shown == why,
        "the reason is also written beside the button (snapshot-create-reason): {shown:?}"
    );
    j.log(format!("NORWAY-1: Create Snapshot disabled: {why:?}"));
    app.screenshot("1-snapshots-norway-disabled").await?;

    // A 51-character image name.
    open_images(app).await?;
    click_enabled(app, "image-create").await?;
    app.wait_for(&tid("image-dialog"), STEP).await?;
    let long = "i".repeat(51);
    app.fill(&tid("image-name"), &long, STEP).await?;
    let e = app
        .wait_text(&tid("image-name-error"), |t| !t.trim().is_empty(), STEP)
        .await
        .context("a 51-character image name is refused at its field")?;
    app.wait_text(&tid("image-name-counter"), |t| t.trim() == "51/50", STEP)
        .await?;
    click_enabled(app, "image-submit").await?;
    app.wait_for(&tid("image-name-error"), STEP).await?;
    ensure!(
        app.is_displayed(&tid("image-dialog")).await,
        "the dialog stays open"
    );
    j.log(format!("51-character image name: {e:?}"));
    app.screenshot("2-images-name-too-long").await?;
    let n = admin.count("create_image")?;
    ensure!(n == 0, "create_image was sent {n} times (never)");
    close_dialog(app, "image-dialog").await?;

    // An incomplete profile: known from the balance answer, so Create is off with the
    // reason and the way to barrack.ai, and nothing is sent (SNAP-06, ACCT-04).
    admin.profile(false)?;
    open_snapshots(app).await?;
    pick_region(app, "CANADA-1").await?;
    app.click(&tid("refresh"), STEP).await?;
    let notice = app
        .wait_text(&tid("snapshot-profile"), |t| t.contains("incomplete"), STEP)
        .await
        .context("the page says the profile is incomplete")?;
    ensure!(
        disabled_reason(app, "snapshot-create").await?.is_some(),
        "Create Snapshot is off while the profile is incomplete"
    );
    ensure!(
        app.is_displayed(&tid("snapshot-profile-open")).await,
        "the notice offers the way to barrack.ai"
    );
    j.log(format!(
        "incomplete profile: {:?}",
        notice.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    app.screenshot("3-snapshots-profile-incomplete").await?;
    let n = admin.count("create_snapshot")?;
    ensure!(n == 0, "create_snapshot was sent {n} times (never)");
    finish(s).await
}
