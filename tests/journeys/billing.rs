//! Journey group `billing`: the Billing & Credits page, each journey against its own
//! `barrack-sim --seed sandbox` (ACTIVE `train-h100` 2×H100 in CANADA-1, SHUTOFF `dev-a6000`
//! in NORWAY-1, HIBERNATED `archive-a100` in US-1, the snapshot `train-h100-baseline`, the
//! volumes `datasets` (attached) and `ubuntu-boot` (free), 250 USD) signed in through the
//! sign-in screen.
//!
//! What the page shows is compared with the emulator's public API: the cost windows with the
//! sum of every billing record (all pages, clock paused), the burn rate and the "still
//! billing" costs with rates worked out here from its pricing table, the CSV export with its
//! instance records. Balance, clock and seeded records are set through its admin endpoint;
//! notifications are read from dunst. Every wait has a deadline; screenshots go to
//! `target/e2e-artifacts/<journey>/`.
//!
//! Run with `scripts/e2e billing`; elsewhere each journey prints why it skipped.

use anyhow::{anyhow, bail, ensure, Context, Result};
use barrack_e2e::dialog::answer_save_dialog;
use barrack_e2e::{
    count_notifications, finish, journey, js, parse_amount, q, scroll_to, sign_in, text_of, tid,
    wait_gone, wait_js, wait_new_notification, Api, App, Journey, STEP,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A VM transition, a timer or a poll seen through the app (the poller checks every 2 s
/// while something changes; its idle interval is set to 15 s where a journey waits for it).
const SETTLE: Duration = Duration::from_secs(60);

/// The sandbox seed at a simulated minute per second.
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];
/// The sandbox seed in real time (the balance barely moves while the journey runs).
const SANDBOX_REAL_TIME: &[&str] = &["--seed", "sandbox", "--time-scale", "1"];

// --- reading the emulator ----------------------------------------------------------------

fn currency(api: &Api) -> Result<String> {
    let b = api.get("balance/")?;
    b["currency"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("balance/ has no currency: {b}"))
}

/// Every record of a billing endpoint (`instances/billing/`, …), all pages.
fn all_records(api: &Api, path: &str) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for page in 1..=1000 {
        let v = api.get(&format!("{path}?page={page}&limit=500"))?;
        let batch = v["records"].as_array().cloned().unwrap_or_default();
        let pages = v["total_pages"].as_u64().unwrap_or(1);
        let done = batch.is_empty() || page as u64 >= pages;
        out.extend(batch);
        if done {
            return Ok(out);
        }
    }
    bail!("{path} has more than 1000 pages")
}

/// Every instance, volume and snapshot billing record.
fn every_record(api: &Api) -> Result<Vec<Value>> {
    let mut all = all_records(api, "instances/billing/")?;
    all.extend(all_records(api, "volumes/billing/")?);
    all.extend(all_records(api, "snapshots/billing/")?);
    Ok(all)
}

/// The hibernation rate per hour: the pricing endpoint does not carry it; Barrack's docs
/// give 0.01 USD (and EUR) per hour, 1 INR (rules.md §2.1).
fn hibernation_rate(cur: &str) -> f64 {
    if cur == "INR" {
        1.0
    } else {
        0.01
    }
}

/// The pricing table (`pricing/` → `pricing_data`).
fn pricing(api: &Api) -> Result<Value> {
    let p = api.get("pricing/")?;
    ensure!(
        p["pricing_data"].is_object(),
        "pricing/ has no pricing_data: {p}"
    );
    Ok(p["pricing_data"].clone())
}

/// A VM's full rate per hour from the pricing table: its tier's (or the first tier listing
/// the model) price per GPU × its GPU count.
fn full_rate(p: &Value, vm: &Value, cur: &str) -> Result<f64> {
    let model = vm["flavor"]["gpu_model"].as_str().unwrap_or_default();
    let count = vm["flavor"]["gpu_count"].as_f64().unwrap_or(1.0).max(1.0);
    let tiers = p["gpus"]["pricing"]
        .as_object()
        .ok_or_else(|| anyhow!("the pricing table has no gpus.pricing"))?;
    let tier = vm["tier"].as_str().filter(|t| tiers.contains_key(*t));
    let price = tier
        .and_then(|t| tiers[t][model]["prices"][cur].as_f64())
        .or_else(|| {
            tiers
                .values()
                .find_map(|models| models[model]["prices"][cur].as_f64())
        })
        .ok_or_else(|| anyhow!("the pricing table has no {model} price in {cur}"))?;
    Ok(price * count)
}

/// What the account burns per hour now, worked out from the emulator's lists and pricing
/// table: ACTIVE and SHUTOFF VMs their full rate, HIBERNATED the hibernation rate; volumes
/// per TB-hour of their type × size; SUCCESS snapshots their fixed hourly price.
fn expected_burn(api: &Api, cur: &str) -> Result<(f64, String)> {
    let p = pricing(api)?;
    let mut total = 0.0;
    let mut parts = Vec::new();
    for vm in api.instances()? {
        let name = vm["name"].as_str().unwrap_or_default().to_owned();
        let rate = match vm["status"].as_str().unwrap_or_default() {
            "ACTIVE" | "SHUTOFF" => full_rate(&p, &vm, cur)?,
            "HIBERNATED" => hibernation_rate(cur),
            _ => 0.0,
        };
        parts.push(format!("{name} {} {rate}", vm["status"]));
        total += rate;
    }
    let vols = api.get("volumes/?limit=100")?;
    for v in vols["volumes"].as_array().into_iter().flatten() {
        let status = v["status"].as_str().unwrap_or_default().to_uppercase();
        if status == "CREATING" || status == "DELETING" {
            continue;
        }
        let ty = v["volume_type"].as_str().unwrap_or_default();
        let per_tb = p["volumes"]["pricing"]
            .as_object()
            .into_iter()
            .flat_map(|t| t.values())
            .find_map(|types| types[ty]["prices"][cur].as_f64())
            .ok_or_else(|| anyhow!("the pricing table has no {ty} volume price in {cur}"))?;
        let rate = per_tb * v["size_gb"].as_f64().unwrap_or(0.0) / 1000.0;
        parts.push(format!("volume {} {rate}", v["name"]));
        total += rate;
    }
    let snap_price = p["snapshots"]["pricing"]
        .as_object()
        .into_iter()
        .flat_map(|t| t.values())
        .find_map(|s| s["prices"][cur].as_f64())
        .unwrap_or(0.0);
    let snaps = api.get("snapshots/?limit=100")?;
    for s in snaps["snapshots"].as_array().into_iter().flatten() {
        if s["status"].as_str().map(str::to_uppercase).as_deref() == Some("SUCCESS") {
            parts.push(format!("snapshot {} {snap_price}", s["name"]));
            total += snap_price;
        }
    }
    Ok((total, parts.join("; ")))
}

/// The VM named `name` as the emulator has it now.
fn vm(api: &Api, name: &str) -> Result<Value> {
    api.instances_named(name)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow!("the emulator has no VM named {name}"))
}

fn vm_id(api: &Api, name: &str) -> Result<String> {
    Ok(vm(api, name)?["id"].as_str().unwrap_or_default().to_owned())
}

/// Waits until the emulator has `name` in `status`.
async fn emulator_status(api: &Api, name: &str, status: &str, within: Duration) -> Result<()> {
    let deadline = Instant::now() + within;
    loop {
        let now = vm(api, name)?["status"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if now == status {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!(
                "the emulator has {name} {now}, not {status}, after {:.0}s",
                within.as_secs_f64()
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

// --- the app -----------------------------------------------------------------------------------

/// Sidebar → Billing & Credits; waits until the overview's figures are there.
async fn open_billing(app: &mut App) -> Result<()> {
    app.click(&tid("nav-billing"), STEP).await?;
    app.wait_for(&tid("billing-page"), STEP).await?;
    app.wait_text(
        &tid("burn-rate"),
        |t| t.chars().any(|c| c.is_ascii_digit()),
        STEP,
    )
    .await
    .context("the billing overview shows a burn rate")?;
    Ok(())
}

/// Reloads the window (on the Billing page, which it keeps) and waits for the overview again.
async fn reload_billing(app: &mut App) -> Result<()> {
    js(
        app,
        "window.__e2eBeforeReload = true; setTimeout(() => location.reload(), 0); return true;",
    )
    .await?;
    wait_js(
        app,
        "the window reloaded",
        "return window.__e2eBeforeReload === undefined && document.readyState === 'complete';",
        STEP,
    )
    .await?;
    app.wait_for(&tid("billing-page"), STEP).await?;
    app.wait_text(
        &tid("burn-rate"),
        |t| t.chars().any(|c| c.is_ascii_digit()),
        STEP,
    )
    .await?;
    Ok(())
}

/// The amount a figure shows (`cost-month`: "12.34 USD").
async fn amount_of(app: &App, test_id: &str) -> Result<f64> {
    let t = text_of(app, test_id)
        .await?
        .ok_or_else(|| anyhow!("{test_id} is not displayed"))?;
    parse_amount(&t).ok_or_else(|| anyhow!("{test_id} shows no amount: {t:?}"))
}

/// A backend command through the same IPC the UI uses; its answer (or the error, as Err).
async fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value> {
    let v = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])\
               .then((r) => done({ok: r === undefined ? null : r}),\
                     (e) => done({error: typeof e === 'string' ? e : JSON.stringify(e)}));",
            vec![json!(cmd), args],
        )
        .await
        .with_context(|| format!("invoke {cmd}"))?;
    if let Some(e) = v.get("error") {
        bail!("{cmd} failed: {e}");
    }
    Ok(v["ok"].clone())
}

/// Settings → the preference fields typed (`(test id, value)`) → Save; waits until the
/// backend's settings hold them (`get_settings`, key = the settings field).
async fn save_preferences(app: &mut App, fields: &[(&str, &str, &str)]) -> Result<()> {
    app.click(&tid("nav-settings"), STEP).await?;
    app.wait_for(&tid("page-settings"), STEP).await?;
    for (id, _, value) in fields {
        app.fill(&tid(id), value, STEP).await?;
    }
    app.click(&tid("settings-save"), STEP).await?;
    let deadline = Instant::now() + STEP;
    loop {
        let s = invoke(app, "get_settings", json!({})).await?;
        let saved = fields.iter().all(|(_, key, value)| {
            let want: f64 = value.parse().unwrap_or(f64::NAN);
            s[*key].as_f64() == Some(want)
        });
        if saved {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("Settings did not save {fields:?}; the backend has {s}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Settings → Theme `theme`; waits until the document wears it.
async fn set_theme(app: &mut App, theme: &str) -> Result<()> {
    app.click(&tid("nav-settings"), STEP).await?;
    let select = app.wait_for(&tid("theme-select"), STEP).await?;
    select
        .select_by_value(theme)
        .await
        .with_context(|| format!("choose {theme} in theme-select"))?;
    wait_js(
        app,
        &format!("the {theme} theme"),
        &format!(
            "return document.documentElement.classList.contains('dark') === {};",
            theme == "dark"
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// The Billing page with its charts drawn, in `theme`: `billing-<theme>.png` (the top) and
/// `charts-<theme>.png`.
async fn billing_screenshots(app: &mut App, theme: &str) -> Result<()> {
    set_theme(app, theme).await?;
    open_billing(app).await?;
    for chart in ["chart-daily", "chart-top"] {
        app.wait_for(&tid(chart), STEP)
            .await
            .with_context(|| format!("{chart} is drawn"))?;
    }
    app.screenshot(&format!("billing-{theme}")).await?;
    scroll_to(app, "chart-daily").await?;
    app.screenshot(&format!("charts-{theme}")).await?;
    scroll_to(app, "still-billing").await?;
    app.screenshot(&format!("still-billing-{theme}")).await?;
    scroll_to(app, "pricing-table").await?;
    app.screenshot(&format!("pricing-{theme}")).await?;
    Ok(())
}

// --- a. the figures are the records' ------------------------------------------------------------

journey!(
    billing_figures_equal_the_records,
    "billing_figures",
    figures
);

/// 45 simulated minutes of billing, then the clock paused and the page reloaded:
/// `cost-month` (and `cost-today` when every record started today) equal the sum of every
/// instance, volume and snapshot record's total_cost within a cent; `burn-rate` equals the
/// rates of the VMs' states, volumes and snapshot from the pricing table; screenshots of the
/// page and its charts in the light and the dark theme.
async fn figures(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    let cur = currency(&api)?;
    open_billing(app).await?;
    // Let billing accrue, then stop the clock so records and page agree.
    admin.clock_advance(45.0, 0.0)?;
    reload_billing(app).await?;

    let records = every_record(&api)?;
    let sum: f64 = records
        .iter()
        .map(|r| r["total_cost"].as_f64().unwrap_or(0.0))
        .sum();
    // Where the records fall in the app's local days (the page splits at local midnight).
    let spans: Vec<Value> = records
        .iter()
        .map(|r| {
            json!({"start": r["start_time"], "end": r["end_time"],
                   "minutes": r["total_duration_minutes"]})
        })
        .collect();
    let fall = app
        .client()
        .execute(
            "const fix = (t) => Date.parse(String(t).replace(/(\\.\\d{3})\\d+/, '$1'));\
             const now = new Date();\
             const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();\
             const month = new Date(now.getFullYear(), now.getMonth(), 1).getTime();\
             let today = true, inMonth = true;\
             for (const r of arguments[0]) { const s = fix(r.start);\
               if (!(s >= midnight)) today = false; if (!(s >= month)) inMonth = false; }\
             return {today, inMonth};",
            vec![json!(spans)],
        )
        .await?;
    let month = amount_of(app, "cost-month").await?;
    let today = amount_of(app, "cost-today").await?;
    let week = amount_of(app, "cost-week").await?;
    j.log(format!(
        "{} records, sum {sum:.4} {cur}; page: today {today}, week {week}, month {month}; {fall}",
        records.len()
    ));
    if fall["inMonth"] == json!(true) {
        ensure!(
            (month - sum).abs() <= 0.01,
            "cost-month reads {month} {cur}; the emulator's {} records sum to {sum:.4}",
            records.len()
        );
        ensure!(
            (week - sum).abs() <= 0.01 || week <= month + 0.01,
            "cost-week reads {week}, more than the month's {month}"
        );
    } else {
        j.log("some records started before this month: cost-month not compared");
    }
    if fall["today"] == json!(true) {
        ensure!(
            (today - sum).abs() <= 0.01,
            "cost-today reads {today} {cur}; every record started today and they sum to {sum:.4}"
        );
        ensure!(
            (week - sum).abs() <= 0.01,
            "cost-week reads {week} {cur}; every record started today and they sum to {sum:.4}"
        );
    } else {
        j.log("some records started before local midnight: cost-today not compared");
    }

    let (burn, parts) = expected_burn(&api, &cur)?;
    let shown_burn = amount_of(app, "burn-rate").await?;
    let sim_burn = admin.call("GET", "state", None)?["burn_per_minute"]
        .as_f64()
        .unwrap_or(f64::NAN)
        * 60.0;
    j.log(format!(
        "burn-rate {shown_burn} {cur}/h; pricing table {burn:.4} ({parts}); the emulator bills {sim_burn:.4}/h"
    ));
    ensure!(
        (shown_burn - burn).abs() <= 0.0051,
        "burn-rate reads {shown_burn} {cur}/h; the pricing table gives {burn:.4} ({parts})"
    );
    let balance = api.get("balance/")?;
    j.log(format!(
        "balance {}: page {:?}, runway {:?}",
        balance,
        text_of(app, &format!("balance-{cur}")).await?,
        text_of(app, "runway").await?
    ));

    billing_screenshots(app, "light").await?;
    billing_screenshots(app, "dark").await?;
    finish(s).await
}

// --- b. what still bills ------------------------------------------------------------------------

journey!(
    billing_still_billing_and_start_then_hibernate,
    "billing_still_billing",
    still_billing
);

/// train-h100 stopped (API) → `still-train-h100` with the full rate × 24 a day (pricing
/// table); dev-a6000 (SHUTOFF, full rate) and archive-a100 (HIBERNATED, hibernation rate)
/// listed too; "Start, then hibernate" on dev-a6000 (asks, naming it) → the emulator has it
/// HIBERNATED and the page says so.
async fn still_billing(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let app = &mut s.app;
    let cur = currency(&api)?;
    let p = pricing(&api)?;

    let train = vm_id(&api, "train-h100")?;
    api.call("POST", &format!("instances/{train}/stop/"), None)?;
    emulator_status(&api, "train-h100", "SHUTOFF", SETTLE).await?;
    open_billing(app).await?;
    app.wait_for(&tid("still-billing"), STEP).await?;

    let want = [
        (
            "train-h100",
            full_rate(&p, &vm(&api, "train-h100")?, &cur)? * 24.0,
        ),
        (
            "dev-a6000",
            full_rate(&p, &vm(&api, "dev-a6000")?, &cur)? * 24.0,
        ),
        ("archive-a100", hibernation_rate(&cur) * 24.0),
    ];
    for (name, per_day) in want {
        app.wait_for(&tid(&format!("still-{name}")), STEP)
            .await
            .with_context(|| format!("{name} is listed as still billing"))?;
        let shown = amount_of(app, &format!("still-cost-{name}")).await?;
        j.log(format!(
            "still-{name}: {shown} {cur}/day (pricing table: {per_day:.4})"
        ));
        ensure!(
            (shown - per_day).abs() <= 0.0051,
            "still-cost-{name} reads {shown} {cur}/day; the pricing table gives {per_day:.4}"
        );
    }
    scroll_to(app, "still-billing").await?;
    app.screenshot("1-still-billing").await?;

    // Start, then hibernate: asks first, naming the VM.
    let action = text_of(app, "still-action-dev-a6000")
        .await?
        .unwrap_or_default();
    ensure!(
        action.contains("Start, then hibernate"),
        "still-action-dev-a6000 reads {action:?}"
    );
    app.click(&tid("still-action-dev-a6000"), STEP).await?;
    let dialog = app
        .wait_text(&tid("confirm-dialog"), |t| t.contains("dev-a6000"), STEP)
        .await
        .context("Start, then hibernate asks, naming dev-a6000")?;
    j.log(format!(
        "start-then-hibernate asks: {:?}",
        dialog.lines().next().unwrap_or("")
    ));
    app.screenshot("2-confirm").await?;
    app.click(&tid("confirm-action"), STEP).await?;
    wait_gone(app, "confirm-dialog", STEP).await?;
    emulator_status(&api, "dev-a6000", "HIBERNATED", SETTLE)
        .await
        .context("dev-a6000 is started, then hibernated by the app")?;
    app.wait_text(
        &tid("still-dev-a6000"),
        |t| t.contains("HIBERNATED"),
        SETTLE,
    )
    .await
    .context("the page lists dev-a6000 as HIBERNATED")?;
    let per_day = amount_of(app, "still-cost-dev-a6000").await?;
    ensure!(
        (per_day - hibernation_rate(&cur) * 24.0).abs() <= 0.0051,
        "still-cost-dev-a6000 reads {per_day} once hibernated (the hibernation rate × 24 expected)"
    );
    ensure!(
        !text_of(app, "still-action-dev-a6000")
            .await?
            .unwrap_or_default()
            .contains("Start, then hibernate"),
        "a hibernated dev-a6000 is still offered Start, then hibernate"
    );
    scroll_to(app, "still-billing").await?;
    app.screenshot("3-hibernated").await?;
    finish(s).await
}

// --- c. a low balance ---------------------------------------------------------------------------

journey!(
    billing_low_balance_warns,
    "billing_low_balance",
    low_balance
);

/// The threshold raised above the balance in Settings → `low-balance-banner` names it; back
/// to 10. The balance set to 100 (runway under a day at the sandbox's burn rate, above the
/// threshold) → `runway-banner` alone. The balance set to 5 → the poller's "Balance is low"
/// notification and `low-balance-banner`.
async fn low_balance(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX_REAL_TIME).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    let cur = currency(&api)?;
    let is_low = |t: &str| t == "Balance is low";

    // The poller looks every 15 s when nothing changes.
    save_preferences(app, &[("poll-idle-secs", "pollIdleSecs", "15")]).await?;
    open_billing(app).await?;
    ensure!(
        !app.is_displayed(&tid("low-balance-banner")).await
            && !app.is_displayed(&tid("runway-banner")).await,
        "at 250 {cur} with the default threshold, no banner shows"
    );

    // The threshold above the balance.
    let before = count_notifications(is_low)?;
    save_preferences(
        app,
        &[("low-balance-threshold", "lowBalanceThreshold", "300")],
    )
    .await?;
    open_billing(app).await?;
    let banner = app
        .wait_text(&tid("low-balance-banner"), |t| t.contains("300.00"), STEP)
        .await
        .context("a threshold of 300 above the balance shows low-balance-banner")?;
    j.log(format!("threshold 300: {banner:?}"));
    app.screenshot("1-threshold-above-balance").await?;
    let raised = wait_new_notification("Balance is low", is_low, before, Duration::from_secs(5))
        .await
        .is_ok();
    j.log(format!(
        "raising the threshold above the balance notified: {raised}"
    ));
    save_preferences(
        app,
        &[("low-balance-threshold", "lowBalanceThreshold", "10")],
    )
    .await?;
    open_billing(app).await?;
    wait_gone(app, "low-balance-banner", STEP).await?;

    // A day of runway or less.
    admin.balance(100.0)?;
    reload_billing(app).await?;
    let runway = app
        .wait_for(&tid("runway-banner"), STEP)
        .await
        .context("100 USD at the sandbox's burn rate lasts under a day: runway-banner")?
        .text()
        .await?;
    ensure!(
        !app.is_displayed(&tid("low-balance-banner")).await,
        "100 {cur} is above the threshold of 10, yet low-balance-banner shows"
    );
    j.log(format!(
        "balance 100: {runway:?}; runway {:?}",
        text_of(app, "runway").await?
    ));
    app.screenshot("2-runway").await?;

    // Below the threshold: the poller notifies, the page warns.
    let before = count_notifications(is_low)?;
    admin.balance(5.0)?;
    let (summary, body) = wait_new_notification("Balance is low", is_low, before, SETTLE).await?;
    j.log(format!("notification {summary:?}: {body:?}"));
    ensure!(
        body.contains(&cur) && body.contains("10.00"),
        "the low-balance notice names the amount and the threshold: {body:?}"
    );
    let banner = app
        .wait_text(&tid("low-balance-banner"), |t| t.contains("10.00"), STEP)
        .await
        .context("the page follows the poller: low-balance-banner at 5 USD")?;
    ensure!(
        app.is_displayed(&tid("runway-banner")).await,
        "5 {cur} lasts under an hour, yet runway-banner is gone"
    );
    j.log(format!("balance 5: {banner:?}"));
    app.screenshot("3-low-balance").await?;
    finish(s).await
}

// --- d. zero balance ----------------------------------------------------------------------------

journey!(
    billing_zero_balance_hibernates,
    "billing_zero_balance",
    zero_balance
);

/// Balance 0 with train-h100 running, the clock moved on → the emulator hibernates the
/// running VMs; dunst shows "train-h100 was hibernated: credits ran out"; the page shows
/// `zero-balance-banner` and lists train-h100 as HIBERNATED.
async fn zero_balance(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    save_preferences(app, &[("poll-idle-secs", "pollIdleSecs", "15")]).await?;
    open_billing(app).await?;
    let ran_out = |t: &str| t == "train-h100 was hibernated: credits ran out";
    let before = count_notifications(ran_out)?;

    admin.balance(0.0)?;
    admin.clock_advance(5.0, 60.0)?;
    emulator_status(&api, "train-h100", "HIBERNATED", SETTLE)
        .await
        .context("at zero balance the emulator hibernates train-h100")?;
    let (summary, body) = wait_new_notification("credits ran out", ran_out, before, SETTLE).await?;
    j.log(format!("notification {summary:?}: {body:?}"));
    let banner = app
        .wait_for(&tid("zero-balance-banner"), SETTLE)
        .await
        .context("the page says the balance ran out")?
        .text()
        .await?;
    j.log(format!("zero-balance-banner: {banner:?}"));
    ensure!(
        banner.to_lowercase().contains("hibernat"),
        "zero-balance-banner says VMs are hibernated: {banner:?}"
    );
    app.wait_text(
        &tid("still-train-h100"),
        |t| t.contains("HIBERNATED"),
        SETTLE,
    )
    .await
    .context("the page lists train-h100 as HIBERNATED")?;
    app.screenshot("1-zero-balance").await?;
    scroll_to(app, "still-billing").await?;
    app.screenshot("2-still-billing").await?;
    finish(s).await
}

// --- e. a hibernate timer -----------------------------------------------------------------------

journey!(billing_timer_hibernates_the_vm, "billing_timer", timer);

/// A timer 20 s ahead on train-h100 through `set_hibernate_timer` (the command the VM page's
/// timer control sends) → `timer-train-h100` on the page → when it falls due the emulator has
/// train-h100 HIBERNATED, dunst showed "train-h100 is hibernating" and the timer is gone.
async fn timer(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let app = &mut s.app;
    let id = vm_id(&api, "train-h100")?;
    let fired = |t: &str| t == "train-h100 is hibernating";
    let before = count_notifications(fired)?;

    let at = js(app, "return new Date(Date.now() + 20000).toISOString();").await?;
    let set = invoke(
        app,
        "set_hibernate_timer",
        json!({"vmId": id, "vmName": "train-h100", "at": at}),
    )
    .await?;
    j.log(format!("timer set: {set}"));
    let set_at = Instant::now();
    open_billing(app).await?;
    let listed = app
        .wait_text(
            &tid("timer-train-h100"),
            |t| t.contains("Hibernates at"),
            STEP,
        )
        .await
        .context("the timer is listed on the Billing page")?;
    ensure!(
        set_at.elapsed() < Duration::from_secs(20),
        "the page took too long to list the timer (it has fired meanwhile)"
    );
    j.log(format!("listed: {listed:?}"));
    ensure!(
        app.is_displayed(&tid("timer-postpone-train-h100")).await
            && app.is_displayed(&tid("timer-cancel-train-h100")).await,
        "the timer offers postpone and cancel"
    );
    scroll_to(app, "timers").await?;
    app.screenshot("1-timer-listed").await?;

    emulator_status(&api, "train-h100", "HIBERNATED", SETTLE)
        .await
        .context("the timer hibernates train-h100")?;
    let (summary, body) =
        wait_new_notification("train-h100 is hibernating", fired, before, STEP).await?;
    j.log(format!("notification {summary:?}: {body:?}"));
    wait_gone(app, "timer-train-h100", STEP)
        .await
        .context("a fired timer leaves the list")?;
    app.wait_text(
        &tid("still-train-h100"),
        |t| t.contains("HIBERNATED"),
        SETTLE,
    )
    .await?;
    scroll_to(app, "timers").await?;
    app.screenshot("2-timer-fired").await?;
    finish(s).await
}

// --- f. CSV export ------------------------------------------------------------------------------

/// The documented fields of an instance billing record, the export's header.
const INSTANCE_FIELDS: &[&str] = &[
    "billing_id",
    "instance_id",
    "vm_name",
    "gpu_type",
    "gpu_count",
    "tier",
    "start_time",
    "end_time",
    "total_duration_minutes",
    "per_minute_rate",
    "total_cost",
    "currency",
    "status",
];

/// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    out.push(field);
    out
}

journey!(billing_csv_export, "billing_csv_export", csv_export);

/// 120 more instance records seeded (so the export spans pages); Instances tab →
/// `records-export` → the GTK save dialog answered with xdotool → the file's header is the
/// documented field names and its rows are the emulator's instance records (count and ids).
async fn csv_export(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);
    admin.post("seed", json!({"billing_records": 120}))?;
    // Paused: no record opens or closes while the file is written.
    admin.clock_scale(0.0)?;
    open_billing(app).await?;
    app.click(&tid("records-tab-instance"), STEP).await?;
    wait_js(
        app,
        "the Instances tab selected with its records",
        &format!(
            "const t = first({}); return !!t && t.getAttribute('aria-selected') === 'true'\
               && shown('[data-testid^=\"record-row-\"]');",
            q("records-tab-instance")
        ),
        STEP,
    )
    .await?;
    scroll_to(app, "records").await?;
    app.screenshot("1-records").await?;

    let path = j.work.join("records.csv");
    app.click(&tid("records-export"), STEP).await?;
    answer_save_dialog(
        "Export billing records",
        &path,
        STEP,
        Some(&j.artifacts.join("2-save-dialog.png")),
    )
    .await?;
    let deadline = Instant::now() + STEP;
    while !path.is_file() {
        ensure!(
            Instant::now() < deadline,
            "{} was not written",
            path.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let shown = wait_js(
        app,
        "the export's toast",
        "const t = Array.from(document.querySelectorAll('[data-sonner-toast]'))\
           .map((e) => e.innerText).find((t) => t.includes('Exported')); return t || null;",
        STEP,
    )
    .await?;
    j.log(format!("toast: {shown}"));
    app.screenshot("3-exported").await?;

    let text = std::fs::read_to_string(&path)?;
    let mut lines = text.lines();
    let header = csv_fields(lines.next().unwrap_or_default());
    ensure!(
        header == INSTANCE_FIELDS,
        "the CSV header is {header:?}; the documented fields are {INSTANCE_FIELDS:?}"
    );
    let rows: Vec<Vec<String>> = lines.filter(|l| !l.is_empty()).map(csv_fields).collect();
    ensure!(
        rows.iter().all(|r| r.len() == INSTANCE_FIELDS.len()),
        "every CSV row has {} fields",
        INSTANCE_FIELDS.len()
    );
    let records = all_records(&api, "instances/billing/")?;
    let mut file_ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let mut api_ids: Vec<&str> = records
        .iter()
        .map(|r| r["billing_id"].as_str().unwrap_or_default())
        .collect();
    j.log(format!(
        "{}: {} rows; the emulator has {} instance records",
        path.display(),
        rows.len(),
        records.len()
    ));
    ensure!(
        rows.len() == records.len(),
        "the CSV has {} rows; the emulator has {} instance records",
        rows.len(),
        records.len()
    );
    file_ids.sort_unstable();
    api_ids.sort_unstable();
    ensure!(
        file_ids == api_ids,
        "the CSV's billing_ids are not the emulator's"
    );
    ensure!(
        shown
            .as_str()
            .unwrap_or_default()
            .contains(&records.len().to_string()),
        "the toast names the number of records exported: {shown}"
    );
    std::fs::copy(&path, j.artifacts.join("records.csv"))?;
    finish(s).await
}
