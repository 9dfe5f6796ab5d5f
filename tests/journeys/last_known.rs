//! Journey group `last_known`: the last-known state painted at start (issue 17, item 1).
//!
//! Signed in to `barrack-sim` (`--seed sandbox`, a fixed port, key and state file so it comes
//! back as it was), the dashboard shows the account; the app keeps it in its data folder
//! (`last-known/`, one file per profile, no key in it) and quits. Started again with the
//! emulator stopped, the window paints that state at once — the balance and the VMs, the
//! header's "as of HH:MM" (`as-of`) — and keeps it with the offline banner instead of the
//! offline screen. Started again with the emulator back, the fresh data replaces it and the
//! "as of" goes.
//!
//! Everything is waited for with deadlines. Run with `scripts/e2e last_known`; elsewhere it
//! prints why it skipped.

use anyhow::{ensure, Context, Result};
use barrack_e2e::prefill::{free_port, prefill_fast_polling};
use barrack_e2e::{
    is_positive_amount, journey, sign_in, single_instance_released, tid, wait_gone, App, Journey,
    START, STEP,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The app noticing the API is unreachable (its reads retry with backoff first).
const OUTAGE: Duration = Duration::from_secs(60);
/// The seeded VM the dashboard lists.
const VM: &str = "train-h100";

journey!(
    last_known_painted_at_start_offline_and_replaced_when_fresh,
    "last_known_start",
    painted_at_start
);

/// "as of HH:MM".
fn is_as_of(text: &str) -> bool {
    let Some(clock) = text.trim().strip_prefix("as of ") else {
        return false;
    };
    let b = clock.as_bytes();
    b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

/// The profiles' last-known files in the app's data folder.
fn kept_files(j: &Journey) -> Vec<PathBuf> {
    std::fs::read_dir(j.app_data_dir().join("last-known"))
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until the profile's file holds the seeded VM; answers its text.
async fn wait_kept(j: &Journey) -> Result<(PathBuf, String)> {
    let deadline = Instant::now() + STEP;
    loop {
        let files = kept_files(j);
        if let [file] = files.as_slice() {
            if let Ok(text) = std::fs::read_to_string(file) {
                if text.contains(VM) {
                    return Ok((file.clone(), text));
                }
            }
        }
        ensure!(
            Instant::now() < deadline,
            "no last-known file holding {VM} in {} (found {files:?})",
            j.app_data_dir().display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The dashboard shows the seeded VM and the header a positive balance.
async fn data_on_screen(app: &App, within: Duration) -> Result<String> {
    let balance = app
        .wait_text(&tid("header-balance"), is_positive_amount, within)
        .await
        .context("the header shows a balance")?;
    app.wait_text(&tid("vm-operations-panel"), |t| t.contains(VM), STEP)
        .await
        .context("the dashboard lists the seeded VM")?;
    Ok(balance)
}

async fn painted_at_start(j: &Journey, profile: &str) -> Result<()> {
    prefill_fast_polling(j)?;
    let port = free_port()?.to_string();
    let key = format!(
        "sk-e2e-last-known-{}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let state = j.work.join("sim-state.json").to_string_lossy().into_owned();
    let args = [
        "--seed",
        "sandbox",
        "--port",
        &port,
        "--api-key",
        &key,
        "--state",
        &state,
    ];

    // 1. Signed in: the account on screen, fresh (no "as of"), kept in the data folder.
    let s = sign_in(j, profile, &args).await?;
    let balance = data_on_screen(&s.app, STEP).await?;
    ensure!(
        !s.app.is_displayed(&tid("as-of")).await,
        "a first sign-in paints nothing old"
    );
    let (file, text) = wait_kept(j).await?;
    j.log(format!(
        "balance {balance:?}; kept in {} ({} bytes)",
        file.display(),
        text.len()
    ));
    ensure!(!text.contains(&key), "the key is in {}", file.display());
    let barrack_e2e::Signed {
        sim,
        admin,
        driver,
        app,
    } = s;
    app.quit().await?;
    single_instance_released().await?;
    drop((admin, sim));
    j.log(format!("the emulator on port {port} is stopped"));

    // 2. Started with the API down: the kept state at once, "as of", the offline banner.
    let started = Instant::now();
    let mut app = driver.open(&[]).await?;
    let as_of = app
        .wait_text(&tid("as-of"), is_as_of, START)
        .await
        .context("the kept state is painted with its time")?;
    let painted = data_on_screen(&app, STEP).await?;
    j.log(format!(
        "painted {:.2}s after the start: {as_of:?}, balance {painted:?}",
        started.elapsed().as_secs_f64()
    ));
    ensure!(
        !app.is_displayed(&tid("signin")).await,
        "the profile opens, not the sign-in screen"
    );
    app.wait_for(&tid("offline-banner"), OUTAGE)
        .await
        .context("the offline banner says the API cannot be reached")?;
    ensure!(
        !app.is_displayed(&tid("offline-screen")).await,
        "the kept state stays instead of the offline screen"
    );
    app.wait_text(&tid("as-of"), is_as_of, STEP)
        .await
        .context("offline, the 'as of' stays")?;
    data_on_screen(&app, STEP)
        .await
        .context("offline, the kept state stays")?;
    app.screenshot("offline-painted").await?;
    check_folder(j, &file, &key)?;
    app.quit().await?;
    single_instance_released().await?;

    // 3. Started with the API back: the kept state, then fresh data and no "as of".
    let sim = j.sim(&args).await?;
    ensure!(
        sim.url.contains(&format!(":{port}/")),
        "the emulator came back on port {port}: {}",
        sim.url
    );
    let mut app = driver.open(&[]).await?;
    data_on_screen(&app, START).await?;
    wait_gone(&mut app, "as-of", STEP)
        .await
        .context("fresh data replaces the kept state")?;
    data_on_screen(&app, STEP).await?;
    ensure!(
        !app.is_displayed(&tid("offline-banner")).await,
        "online again: no offline banner"
    );
    app.screenshot("fresh").await?;
    app.quit().await?;
    driver.stop();
    drop(sim);
    Ok(())
}

/// The data folder holds the profile's file and nothing with the key in it.
fn check_folder(j: &Journey, file: &Path, key: &str) -> Result<()> {
    ensure!(file.exists(), "{} is still there", file.display());
    let (with_key, scanned) = barrack_e2e::files_containing(&[j.app_data_dir()], key);
    ensure!(with_key.is_empty(), "the key is in {with_key:?}");
    ensure!(scanned > 0, "the data folder was read");
    Ok(())
}
