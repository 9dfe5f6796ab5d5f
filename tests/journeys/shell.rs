//! Journey group `shell`: opening the app, the sandbox, signing in, the keyring, restart.
//!
//! Run with `scripts/e2e shell`; elsewhere each journey prints why it skipped.

use anyhow::{ensure, Context, Result};
use barrack_e2e::{
    explore_sandbox_from_sign_in, files_containing, is_positive_amount, keyring_attributes,
    keyring_clear, keyring_lookup, tid, Journey,
};
use std::time::Duration;

/// First paint of a freshly started app (WebKit under Xvfb on a small machine).
const START: Duration = Duration::from_secs(30);
/// Anything after that: a click's effect, a call to the local emulator.
const STEP: Duration = Duration::from_secs(15);

/// `--sandbox` opens straight into the sandbox: the badge and a positive balance.
#[tokio::test(flavor = "multi_thread")]
async fn shell_sandbox_flag_opens_the_sandbox() -> Result<()> {
    let Some(j) = Journey::begin("shell_sandbox_flag") else {
        return Ok(());
    };
    let driver = j.driver().await?;
    let mut app = driver.open(&["--sandbox"]).await?;
    app.wait_for(&tid("app-shell"), START).await?;
    let badge = app
        .wait_text(&tid("sandbox-badge"), |t| t.contains("SANDBOX"), STEP)
        .await
        .context("the sandbox badge reads SANDBOX")?;
    j.log(format!("sandbox badge: {badge:?}"));
    let balance = app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await
        .context("the header shows a positive balance")?;
    j.log(format!("balance: {balance:?}"));
    ensure!(
        !app.is_displayed(&tid("signin")).await,
        "the sign-in screen is not shown in the sandbox"
    );
    app.screenshot("sandbox").await?;
    app.quit().await?;
    driver.stop();
    j.finish();
    Ok(())
}

/// Without arguments and without a saved session: the sign-in screen, whose "explore the
/// sandbox" button opens the sandbox.
#[tokio::test(flavor = "multi_thread")]
async fn shell_explore_sandbox_from_sign_in() -> Result<()> {
    let Some(j) = Journey::begin("shell_explore_sandbox") else {
        return Ok(());
    };
    let driver = j.driver().await?;
    let mut app = driver.open(&[]).await?;
    let balance = explore_sandbox_from_sign_in(&mut app, "").await?;
    j.log(format!("balance: {balance:?}"));
    app.quit().await?;
    driver.stop();
    j.finish();
    Ok(())
}

/// Opens the sign-in form's advanced section (if the base URL field is hidden) and fills
/// key, profile and base URL.
async fn fill_sign_in(
    app: &barrack_e2e::App,
    key: &str,
    profile: &str,
    base_url: &str,
) -> Result<()> {
    app.wait_for(&tid("signin"), START).await?;
    app.fill(&tid("api-key"), key, STEP).await?;
    app.fill(&tid("profile-name"), profile, STEP).await?;
    if !app.is_displayed(&tid("base-url")).await {
        app.click(&tid("advanced-toggle"), STEP).await?;
    }
    app.fill(&tid("base-url"), base_url, STEP).await?;
    Ok(())
}

/// A wrong key against the emulator: a clear error about the key, nothing stored.
#[tokio::test(flavor = "multi_thread")]
async fn shell_wrong_key_is_refused() -> Result<()> {
    let Some(j) = Journey::begin("shell_wrong_key") else {
        return Ok(());
    };
    let profile = "e2e-wrong-key";
    keyring_clear(profile);
    let sim = j.sim(&[]).await?;
    let driver = j.driver().await?;
    let mut app = driver.open(&[]).await?;
    let wrong = "sk-e2e-wrong-0000-0000";
    fill_sign_in(&app, wrong, profile, &sim.url).await?;
    app.screenshot("filled").await?;
    app.click(&tid("sign-in-submit"), STEP).await?;
    let message = app
        .wait_text(
            &tid("signin-error"),
            |t| t.to_lowercase().contains("key"),
            STEP,
        )
        .await
        .context("the sign-in error names the key")?;
    j.log(format!("sign-in error: {message:?}"));
    ensure!(
        !message.contains(wrong),
        "the error does not echo the key back: {message:?}"
    );
    ensure!(
        !app.is_displayed(&tid("app-shell")).await,
        "a refused key does not open the app"
    );
    app.screenshot("wrong-key").await?;
    ensure!(
        keyring_lookup(profile)?.is_none(),
        "a refused key is not stored in the keyring"
    );
    app.quit().await?;
    driver.stop();
    j.finish();
    Ok(())
}

/// The emulator's key: the shell opens, the key is in the keyring (and nowhere on disk),
/// and a restarted app is still signed in.
#[tokio::test(flavor = "multi_thread")]
async fn shell_good_key_is_kept_in_the_keyring_and_survives_restart() -> Result<()> {
    let Some(j) = Journey::begin("shell_good_key") else {
        return Ok(());
    };
    let profile = "e2e-good-key";
    keyring_clear(profile);
    let result = good_key(&j, profile).await;
    keyring_clear(profile);
    result?;
    j.finish();
    Ok(())
}

async fn good_key(j: &Journey, profile: &str) -> Result<()> {
    let sim = j.sim(&[]).await?;
    let driver = j.driver().await?;
    let mut app = driver.open(&[]).await?;
    fill_sign_in(&app, &sim.api_key, profile, &sim.url).await?;
    app.click(&tid("sign-in-submit"), STEP).await?;
    app.wait_for(&tid("app-shell"), STEP)
        .await
        .context("a good key opens the app shell")?;
    let balance = app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    j.log(format!("signed in as {profile}; balance {balance:?}"));
    ensure!(
        !app.is_displayed(&tid("sandbox-badge")).await,
        "a real sign-in shows no sandbox badge"
    );
    app.screenshot("signed-in").await?;

    // The key is in the Secret Service under service/username…
    let stored = keyring_lookup(profile)?;
    ensure!(
        stored.as_deref() == Some(sim.api_key.as_str()),
        "secret-tool lookup service ai.barrack.desktop username {profile} returns the key \
         (found {}); items of the service:\n{}",
        if stored.is_some() {
            "another value"
        } else {
            "nothing"
        },
        keyring_attributes()
    );
    j.log(format!(
        "the key is in the keyring; the service's items (secrets left out):\n{}",
        keyring_attributes()
    ));

    // …and nowhere in the app's files or logs once the app has quit.
    app.quit().await?;
    // The profile is in the profile store the CLI shares (barrack-credentials), inside the
    // journey's own config home; the settings keep UI preferences only.
    let profiles = j.config_home().join("barrack").join("profiles.json");
    ensure!(
        profiles.is_file(),
        "the profile was saved in the shared profile store ({})",
        profiles.display()
    );
    let profiles_text = std::fs::read_to_string(&profiles)?;
    ensure!(
        profiles_text.contains(profile),
        "profiles.json names the profile: {profiles_text}"
    );
    assert_key_absent(j, &sim.api_key)?;

    // Restarted: still signed in, straight into the shell.
    let mut app = driver.open(&[]).await?;
    app.wait_for_never_seeing(&tid("app-shell"), &tid("signin"), START)
        .await
        .context("a restarted app restores the session without showing the sign-in screen")?;
    let balance = app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    j.log(format!("after restart: balance {balance:?}"));
    ensure!(
        !app.is_displayed(&tid("signin")).await,
        "no sign-in screen after a restart"
    );
    app.screenshot("restarted").await?;
    app.quit().await?;
    driver.stop();
    assert_key_absent(j, &sim.api_key)?;
    Ok(())
}

/// The key is in none of the app's files (data, config, cache: the journey's whole home)
/// nor in the output of the app, WebKitWebDriver and tauri-driver.
fn assert_key_absent(j: &Journey, key: &str) -> Result<()> {
    let roots = vec![j.home(), j.artifacts.join("tauri-driver.log")];
    let (hits, scanned) = files_containing(&roots, key);
    ensure!(
        hits.is_empty(),
        "the API key was found in: {}",
        hits.iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    ensure!(scanned > 1, "only {scanned} files were scanned");
    j.log(format!(
        "the key is in none of {scanned} files under {} nor the logs",
        j.home().display()
    ));
    Ok(())
}
