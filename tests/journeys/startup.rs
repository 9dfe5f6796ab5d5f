//! Journey group `startup`: nothing is fetched twice at start. A profile signed in to
//! barrack-sim is restarted with the emulator's request log cleared; once the dashboard
//! shows its data and the poller's first round has looked at everything (its storage look:
//! the images list, which no page on screen asks for), every API request made since the
//! start is read from the log (`/admin/requests/log`), and any (method, path, query) asked
//! twice fails the journey. Polling is set slow (2nd round a minute away at the earliest), so
//! the log holds the start alone: the window's first reads and the poller's first round.
//! The same for the sandbox (`--sandbox`): its emulator runs inside the app, its address
//! read from the app's log.

use anyhow::{anyhow, ensure, Context, Result};
use barrack_e2e::prefill::prefill_settings;
use barrack_e2e::{journey, sign_in, tid, Admin, App, Journey, START, STEP};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

journey!(
    startup_nothing_fetched_twice,
    "startup",
    nothing_fetched_twice
);
journey!(
    startup_sandbox_nothing_fetched_twice,
    "startup_sandbox",
    sandbox_nothing_fetched_twice
);

/// One request of the emulator's log.
#[derive(Debug)]
struct Logged {
    what: String,
    finished: bool,
}

/// Where an emulator's request log is read: a journey's barrack-sim, or the sandbox inside
/// the app (`127.0.0.1:port`, `/admin`).
enum LogAt<'a> {
    Sim(&'a Admin),
    Sandbox { addr: String, prefix: String },
}

fn request_log(at: &LogAt) -> Result<Vec<Logged>> {
    let v: Value = match at {
        LogAt::Sim(admin) => admin.call("GET", "requests/log", None)?,
        LogAt::Sandbox { addr, prefix } => {
            let (status, text) =
                barrack_e2e::admin::http(addr, "GET", &format!("{prefix}/requests/log"), "", &[])?;
            ensure!(
                status == 200,
                "the sandbox's requests/log answered {status}: {text}"
            );
            serde_json::from_str(&text)?
        }
    };
    let list = v.as_array().ok_or_else(|| anyhow!("requests/log: {v}"))?;
    Ok(list
        .iter()
        .map(|e| {
            let s = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
            let query = s("query");
            Logged {
                what: if query.is_empty() {
                    format!("{} {}", s("method"), s("path"))
                } else {
                    format!("{} {}?{}", s("method"), s("path"), query)
                },
                finished: !e.get("finished_ms").is_none_or(Value::is_null),
            }
        })
        .collect())
}

/// Waits until the dashboard shows the account, the burn rate and a VM's state.
async fn dashboard_data(app: &App) -> Result<()> {
    app.wait_for(&tid("page-dashboard"), START).await?;
    app.wait_text(
        &tid("account-id"),
        |t| !t.trim().is_empty() && t.trim() != "\u{2014}",
        STEP,
    )
    .await
    .context("the dashboard shows the account id")?;
    app.wait_text(
        &tid("burn-rate"),
        |t| t.chars().any(|c| c.is_ascii_digit()),
        STEP,
    )
    .await
    .context("the dashboard shows the burn rate")?;
    app.wait_text(
        &tid("vm-status"),
        |t| !t.trim().is_empty() && t.trim() != "UNKNOWN",
        STEP,
    )
    .await
    .context("the dashboard shows a VM's state")?;
    Ok(())
}

async fn nothing_fetched_twice(j: &Journey, profile: &str) -> Result<()> {
    // The poller's second round no sooner than a minute after its first.
    prefill_settings(j, json!({ "pollFastSecs": 60, "pollIdleSecs": 3600 }))?;
    let s = sign_in(j, profile, &["--seed", "sandbox", "--time-scale", "1"]).await?;
    let (sim, admin, driver, app) = (s.sim, s.admin, s.driver, s.app);
    dashboard_data(&app).await?;
    app.quit().await?;

    admin.call("DELETE", "requests", None)?;
    let mut app = driver.open(&[]).await?;
    app.wait_for_never_seeing(&tid("app-shell"), &tid("signin"), START)
        .await
        .context("the restarted app restores the session")?;
    dashboard_data(&app).await?;
    no_request_twice(j, &mut app, &LogAt::Sim(&admin)).await?;

    app.quit().await?;
    driver.stop();
    drop(sim);
    Ok(())
}

/// Waits for the poller's first round to end, then fails on any request made twice.
async fn no_request_twice(j: &Journey, app: &mut App, at: &LogAt<'_>) -> Result<()> {
    // The poller's first round ends with the storage lists (the images: asked by no page
    // on the dashboard).
    let deadline = Instant::now() + STEP;
    let log = loop {
        let log = request_log(at)?;
        let poller_done = log.iter().any(|r| {
            let path = r.what.split('?').next().unwrap_or("");
            r.finished && path.trim_end_matches('/').ends_with("/images")
        });
        let all_done = log.iter().all(|r| r.finished);
        if poller_done && all_done {
            break log;
        }
        ensure!(
            Instant::now() < deadline,
            "the poller's first round did not end (no answered images list); log: {log:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    app.screenshot("dashboard-after-restart").await?;

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &log {
        *counts.entry(r.what.as_str()).or_default() += 1;
    }
    let listing = counts
        .iter()
        .map(|(what, n)| format!("  {n} × {what}"))
        .collect::<Vec<_>>()
        .join("\n");
    j.log(format!(
        "{} requests from the start to the poller's first round's end:\n{listing}",
        log.len()
    ));
    let twice: Vec<String> = counts
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(what, n)| format!("{n} × {what}"))
        .collect();
    ensure!(
        twice.is_empty(),
        "fetched more than once at start: {}",
        twice.join(", ")
    );

    Ok(())
}

/// The sandbox's emulator address, from the app's log ("the emulator listens on …").
fn sandbox_address(j: &Journey) -> Option<(String, String)> {
    let mut stack = vec![j.data_home()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "log") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                if let Some(rest) = text.split("the emulator listens on ").nth(1) {
                    let url = rest.split_whitespace().next().unwrap_or("");
                    let hostport = url.strip_prefix("http://")?.split('/').next()?;
                    return Some((hostport.to_owned(), "/admin".to_owned()));
                }
            }
        }
    }
    None
}

async fn sandbox_nothing_fetched_twice(j: &Journey, _profile: &str) -> Result<()> {
    prefill_settings(j, json!({ "pollFastSecs": 60, "pollIdleSecs": 3600 }))?;
    let driver = j.driver().await?;
    let mut app = driver.open(&["--sandbox"]).await?;
    app.wait_for(&tid("sandbox-badge"), START)
        .await
        .context("--sandbox opens the sandbox")?;
    dashboard_data(&app).await?;
    let deadline = Instant::now() + STEP;
    let (addr, prefix) = loop {
        if let Some(found) = sandbox_address(j) {
            break found;
        }
        ensure!(
            Instant::now() < deadline,
            "the app's log under {} names no sandbox address",
            j.data_home().display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    no_request_twice(j, &mut app, &LogAt::Sandbox { addr, prefix }).await?;
    app.quit().await?;
    driver.stop();
    Ok(())
}
