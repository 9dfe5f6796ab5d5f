//! Journey group `deploy`: the Deploy VM wizard, step by step (GPU → region → boot source →
//! SSH keys → advanced → name and review), each journey against its own `barrack-sim
//! --seed sandbox` (ACTIVE `train-h100` in CANADA-1, SHUTOFF `dev-a6000` in NORWAY-1,
//! HIBERNATED `archive-a100` in US-1; the custom image `pytorch-cuda-base` in CANADA-1; the
//! keys `alice-laptop` and `ci-runner`; 250 USD) signed in through the sign-in screen.
//!
//! What the window shows is compared with what the emulator's API says (prices from its
//! pricing table, images of a region, the VMs created, the keys they carry) and with its
//! admin endpoint (how many deploy requests arrived). Time passes at a simulated minute a
//! second; where CREATING must be seen the clock is slowed, then moved on. Every wait has a
//! deadline; every wizard step leaves a screenshot in `target/e2e-artifacts/<journey>/`.
//!
//! Run with `scripts/e2e deploy`; elsewhere each journey prints why it skipped.

use anyhow::{anyhow, bail, ensure, Context, Result};
use barrack_e2e::wizard::{
    click_enabled, current_step, next, pick_gpu, vm_named, wait_attr_true, wait_status, wait_step,
    STEPS,
};
use barrack_e2e::{
    finish, focused, journey, js, js_str, parse_amount, paste, q, scroll_to, sign_in, sign_in_to,
    text_of, tid, wait_js, wait_notification, workspace_root, Admin, Api, App, Journey, Signed,
    STEP,
};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// A VM transition seen through the poller (2 s while something is in transition).
const SETTLE: Duration = Duration::from_secs(40);
/// The app coming back after a kill: a new driver, the window, the session from the keyring.
const RESTART: Duration = Duration::from_secs(45);

/// Focus moving to the field at fault after a refused click (one render and effect).
const FOCUS: Duration = Duration::from_secs(3);

/// The sandbox seed at a simulated minute per second.
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];

// --- reading the emulator ----------------------------------------------------------------

/// The account's currency (`balance/`).
fn currency(api: &Api) -> Result<String> {
    let b = api.get("balance/")?;
    b["currency"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("balance/ has no currency: {b}"))
}

/// The price of one GPU of `model` per hour in `cur` from the emulator's pricing table
/// (`pricing/`), in the first tier that lists the model.
fn gpu_price(api: &Api, model: &str, cur: &str) -> Result<f64> {
    let p = api.get("pricing/")?;
    let tiers = p["pricing_data"]["gpus"]["pricing"]
        .as_object()
        .ok_or_else(|| anyhow!("pricing/ has no pricing_data.gpus.pricing: {p}"))?;
    for (_tier, models) in tiers {
        if let Some(price) = models[model]["prices"][cur].as_f64() {
            return Ok(price);
        }
    }
    bail!("the pricing table lists no {model} price in {cur}")
}

/// The first OS image of `region` (`os-images/`).
fn os_image_of(api: &Api, region: &str) -> Result<(String, String)> {
    let v = api.get("os-images/")?;
    v["images"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["region"].as_str() == Some(region))
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_owned(),
                i["name"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .ok_or_else(|| anyhow!("os-images/ has no image in {region}"))
}

/// The account's SSH keys as `(id, name)`.
fn ssh_keys(api: &Api) -> Result<Vec<(String, String)>> {
    let v = api.get("ssh-keys/")?;
    Ok(v["ssh_keys"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|k| {
            (
                k["id"].as_str().unwrap_or_default().to_owned(),
                k["name"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect())
}

/// The custom images a VM in `region` can boot from, as the API lists them: Available
/// images of the region and completed snapshots of the region taken as images.
fn custom_images_of(api: &Api, region: &str) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    let images = api.get("images/?limit=100")?;
    for i in images["images"].as_array().into_iter().flatten() {
        if i["region"].as_str() == Some(region)
            && i["status"].as_str().map(str::to_uppercase).as_deref() == Some("AVAILABLE")
        {
            ids.push(i["id"].as_str().unwrap_or_default().to_owned());
        }
    }
    let snaps = api.get("snapshots/?limit=100")?;
    for s in snaps["snapshots"].as_array().into_iter().flatten() {
        if s["is_image"].as_bool() == Some(true)
            && s["region"].as_str() == Some(region)
            && s["status"].as_str().map(str::to_uppercase).as_deref() == Some("SUCCESS")
        {
            ids.push(s["id"].as_str().unwrap_or_default().to_owned());
        }
    }
    ids.sort();
    Ok(ids)
}

/// `DEP` and seven digits somewhere in the text.
fn deployment_id_in(t: &str) -> Option<String> {
    t.match_indices("DEP").find_map(|(i, _)| {
        let digits: String = t[i + 3..].chars().take(8).collect();
        let n = digits.chars().take_while(char::is_ascii_digit).count();
        (n == 7).then(|| t[i..i + 10].to_owned())
    })
}

/// "2.38 USD/h" for 2.38 in USD (the app's `formatHourly`: two decimals, thousands commas).
fn money(amount: f64, decimals: usize) -> String {
    let s = format!("{amount:.decimals$}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

// --- the wizard ------------------------------------------------------------------------------

/// What a journey chooses in the wizard.
struct Choice {
    model: &'static str,
    count: u32,
    region: &'static str,
    /// `os_image`, `volume` or `custom_image`.
    boot_kind: &'static str,
    boot_id: String,
    keys: Vec<String>,
    name: String,
}

/// Sidebar → Deploy VM; waits for a wizard step (a restored draft may open another step
/// than the first); returns it.
async fn open_wizard(app: &mut App) -> Result<String> {
    app.click(&tid("nav-deploy"), STEP).await?;
    wait_step(app).await
}

/// GPU step: the model's card and the count.
async fn gpu_step(app: &mut App, c: &Choice) -> Result<()> {
    pick_gpu(app, c.model, c.count).await
}

/// Region step: the region (enabled for the chosen model and count).
async fn region_step(app: &mut App, c: &Choice) -> Result<()> {
    app.wait_for(&tid("deploy-step-region"), STEP).await?;
    let region = format!("region-{}", c.region);
    click_enabled(app, &region).await?;
    wait_attr_true(app, &region, "aria-pressed").await
}

/// Boot step: the tab of the kind, then the item.
async fn boot_step(app: &mut App, c: &Choice) -> Result<()> {
    app.wait_for(&tid("deploy-step-boot"), STEP).await?;
    app.click(&tid(&format!("boot-tab-{}", c.boot_kind)), STEP)
        .await?;
    let item = format!("boot-item-{}", c.boot_id);
    app.click(&tid(&item), STEP).await?;
    wait_attr_true(app, &item, "aria-checked").await
}

/// Whether the key's checkbox is ticked (`None` when it is not shown).
async fn key_checked(app: &App, id: &str) -> Result<Option<bool>> {
    Ok(js(
        app,
        &format!(
            "const e = first({}); return e ? e.checked : null;",
            q(&format!("ssh-key-{id}"))
        ),
    )
    .await?
    .as_bool())
}

/// Keys step: exactly the keys of the choice ticked, out of `all`.
async fn keys_step(app: &mut App, c: &Choice, all: &[String]) -> Result<()> {
    app.wait_for(&tid("deploy-step-keys"), STEP).await?;
    for id in all {
        app.wait_for(&tid(&format!("ssh-key-{id}")), STEP).await?;
        let want = c.keys.contains(id);
        if key_checked(app, id).await? != Some(want) {
            app.click(&tid(&format!("ssh-key-{id}")), STEP).await?;
        }
        wait_js(
            app,
            &format!("ssh-key-{id} checked={want}"),
            &format!(
                "const e = first({}); return !!e && e.checked === {want};",
                q(&format!("ssh-key-{id}"))
            ),
            STEP,
        )
        .await?;
    }
    Ok(())
}

/// Review step: the name typed.
async fn review_step(app: &mut App, c: &Choice) -> Result<()> {
    app.wait_for(&tid("deploy-step-review"), STEP).await?;
    app.fill(&tid("deploy-name"), &c.name, STEP).await
}

/// Goes through every step with the choice (advanced left as it is), a screenshot of each,
/// and stops on the review step with the name typed.
async fn through_wizard(j: &Journey, app: &mut App, c: &Choice, all_keys: &[String]) -> Result<()> {
    let first = open_wizard(app).await?;
    ensure!(
        first == "gpu",
        "a fresh wizard opens on the GPU step (it opened on {first})"
    );
    gpu_step(app, c).await?;
    app.screenshot("1-gpu").await?;
    next(app, "region").await?;
    region_step(app, c).await?;
    app.screenshot("2-region").await?;
    next(app, "boot").await?;
    boot_step(app, c).await?;
    app.screenshot("3-boot").await?;
    next(app, "keys").await?;
    keys_step(app, c, all_keys).await?;
    app.screenshot("4-keys").await?;
    next(app, "advanced").await?;
    app.screenshot("5-advanced").await?;
    next(app, "review").await?;
    review_step(app, c).await?;
    app.screenshot("6-review").await?;
    j.log(format!(
        "wizard filled: {} x{} in {}, {} {}, keys {:?}, name {}",
        c.model, c.count, c.region, c.boot_kind, c.boot_id, c.keys, c.name
    ));
    Ok(())
}

/// The texts of the review's summary rows (`deploy-summary-<step>`).
async fn summary(app: &App) -> Result<Value> {
    js(
        app,
        "const out = {};\
         for (const s of ['gpu', 'region', 'boot', 'keys', 'advanced']) {\
           out[s] = text('[data-testid=\"deploy-summary-' + s + '\"]');\
         }\
         const n = first('[data-testid=\"deploy-name\"]');\
         out.name = n ? n.value : null;\
         return out;",
    )
    .await
}

/// Checks that the review shows the choice (model and count, region, boot source, keys by
/// name, the name).
async fn review_shows(app: &App, c: &Choice, boot_name: &str, key_names: &[String]) -> Result<()> {
    let s = summary(app).await?;
    let field = |k: &str| s[k].as_str().unwrap_or_default().to_owned();
    ensure!(
        field("gpu").contains(c.model) && field("gpu").contains(&format!("×{}", c.count)),
        "deploy-summary-gpu shows {} ×{}: {s}",
        c.model,
        c.count
    );
    ensure!(
        field("region").contains(c.region),
        "deploy-summary-region shows {}: {s}",
        c.region
    );
    ensure!(
        field("boot").contains(boot_name),
        "deploy-summary-boot shows {boot_name}: {s}"
    );
    for k in key_names {
        ensure!(
            field("keys").contains(k.as_str()),
            "deploy-summary-keys names {k}: {s}"
        );
    }
    ensure!(field("name") == c.name, "deploy-name holds {}: {s}", c.name);
    Ok(())
}

/// Clicks Deploy and waits for the new VM's page; returns its status text then.
async fn deploy_and_open(j: &Journey, app: &mut App, c: &Choice) -> Result<String> {
    app.click(&tid("deploy-submit"), STEP).await?;
    app.wait_for(&tid("page-instance-detail"), STEP)
        .await
        .context("Deploy opens the new VM's page")?;
    let named = wait_js(
        app,
        "the new VM's page names it",
        &format!(
            "return (text({}) || '').includes({});",
            q("page-instance-detail"),
            js_str(&c.name)
        ),
        STEP,
    )
    .await;
    named.with_context(|| format!("the page after Deploy is {}'s", c.name))?;
    let status = app
        .wait_text(&tid("vm-status"), |t| !t.trim().is_empty(), STEP)
        .await?;
    j.log(format!("deployed {}: its page shows {status}", c.name));
    Ok(status)
}

/// The keys of the sandbox: `(ids, names)`.
fn sandbox_keys(api: &Api) -> Result<(Vec<String>, Vec<String>)> {
    let keys = ssh_keys(api)?;
    ensure!(
        keys.len() == 2,
        "the sandbox has 2 SSH keys, the emulator lists {keys:?}"
    );
    Ok(keys.into_iter().unzip())
}

// --- a. deploy from an OS image -------------------------------------------------------------

journey!(
    deploy_from_an_os_image_to_active,
    "deploy_os_image",
    os_image
);

/// L40 ×2 in NORWAY-1 from its first OS image with one key: the review's prices are the
/// emulator's pricing table's; Deploy opens the VM's page, CREATING (clock slowed) then
/// ACTIVE, with a deployment id; dunst showed "<name> is running".
async fn os_image(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (key_ids, key_names) = sandbox_keys(&api)?;
    let region = "NORWAY-1";
    let (image_id, image_name) = os_image_of(&api, region)?;
    let c = Choice {
        model: "L40",
        count: 2,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: vec![key_ids[0].clone()],
        name: "e2e-l40-os".into(),
    };
    let (app, admin) = (&mut s.app, &s.admin);
    through_wizard(j, app, &c, &key_ids).await?;
    review_shows(app, &c, &image_name, &key_names[..1]).await?;

    // The price is the pricing table's, for two GPUs.
    let cur = currency(&api)?;
    let per_gpu = gpu_price(&api, c.model, &cur)?;
    let hourly = per_gpu * f64::from(c.count);
    let want_hour = format!("{} {cur}/h", money(hourly, 2));
    let shown_hour = app
        .wait_text(&tid("deploy-price-hour"), |t| t.contains(&cur), STEP)
        .await?;
    ensure!(
        shown_hour.trim() == want_hour,
        "deploy-price-hour reads {shown_hour:?}; the pricing table gives {per_gpu} {cur} per GPU, ×{} = {want_hour:?}",
        c.count
    );
    let shown_minute = app
        .wait_text(&tid("deploy-price-minute"), |t| t.contains(&cur), STEP)
        .await?;
    let minute = parse_amount(&shown_minute)
        .ok_or_else(|| anyhow!("deploy-price-minute has no amount: {shown_minute:?}"))?;
    ensure!(
        (minute - hourly / 60.0).abs() < 0.00006,
        "deploy-price-minute reads {shown_minute:?}; {hourly}/60 = {:.4} expected",
        hourly / 60.0
    );
    let runway = text_of(app, "deploy-runway").await?.unwrap_or_default();
    j.log(format!(
        "price {shown_hour:?} / {shown_minute:?} (table: {per_gpu} {cur} per GPU); runway {runway:?}"
    ));
    scroll_to(app, "deploy-price-hour").await?;
    app.screenshot("6-review-price").await?;

    // Deploy with the clock slowed, so CREATING is seen; then time moves on.
    admin.clock_scale(0.01)?;
    deploy_and_open(j, app, &c).await?;
    wait_status(app, "CREATING", SETTLE).await?;
    let dep = app
        .wait_text(
            &tid("deployment-id"),
            |t| deployment_id_in(t).is_some(),
            STEP,
        )
        .await
        .context("the VM's page shows its deployment id DEP#######")?;
    let dep = deployment_id_in(&dep).unwrap_or_default();
    app.screenshot("7-creating").await?;
    admin.clock_advance(5.0, 60.0)?;
    wait_status(app, "ACTIVE", SETTLE).await?;
    app.screenshot("8-active").await?;
    let vm = vm_named(&api, &c.name, STEP).await?;
    ensure!(
        vm["deployment_id"].as_str().is_none_or(|d| d == dep),
        "the page's deployment id {dep} is the emulator's: {}",
        vm["deployment_id"]
    );
    let (summary, body) = wait_notification(
        &format!("\"{} is running\"", c.name),
        |t| t == format!("{} is running", c.name),
        SETTLE,
    )
    .await?;
    j.log(format!(
        "deployment {dep}; notification {summary:?}: {body:?}"
    ));
    let n = admin.count("deploy_instance")?;
    ensure!(n == 1, "deploy_instance was sent {n} times (once)");
    finish(s).await
}

// --- b. a custom image of the region ---------------------------------------------------------

journey!(
    deploy_from_a_custom_image_of_the_region,
    "deploy_custom_image",
    custom_image
);

/// Makes a NORWAY-1 image (a snapshot of dev-a6000 taken as image) beside the sandbox's
/// CANADA-1 `pytorch-cuda-base`; each region's Custom Images tab lists exactly the API's
/// images of that region; switching region clears the chosen image and says so
/// (`deploy-notice`); the VM then boots from the CANADA-1 image.
async fn custom_image(j: &Journey, profile: &str) -> Result<()> {
    let sim = j.sim(SANDBOX).await?;
    let admin = Admin::of(&sim)?;
    let api = Api::of(&sim)?;
    let dev = api
        .instances_named("dev-a6000")?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow!("the sandbox has no dev-a6000"))?;
    // Only a running VM can be snapshotted: start dev-a6000 (SHUTOFF) first.
    let dev_id = dev["id"].as_str().unwrap_or_default().to_owned();
    api.call("POST", &format!("instances/{dev_id}/start/"), None)?;
    let deadline = Instant::now() + SETTLE;
    while api.get(&format!("instances/{dev_id}/"))?["instance"]["status"] != json!("ACTIVE") {
        ensure!(Instant::now() < deadline, "dev-a6000 did not start");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    api.call(
        "POST",
        "snapshots/",
        Some(json!({
            "instance_id": dev["id"], "name": "norway-image", "is_image": true
        })),
    )?;
    let deadline = Instant::now() + SETTLE;
    while custom_images_of(&api, "NORWAY-1")?.is_empty() {
        ensure!(
            Instant::now() < deadline,
            "the snapshot-as-image of dev-a6000 did not complete"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let canada = custom_images_of(&api, "CANADA-1")?;
    let norway = custom_images_of(&api, "NORWAY-1")?;
    j.log(format!(
        "custom images: CANADA-1 {canada:?}, NORWAY-1 {norway:?}"
    ));
    ensure!(
        canada.len() == 1,
        "the sandbox has one image in CANADA-1: {canada:?}"
    );
    let mut s = sign_in_to(j, profile, sim, admin).await?;
    let (key_ids, key_names) = sandbox_keys(&api)?;
    let c = Choice {
        model: "H100-SXM5-80GB",
        count: 1,
        region: "CANADA-1",
        boot_kind: "custom_image",
        boot_id: canada[0].clone(),
        keys: vec![key_ids[1].clone()],
        name: "e2e-from-image".into(),
    };
    let app = &mut s.app;
    // Record every deploy-notice shown, whenever it shows.
    js(
        app,
        "window.__e2eNotices = [];\
         const seen = () => { const t = text('[data-testid=\"deploy-notice\"]');\
           if (t && window.__e2eNotices[window.__e2eNotices.length - 1] !== t) window.__e2eNotices.push(t); };\
         new MutationObserver(seen).observe(document.body, {subtree: true, childList: true, characterData: true});\
         return true;",
    )
    .await?;

    open_wizard(app).await?;
    gpu_step(app, &c).await?;
    app.screenshot("1-gpu").await?;
    next(app, "region").await?;
    region_step(app, &c).await?;
    app.screenshot("2-region").await?;
    next(app, "boot").await?;
    app.click(&tid("boot-tab-custom_image"), STEP).await?;
    let listed = listed_boot_items(app, &canada).await?;
    ensure!(
        listed == canada,
        "the Custom Images tab in CANADA-1 lists {listed:?}; the API's images of CANADA-1 are {canada:?}"
    );
    boot_step(app, &c).await?;
    app.screenshot("3-boot-custom-canada").await?;

    // Back to the region step, another region: the image no longer fits and is dropped.
    app.click(&tid("deploy-back"), STEP).await?;
    app.wait_for(&tid("deploy-step-region"), STEP).await?;
    let other = Choice {
        region: "NORWAY-1",
        ..clone_choice(&c)
    };
    js(app, "window.__e2eNotices = []; return true;").await?;
    region_step(app, &other).await?;
    // The notice may come with the new region or on the boot step it leads to.
    next(app, "boot").await?;
    let notice = wait_js(
        app,
        "a deploy-notice that the boot source was cleared",
        "return window.__e2eNotices.length ? window.__e2eNotices.join(' | ') : null;",
        STEP,
    )
    .await?;
    let notice = notice.as_str().unwrap_or_default().to_owned();
    ensure!(
        notice.to_lowercase().contains("image") || notice.contains("pytorch-cuda-base"),
        "the notice says the chosen image was dropped: {notice:?}"
    );
    j.log(format!("switching region: {notice:?}"));
    app.wait_for(&tid("deploy-step-boot"), STEP).await?;
    app.screenshot("3-boot-notice-norway").await?;
    app.click(&tid("boot-tab-custom_image"), STEP).await?;
    let listed = listed_boot_items(app, &norway).await?;
    ensure!(
        listed == norway,
        "the Custom Images tab in NORWAY-1 lists {listed:?}; the API's images of NORWAY-1 are {norway:?}"
    );
    let chosen = js(
        app,
        "return Array.from(document.querySelectorAll('[data-testid^=\"boot-item-\"]'))\
           .filter((e) => vis(e) && e.getAttribute('aria-checked') === 'true')\
           .map((e) => e.getAttribute('data-testid'));",
    )
    .await?;
    ensure!(
        chosen == json!([]),
        "no boot source is chosen after the region changed: {chosen}"
    );
    ensure!(
        app.is_displayed(&tid("boot-custom-hint")).await,
        "the Custom Images tab explains images stay in their region (boot-custom-hint)"
    );
    app.screenshot("3-boot-custom-norway").await?;

    // Back to CANADA-1, the image again, and on to the end.
    app.click(&tid("deploy-back"), STEP).await?;
    region_step(app, &c).await?;
    next(app, "boot").await?;
    boot_step(app, &c).await?;
    next(app, "keys").await?;
    keys_step(app, &c, &key_ids).await?;
    app.screenshot("4-keys").await?;
    next(app, "advanced").await?;
    app.screenshot("5-advanced").await?;
    next(app, "review").await?;
    review_step(app, &c).await?;
    review_shows(app, &c, "pytorch-cuda-base", &key_names[1..]).await?;
    app.screenshot("6-review").await?;
    deploy_and_open(j, app, &c).await?;
    wait_status(app, "ACTIVE", SETTLE).await?;
    app.screenshot("7-active").await?;
    let vm = vm_named(&api, &c.name, STEP).await?;
    ensure!(
        vm["image"]["id"].as_str() == Some(c.boot_id.as_str())
            && vm["image"]["type"].as_str() == Some("custom_image")
            && vm["region"].as_str() == Some(c.region),
        "the VM boots from the custom image {} in {}: {vm}",
        c.boot_id,
        c.region
    );
    finish(s).await
}

fn clone_choice(c: &Choice) -> Choice {
    Choice {
        model: c.model,
        count: c.count,
        region: c.region,
        boot_kind: c.boot_kind,
        boot_id: c.boot_id.clone(),
        keys: c.keys.clone(),
        name: c.name.clone(),
    }
}

/// The ids of the boot items listed on the shown tab, sorted (waits until the tab has
/// loaded: items or its empty text; and until `expected` are all there).
async fn listed_boot_items(app: &mut App, expected: &[String]) -> Result<Vec<String>> {
    let v = wait_js(
        app,
        "the boot tab's list",
        &format!(
            "const items = Array.from(document.querySelectorAll('[data-testid^=\"boot-item-\"]')).filter(vis)\
               .map((e) => e.getAttribute('data-testid').slice('boot-item-'.length)).sort();\
             const empty = Array.from(document.querySelectorAll('[data-testid^=\"boot-empty-\"]')).some(vis);\
             const want = {};\
             if (!empty && items.length === 0) return null;\
             if (!want.every((w) => items.includes(w))) return null;\
             return items;",
            json!(expected)
        ),
        STEP,
    )
    .await?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_owned))
        .collect())
}

// --- c. a key imported on the way ------------------------------------------------------------

journey!(
    deploy_with_a_key_imported_inline,
    "deploy_imported_key",
    imported_key
);

/// A new ed25519 public key (ssh-keygen, else a fixed valid line) imported on the keys
/// step is selected at once; the VM carries it (the emulator's `ssh_key_ids`).
async fn imported_key(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (key_ids, _) = sandbox_keys(&api)?;
    let line = public_key_line(j)?;
    j.log(format!("importing {}", &line[..line.len().min(40)]));
    let region = "US-1";
    let (image_id, _) = os_image_of(&api, region)?;
    let mut c = Choice {
        model: "A40",
        count: 1,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: Vec::new(),
        name: "e2e-new-key".into(),
    };
    let app = &mut s.app;
    open_wizard(app).await?;
    gpu_step(app, &c).await?;
    next(app, "region").await?;
    region_step(app, &c).await?;
    next(app, "boot").await?;
    boot_step(app, &c).await?;
    next(app, "keys").await?;
    keys_step(app, &c, &key_ids).await?;
    app.screenshot("4-keys-none").await?;

    app.click(&tid("ssh-key-import"), STEP).await?;
    app.fill(&tid("ssh-import-name"), "e2e-laptop", STEP)
        .await?;
    paste(app, "ssh-import-key", &line).await?;
    app.screenshot("4-keys-import").await?;
    app.click(&tid("ssh-import-submit"), STEP).await?;
    let deadline = Instant::now() + STEP;
    let new_id = loop {
        if let Some((id, _)) = ssh_keys(&api)?.into_iter().find(|(_, n)| n == "e2e-laptop") {
            break id;
        }
        ensure!(
            Instant::now() < deadline,
            "the imported key never reached the emulator"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    wait_js(
        app,
        "the imported key listed and ticked",
        &format!(
            "const e = first({}); return !!e && e.checked;",
            q(&format!("ssh-key-{new_id}"))
        ),
        STEP,
    )
    .await?;
    for id in &key_ids {
        ensure!(
            key_checked(app, id).await? == Some(false),
            "only the imported key is ticked ({id} is too)"
        );
    }
    j.log(format!("imported as {new_id}, ticked"));
    app.screenshot("4-keys-imported").await?;
    c.keys = vec![new_id.clone()];
    next(app, "advanced").await?;
    next(app, "review").await?;
    review_step(app, &c).await?;
    review_shows(app, &c, "", &["e2e-laptop".to_owned()]).await?;
    app.screenshot("6-review").await?;
    deploy_and_open(j, app, &c).await?;
    let vm = vm_named(&api, &c.name, STEP).await?;
    let ids: Vec<&str> = vm["ssh_key_ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    ensure!(
        ids == [new_id.as_str()],
        "the VM carries the imported key {new_id}: ssh_key_ids = {ids:?}"
    );
    wait_status(app, "ACTIVE", SETTLE).await?;
    app.screenshot("7-active").await?;
    finish(s).await
}

/// A fresh `ssh-ed25519 …` line from ssh-keygen in the journey's folder, else a fixed one.
fn public_key_line(j: &Journey) -> Result<String> {
    let k = j.work.join("k");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "e2e@barrack", "-f"])
        .arg(&k)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let line = std::fs::read_to_string(k.with_extension("pub"))
            .context("read the key ssh-keygen made")?;
        return Ok(line.trim().to_owned());
    }
    j.log("no ssh-keygen: importing a fixed test key");
    Ok("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0n0f1Yb5uQm1yqv7m0XyQ6oN7bJvQvJx0m9S8wZ2k e2e@barrack".into())
}

// --- d. bad input refused at its field -------------------------------------------------------

journey!(
    deploy_bad_input_is_refused_at_the_field,
    "deploy_bad_input",
    bad_input
);

/// A malformed public key, a /33 CIDR, a cloud-init script over 16 KB and a 51-character
/// name are each refused at their field, with focus on the field at fault, and nothing is
/// sent.
async fn bad_input(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (key_ids, _) = sandbox_keys(&api)?;
    let region = "NORWAY-1";
    let (image_id, _) = os_image_of(&api, region)?;
    let c = Choice {
        model: "L40",
        count: 1,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: vec![key_ids[0].clone()],
        name: "x".repeat(51),
    };
    let (app, admin) = (&mut s.app, &s.admin);
    open_wizard(app).await?;
    gpu_step(app, &c).await?;
    next(app, "region").await?;
    region_step(app, &c).await?;
    next(app, "boot").await?;
    boot_step(app, &c).await?;
    next(app, "keys").await?;

    // A public key that is not one.
    app.click(&tid("ssh-key-import"), STEP).await?;
    app.fill(&tid("ssh-import-name"), "bad-key", STEP).await?;
    app.fill(&tid("ssh-import-key"), "ssh-ed25519 not-a-key", STEP)
        .await?;
    app.click(&tid("ssh-import-submit"), STEP).await?;
    let e = app
        .wait_text(&tid("deploy-ssh-import-key-error"), |t| !t.is_empty(), STEP)
        .await
        .context("a malformed public key is refused at its field")?;
    let mut unfocused = Vec::new();
    if let Err(e) = expect_focus(app, "deploy-ssh-import-key", "ssh-import-key", FOCUS).await {
        unfocused.push(format!("Import key: {e:#}"));
    }
    j.log(format!("bad key: {e:?}"));
    app.screenshot("4-keys-bad-key").await?;
    ensure!(
        admin.count("create_ssh_key")? == 0,
        "a refused key is not sent"
    );
    keys_step(app, &c, &key_ids).await?;
    next(app, "advanced").await?;

    // A CIDR that is not one.
    app.fill(&tid("rule-cidr"), "10.0.0.0/33", STEP).await?;
    app.fill(&tid("rule-port-min"), "22", STEP).await?;
    app.fill(&tid("rule-port-max"), "22", STEP).await?;
    app.click(&tid("rule-add"), STEP).await?;
    let e = app
        .wait_text(&tid("deploy-rule-cidr-error"), |t| !t.is_empty(), STEP)
        .await
        .context("a /33 IPv4 range is refused at its field")?;
    if let Err(e) = expect_focus(app, "deploy-rule-cidr", "rule-cidr", FOCUS).await {
        unfocused.push(format!("Add rule: {e:#}"));
    }
    ensure!(
        !app.is_displayed(&tid("rule-item-0")).await,
        "a refused rule is not added"
    );
    j.log(format!("bad CIDR: {e:?}"));
    scroll_to(app, "rule-cidr").await?;
    app.screenshot("5-advanced-bad-cidr").await?;
    js(
        app,
        &format!(
            "const e = first({}); if (e) e.blur(); return true;",
            q("rule-cidr")
        ),
    )
    .await?;

    // A cloud-init script one byte over 16 KB: said at once, and Next goes to it.
    let script = format!("#!/bin/bash\n{}", "#".repeat(16 * 1024 - 12 + 1));
    ensure!(script.len() == 16 * 1024 + 1, "the script is 16 KB + 1");
    paste(app, "deploy-cloud-init", &script).await?;
    let e = app
        .wait_text(&tid("deploy-cloud-init-error"), |t| !t.is_empty(), STEP)
        .await
        .context("a cloud-init script over 16 KB is refused at its field")?;
    let size = text_of(app, "cloud-init-size").await?.unwrap_or_default();
    j.log(format!("cloud-init over 16 KB: {e:?} ({size})"));
    // Focus elsewhere, then Next: refused, focus on the script.
    js(
        app,
        "document.activeElement && document.activeElement.blur(); return true;",
    )
    .await?;
    app.click(&tid("deploy-next"), STEP).await?;
    expect_focus(app, "deploy-cloudInit", "deploy-cloud-init", FOCUS).await?;
    ensure!(
        app.is_displayed(&tid("deploy-step-advanced")).await,
        "Next stays on the advanced step while the script is too big"
    );
    scroll_to(app, "deploy-cloud-init").await?;
    app.screenshot("5-advanced-cloud-init-too-big").await?;
    paste(app, "deploy-cloud-init", "#!/bin/bash\necho ok\n").await?;
    next(app, "review").await?;

    // A 51-character name: said as typed; Deploy is refused with focus on it.
    review_step(app, &c).await?;
    let e = app
        .wait_text(&tid("deploy-name-error"), |t| !t.is_empty(), STEP)
        .await
        .context("a 51-character name is refused at its field")?;
    js(
        app,
        "document.activeElement && document.activeElement.blur(); return true;",
    )
    .await?;
    app.click(&tid("deploy-submit"), STEP).await?;
    expect_focus(app, "deploy-name", "deploy-name", FOCUS).await?;
    j.log(format!("51-character name: {e:?}"));
    app.screenshot("6-review-long-name").await?;
    ensure!(
        admin.count("deploy_instance")? == 0,
        "nothing is deployed while a field is at fault"
    );
    // The inline forms (import a key, add a rule) are checked last, so that one of them
    // leaving focus on its button does not hide what the wizard's own steps do.
    ensure!(
        unfocused.is_empty(),
        "the field at fault is not focused after a refused submit: {}",
        unfocused.join("; ")
    );
    finish(s).await
}

/// Waits until the focused element is the control with DOM id `dom_id` (or test id
/// `test_id`).
async fn expect_focus(app: &mut App, dom_id: &str, test_id: &str, within: Duration) -> Result<()> {
    let found = wait_js(
        app,
        &format!("focus on {dom_id}"),
        &format!(
            "const e = document.activeElement;\
             return !!e && (e.id === {} || e.getAttribute('data-testid') === {});",
            js_str(dom_id),
            js_str(test_id)
        ),
        within,
    )
    .await;
    if found.is_err() {
        let f = focused(app).await?;
        bail!("focus is not on the field at fault {dom_id} ({test_id}): document.activeElement is {f}");
    }
    Ok(())
}

// --- e. not enough credit -------------------------------------------------------------------

journey!(
    deploy_refused_for_low_balance_keeps_every_choice,
    "deploy_low_balance",
    low_balance
);

/// With 1 USD left, Deploy is refused with an Insufficient Credits message and a link to
/// Billing & Credits; the review still shows every choice.
async fn low_balance(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (key_ids, key_names) = sandbox_keys(&api)?;
    let region = "CANADA-1";
    let (image_id, image_name) = os_image_of(&api, region)?;
    let c = Choice {
        model: "L40",
        count: 2,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: key_ids.clone(),
        name: "e2e-too-costly".into(),
    };
    s.admin.balance(1.0)?;
    let (app, admin) = (&mut s.app, &s.admin);
    through_wizard(j, app, &c, &key_ids).await?;
    app.click(&tid("deploy-submit"), STEP).await?;
    let e = app
        .wait_text(&tid("deploy-error"), |t| !t.trim().is_empty(), STEP)
        .await
        .context("a deployment the balance does not cover is refused in deploy-error")?;
    let lower = e.to_lowercase();
    ensure!(
        lower.contains("insufficient") || lower.contains("credit"),
        "deploy-error speaks of insufficient credits: {e:?}"
    );
    let link = app
        .wait_for(&tid("deploy-billing-link"), STEP)
        .await
        .context("deploy-error links to Billing & Credits")?;
    let link_text = link.text().await?;
    j.log(format!(
        "refused: {:?}; link {link_text:?}",
        e.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    ensure!(
        app.is_displayed(&tid("deploy-step-review")).await,
        "the wizard stays on the review after the refusal"
    );
    review_shows(app, &c, &image_name, &key_names).await?;
    scroll_to(app, "deploy-error").await?;
    app.screenshot("6-review-insufficient-credits").await?;
    ensure!(
        api.instances_named(&c.name)?.is_empty(),
        "no VM was created"
    );
    let n = admin.count("deploy_instance")?;
    ensure!(n == 1, "deploy_instance was sent {n} times (once, refused)");

    app.click(&tid("deploy-billing-link"), STEP).await?;
    wait_js(
        app,
        "the Billing & Credits page",
        "return location.hash.includes('billing') || shown('[data-testid=\"page-billing\"]');",
        STEP,
    )
    .await
    .context("the link opens Billing & Credits")?;
    app.screenshot("billing").await?;
    finish(s).await
}

// --- f. the draft outlives a crash -----------------------------------------------------------

journey!(
    deploy_draft_survives_a_killed_app,
    "deploy_draft_kill",
    draft_kill
);

/// The wizard filled up to the review, the app killed (SIGKILL) once the draft is on
/// disk; started again with the same home (signed in from the keyring), Deploy VM shows
/// the same model, count, region and name.
async fn draft_kill(j: &Journey, profile: &str) -> Result<()> {
    let s = sign_in(j, profile, SANDBOX).await?;
    let Signed {
        sim,
        admin,
        driver,
        mut app,
    } = s;
    let api = Api::of(&sim)?;
    let (key_ids, key_names) = sandbox_keys(&api)?;
    let region = "US-1";
    let (image_id, image_name) = os_image_of(&api, region)?;
    let c = Choice {
        model: "A40",
        count: 1,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: vec![key_ids[1].clone()],
        name: "e2e-draft-survivor".into(),
    };
    through_wizard(j, &mut app, &c, &key_ids).await?;
    // Once the draft (with the name) is written to the app's store, the app dies.
    let store = j.app_data_dir().join("settings.json");
    let deadline = Instant::now() + STEP;
    loop {
        let text = std::fs::read_to_string(&store).unwrap_or_default();
        if text.contains(&c.name) {
            break;
        }
        ensure!(
            Instant::now() < deadline,
            "the draft with the name never reached {}",
            store.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.kill().await?;
    driver.stop();
    j.log("app killed with the draft on disk; starting it again");

    let driver = j.driver().await?;
    let mut app = driver.open(&[]).await?;
    let started = Instant::now();
    app.wait_for_never_seeing(&tid("app-shell"), &tid("signin"), RESTART)
        .await
        .context("the app comes back signed in (key in the keyring)")?;
    j.log(format!(
        "back signed in after {:.1}s",
        started.elapsed().as_secs_f64()
    ));
    let step = open_wizard(&mut app).await?;
    j.log(format!("Deploy VM opens on the {step} step"));
    app.screenshot("restored").await?;
    // Walk to the review, checking the choices on the way.
    let mut at = step;
    loop {
        match at.as_str() {
            "gpu" => {
                wait_attr_true(&mut app, &format!("gpu-card-{}", c.model), "aria-pressed").await?;
                wait_attr_true(&mut app, &format!("gpu-count-{}", c.count), "aria-pressed").await?;
            }
            "region" => {
                wait_attr_true(&mut app, &format!("region-{}", c.region), "aria-pressed").await?;
            }
            "review" => break,
            _ => {}
        }
        let i = STEPS.iter().position(|s| *s == at).unwrap_or(0);
        let to = STEPS[(i + 1).min(STEPS.len() - 1)];
        next(&mut app, to).await?;
        at = to.to_owned();
    }
    wait_js(
        &mut app,
        "the restored name in deploy-name",
        &format!(
            "const e = first({}); return !!e && e.value === {};",
            q("deploy-name"),
            js_str(&c.name)
        ),
        STEP,
    )
    .await?;
    review_shows(&app, &c, &image_name, &key_names[1..]).await?;
    app.screenshot("6-review-restored").await?;
    ensure!(
        current_step(&app).await?.as_deref() == Some("review"),
        "on the review"
    );
    finish(Signed {
        sim,
        admin,
        driver,
        app,
    })
    .await
}

// --- g. a double click deploys once ----------------------------------------------------------

journey!(
    deploy_double_click_creates_one_vm,
    "deploy_double_click",
    double_click
);

/// Two clicks on Deploy in a row (dispatched back to back, before the page can re-render)
/// send one request and create one VM.
async fn double_click(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (key_ids, _) = sandbox_keys(&api)?;
    let region = "NORWAY-1";
    let (image_id, _) = os_image_of(&api, region)?;
    let c = Choice {
        model: "RTX-A6000",
        count: 1,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: vec![key_ids[0].clone()],
        name: "e2e-once".into(),
    };
    let (app, admin) = (&mut s.app, &s.admin);
    through_wizard(j, app, &c, &key_ids).await?;
    app.wait_for(&tid("deploy-submit"), STEP).await?;
    js(
        app,
        &format!(
            "const b = first({}); b.click(); b.click(); return true;",
            q("deploy-submit")
        ),
    )
    .await?;
    app.wait_for(&tid("page-instance-detail"), STEP)
        .await
        .context("Deploy opens the new VM's page")?;
    wait_status(app, "ACTIVE", SETTLE).await?;
    app.screenshot("7-active").await?;
    let n = admin.count("deploy_instance")?;
    let vms = api.instances_named(&c.name)?;
    j.log(format!(
        "double click: deploy_instance sent {n} time(s); {} VM(s) named {}",
        vms.len(),
        c.name
    ));
    ensure!(n == 1, "deploy_instance was sent {n} times (once)");
    ensure!(vms.len() == 1, "{} VMs named {} (one)", vms.len(), c.name);
    finish(s).await
}

// --- h. the equivalent command ---------------------------------------------------------------

journey!(
    deploy_equivalent_command_makes_the_same_vm,
    "deploy_cli_command",
    cli_command
);

/// The review's `barrack deploy …` line, run by the real CLI (through `sh -c`, so the
/// quoting is the shell's) against the emulator with the cloud-init script in the file it
/// names, creates a VM with the same model, count, region, boot source, keys, rules and
/// public IP setting. The app itself deploys nothing.
async fn cli_command(j: &Journey, profile: &str) -> Result<()> {
    let cli = cli_path();
    ensure!(
        cli.is_file(),
        "the CLI is not built: {} (scripts/e2e builds barrack-cli)",
        cli.display()
    );
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (key_ids, key_names) = sandbox_keys(&api)?;
    let region = "CANADA-1";
    let (image_id, image_name) = os_image_of(&api, region)?;
    let c = Choice {
        model: "L40",
        count: 2,
        region,
        boot_kind: "os_image",
        boot_id: image_id,
        keys: key_ids.clone(),
        name: "e2e cli twin".into(),
    };
    let cloud_init = "#cloud-config\npackages:\n  - htop\n";
    let (app, admin) = (&mut s.app, &s.admin);
    open_wizard(app).await?;
    gpu_step(app, &c).await?;
    next(app, "region").await?;
    region_step(app, &c).await?;
    next(app, "boot").await?;
    boot_step(app, &c).await?;
    next(app, "keys").await?;
    keys_step(app, &c, &key_ids).await?;
    next(app, "advanced").await?;
    // Public IP off, one rule, a cloud-init script.
    app.click(&tid("public-ip-toggle"), STEP).await?;
    wait_js(
        app,
        "public-ip-toggle off",
        &format!(
            "const e = first({}); return !!e && e.getAttribute('aria-checked') === 'false';",
            q("public-ip-toggle")
        ),
        STEP,
    )
    .await?;
    app.fill(&tid("rule-cidr"), "198.51.100.0/24", STEP).await?;
    app.fill(&tid("rule-port-min"), "8000", STEP).await?;
    app.fill(&tid("rule-port-max"), "8080", STEP).await?;
    app.click(&tid("rule-add"), STEP).await?;
    app.wait_for(&tid("rule-item-0"), STEP)
        .await
        .context("the rule is added to the list")?;
    paste(app, "deploy-cloud-init", cloud_init).await?;
    scroll_to(app, "deploy-cloud-init").await?;
    app.screenshot("5-advanced").await?;
    next(app, "review").await?;
    review_step(app, &c).await?;
    review_shows(app, &c, &image_name, &key_names).await?;
    let command = app
        .wait_text(
            &tid("deploy-command"),
            |t| t.trim_start().starts_with("barrack deploy") && t.contains("cloud-init"),
            STEP,
        )
        .await
        .context("the review shows the barrack deploy command, with the cloud-init file")?;
    let command = command.trim().to_owned();
    scroll_to(app, "deploy-command").await?;
    app.screenshot("6-review-command").await?;
    j.log(format!("command: {command}"));

    // The file the command names, in the folder it runs in.
    let file = command
        .split_whitespace()
        .skip_while(|w| *w != "--cloud-init")
        .nth(1)
        .map(|w| w.trim_matches('\'').to_owned())
        .ok_or_else(|| anyhow!("the command names no --cloud-init file: {command}"))?;
    let dir = j.work.join("cli");
    std::fs::create_dir_all(dir.join("home"))?;
    std::fs::write(dir.join(&file), cloud_init)?;
    let bin = cli.parent().map(PathBuf::from).unwrap_or_default();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let started = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg(&command)
        .current_dir(&dir)
        .env("PATH", path)
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("home/.config"))
        .env("XDG_DATA_HOME", dir.join("home/.local/share"))
        .env("BARRACK_API_URL", &s.sim.url)
        .env("BARRACK_API_KEY", &s.sim.api_key)
        .env_remove("BARRACK_PROFILE")
        .output()
        .context("run the command with sh -c")?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    std::fs::write(
        j.artifacts.join("cli.log"),
        format!("$ {command}\n{stdout}\n--- stderr ---\n{stderr}"),
    )?;
    ensure!(
        out.status.success(),
        "the command failed ({}): {stdout}{stderr}",
        out.status
    );
    j.log(format!(
        "the CLI deployed in {:.1}s: {}",
        started.elapsed().as_secs_f64(),
        stdout.trim()
    ));

    let vm = vm_named(&api, &c.name, STEP).await?;
    let flavor = &vm["flavor"];
    let mut keys: Vec<&str> = vm["ssh_key_ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    keys.sort_unstable();
    let mut want_keys: Vec<&str> = c.keys.iter().map(String::as_str).collect();
    want_keys.sort_unstable();
    let rules = vm["security_rules"].as_array().cloned().unwrap_or_default();
    let checks = [
        ("gpu_model", flavor["gpu_model"] == json!(c.model)),
        ("gpu_count", flavor["gpu_count"] == json!(c.count)),
        ("region", vm["region"] == json!(c.region)),
        (
            "boot source",
            vm["image"]["id"] == json!(c.boot_id) && vm["image"]["type"] == json!("os_image"),
        ),
        ("ssh keys", keys == want_keys),
        ("public ip off", vm["public_ip_enabled"] == json!(false)),
        (
            "the rule",
            rules.len() == 1
                && rules[0]["direction"] == json!("ingress")
                && rules[0]["protocol"] == json!("tcp")
                && rules[0]["remote_ip_prefix"] == json!("198.51.100.0/24")
                && rules[0]["port_range_min"] == json!(8000)
                && rules[0]["port_range_max"] == json!(8080),
        ),
    ];
    let wrong: Vec<&str> = checks
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(k, _)| *k)
        .collect();
    ensure!(
        wrong.is_empty(),
        "the CLI's VM differs from the wizard's choices in {wrong:?}: {vm}"
    );
    let n = admin.count("deploy_instance")?;
    ensure!(
        n == 1,
        "deploy_instance was sent {n} times (once, by the CLI)"
    );
    finish(s).await
}

/// The CLI built by cargo beside the app: `target/debug/barrack`.
fn cli_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|d| {
            if d.is_absolute() {
                d
            } else {
                workspace_root().join(d)
            }
        })
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("debug/barrack")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_ids_are_found() {
        assert_eq!(
            deployment_id_in("Deployment DEP1234567"),
            Some("DEP1234567".into())
        );
        assert_eq!(deployment_id_in("DEP123456"), None);
        assert_eq!(deployment_id_in("DEP12345678"), None);
    }

    #[test]
    fn money_like_the_app() {
        assert_eq!(money(2.38, 2), "2.38");
        assert_eq!(money(1204.5, 2), "1,204.50");
        assert_eq!(money(0.0397, 4), "0.0397");
    }
}
