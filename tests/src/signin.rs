//! Signing in to an emulator through the sign-in screen (key, profile name, advanced base
//! URL), and ending a journey's processes in order.

use crate::admin::Admin;
use crate::{tid, App, Driver, Journey, Sim, START, STEP};
use anyhow::{Context, Result};

/// A journey's emulator, driver and signed-in app.
pub struct Signed {
    pub sim: Sim,
    pub admin: Admin,
    pub driver: Driver,
    pub app: App,
}

/// Starts `barrack-sim` with `sim_args`, the app, and signs in with the emulator's key
/// (advanced section: base URL); returns once the app shell shows.
pub async fn sign_in(j: &Journey, profile: &str, sim_args: &[&str]) -> Result<Signed> {
    let sim = j.sim(sim_args).await?;
    let admin = Admin::of(&sim)?;
    sign_in_to(j, profile, sim, admin).await
}

/// Like [`sign_in`], with an emulator already started (and prepared through `admin`).
pub async fn sign_in_to(j: &Journey, profile: &str, sim: Sim, admin: Admin) -> Result<Signed> {
    let driver = j.driver().await?;
    let app = driver.open(&[]).await?;
    sign_in_screen(j, &app, profile, &sim).await?;
    Ok(Signed {
        sim,
        admin,
        driver,
        app,
    })
}

/// Fills the sign-in screen of a freshly opened app with the emulator's key, `profile` and
/// its base URL, submits, and waits for the app shell.
pub async fn sign_in_screen(j: &Journey, app: &App, profile: &str, sim: &Sim) -> Result<()> {
    app.wait_for(&tid("signin"), START).await?;
    app.fill(&tid("api-key"), &sim.api_key, STEP).await?;
    app.fill(&tid("profile-name"), profile, STEP).await?;
    if !app.is_displayed(&tid("base-url")).await {
        app.click(&tid("advanced-toggle"), STEP).await?;
    }
    app.fill(&tid("base-url"), &sim.url, STEP).await?;
    app.click(&tid("sign-in-submit"), STEP).await?;
    app.wait_for(&tid("app-shell"), STEP)
        .await
        .context("the emulator's key opens the app shell")?;
    j.log(format!("signed in as {profile} against {}", sim.url));
    Ok(())
}

/// The app quits, the driver stops (the emulator stops when dropped).
/// What a new user sees at first start: the sign-in screen (screenshot `{shots}sign-in`),
/// then "Explore the sandbox", its badge and a positive balance (screenshot
/// `{shots}sandbox`). Answers the balance as shown.
pub async fn explore_sandbox_from_sign_in(app: &mut App, shots: &str) -> Result<String> {
    app.wait_for(&tid("signin"), START).await?;
    app.wait_for(&tid("api-key"), STEP).await?;
    app.screenshot(&format!("{shots}sign-in")).await?;
    app.click(&tid("explore-sandbox"), STEP).await?;
    app.wait_for(&tid("app-shell"), STEP).await?;
    app.wait_text(&tid("sandbox-badge"), |t| t.contains("SANDBOX"), STEP)
        .await
        .context("the sandbox badge reads SANDBOX")?;
    let balance = app
        .wait_text(&tid("header-balance"), crate::is_positive_amount, STEP)
        .await
        .context("the header shows a positive balance")?;
    app.screenshot(&format!("{shots}sandbox")).await?;
    Ok(balance)
}

pub async fn finish(s: Signed) -> Result<()> {
    let Signed {
        sim,
        driver,
        app,
        admin,
    } = s;
    app.quit().await?;
    driver.stop();
    drop((admin, sim));
    Ok(())
}

/// Declares a journey test: begins the journey `$name`, runs `$body(&journey, profile)`
/// (profile `e2e-<name>`) and clears the profile's keyring entry whatever happens.
#[macro_export]
macro_rules! journey {
    ($test:ident, $name:literal, $body:ident) => {
        #[tokio::test(flavor = "multi_thread")]
        async fn $test() -> ::anyhow::Result<()> {
            let Some(j) = $crate::Journey::begin($name) else {
                return Ok(());
            };
            let profile = concat!("e2e-", $name);
            $crate::keyring_clear(profile);
            let result = $body(&j, profile).await;
            $crate::keyring_clear(profile);
            result?;
            j.finish();
            Ok(())
        }
    };
}
