//! Signed updates through tauri-plugin-updater: asks the update URL of tauri.conf.json's
//! `plugins.updater` (the plugin's own HTTP client; no header of ours, so the API key is
//! never sent), downloads the package, verifies its minisign signature against the
//! configured public key *before* anything is installed, installs it (`dpkg -i`/`rpm -U`
//! through pkexec or sudo on Linux, the installer on Windows and macOS) and restarts.
//! What is offered, the failures and the automatic check's rules are barrack-core's
//! `updates`; see README, "Updates".

use crate::state::AppState;
use crate::updates::{self, UpdateCheck, UpdateFailure, UpdateOffer};
use barrack_core::error::AppError;
use tauri::utils::config::BundleType;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Error as PluginError, Update, UpdaterExt};

/// The update found by the last check: "Install and restart" installs exactly what the user
/// was shown (its version and notes), not whatever the server says a moment later.
#[derive(Default)]
pub struct Offered(tokio::sync::Mutex<Option<Update>>);

/// Which step failed, for errors that do not say by themselves.
#[derive(Debug, Clone, Copy)]
enum Step {
    Check,
    Download,
    Install,
}

/// A signature that does not verify is always a refusal, whichever step met it; anything
/// else failed at its step.
fn failure_of(e: &PluginError, step: Step) -> UpdateFailure {
    match e {
        PluginError::Minisign(_)
        | PluginError::Base64(_)
        | PluginError::SignatureUtf8(_)
        | PluginError::SignedVersionMismatch { .. }
        | PluginError::MissingSignedVersion => UpdateFailure::SignatureRefused,
        _ => match step {
            Step::Check => UpdateFailure::CheckFailed,
            Step::Download => UpdateFailure::DownloadFailed,
            Step::Install => UpdateFailure::InstallFailed,
        },
    }
}

fn error_of(e: PluginError, step: Step) -> AppError {
    let failure = failure_of(&e, step);
    log::warn!("update {step:?}: {e}");
    failure.error(&e.to_string())
}

fn offer_of(update: &Update) -> UpdateOffer {
    UpdateOffer {
        version: update.version.clone(),
        current_version: update.current_version.clone(),
        notes: updates::notes_shown(update.body.as_deref()),
        // As published (the plugin parses it only to check it is a date).
        date: update.date.and(
            update
                .raw_json
                .get("pub_date")
                .and_then(|d| d.as_str())
                .map(str::to_owned),
        ),
    }
}

/// Asks the update server whether a newer version is offered; remembers it for `install`.
pub async fn check<R: Runtime>(app: &AppHandle<R>) -> Result<UpdateCheck, AppError> {
    let current_version = app.package_info().version.to_string();
    // A failed check leaves nothing to install.
    *app.state::<Offered>().0.lock().await = None;
    let updater = app
        .updater_builder()
        .timeout(updates::CHECK_TIMEOUT)
        .build()
        .map_err(|e| error_of(e, Step::Check))?;
    let found = updater
        .check()
        .await
        .map_err(|e| error_of(e, Step::Check))?;
    let offer = found.as_ref().map(offer_of);
    *app.state::<Offered>().0.lock().await = found;
    Ok(UpdateCheck {
        current_version,
        offer,
    })
}

/// Downloads the offered update, verifies its signature, installs it; the caller restarts.
/// Nothing is installed unless the signature is the project's.
/// `shown` is the version the window showed: another check since (the automatic one) may
/// have found a different update, which is then not installed unseen.
pub async fn install<R: Runtime>(app: &AppHandle<R>, shown: &str) -> Result<String, AppError> {
    let offered = app.state::<Offered>().0.lock().await.clone();
    let Some(mut update) = offered else {
        return Err(updates::no_update(&app.package_info().version.to_string()));
    };
    updates::same_as_shown(&update.version, shown)?;
    // A stalled server must not leave "Installing…" on screen for the whole session.
    update.timeout = Some(updates::DOWNLOAD_TIMEOUT);
    // `download` verifies the signature before it returns the bytes.
    let bytes = update
        .download(|_, _| {}, || {})
        .await
        .map_err(|e| error_of(e, Step::Download))?;
    let version = update.version.clone();
    // dpkg/rpm (through pkexec or sudo) blocks: off the async workers.
    tokio::task::spawn_blocking(move || update.install(bytes))
        .await
        .map_err(|e| UpdateFailure::InstallFailed.error(&e.to_string()))?
        .map_err(|e| error_of(e, Step::Install))?;
    *app.state::<Offered>().0.lock().await = None;
    log::info!("update {version} installed; restarting");
    Ok(version)
}

/// Restarts into the installed version once the answer has reached the window.
pub fn restart_soon<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        // Time for the command's answer ("restarting…") to be delivered and painted.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        app.request_restart();
    });
}

/// Whether this copy was installed from a package the updater can replace (the bundler
/// records the package type in the binary); a build run from a checkout was not.
fn installed_from_package() -> bool {
    let exe = std::env::current_exe().unwrap_or_default();
    from_package(tauri::utils::platform::bundle_type(), &exe)
}

/// [`installed_from_package`] from its facts. On macOS Tauri answers "app" for every binary,
/// bundled or not (tauri-utils `platform::bundle_type`): there the program must also run from
/// inside an `.app` bundle, or `cargo run` from a checkout would ask the update server.
fn from_package(bundle: Option<BundleType>, exe: &std::path::Path) -> bool {
    match bundle {
        Some(BundleType::App) => exe
            .ancestors()
            .any(|dir| dir.extension().is_some_and(|e| e == "app")),
        Some(_) => true,
        None => false,
    }
}

/// The automatic check: once per start, after the first data is on screen, unless turned
/// off in Settings › Software updates. A newer version leaves a notice; a failure only a log line
/// (the user did not ask; the manual check says why).
pub async fn check_automatically<R: Runtime>(app: AppHandle<R>) {
    let first_data = app.state::<AppState>().watching.subscribe_instances();
    updates::wait_for_quiet_start(
        first_data,
        updates::AUTO_CHECK_AT_THE_LATEST,
        updates::AUTO_CHECK_SETTLE,
    )
    .await;
    let state = app.state::<AppState>();
    let settings = state.settings.load().unwrap_or_default();
    if !updates::auto_check_wanted(&settings, installed_from_package()) {
        return;
    }
    match check(&app).await {
        Ok(UpdateCheck {
            offer: Some(offer), ..
        }) => state.push_notice(updates::offer_notice(&offer)),
        Ok(_) => log::info!("update check: this is the latest version"),
        Err(e) => log::warn!("automatic update check: {}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_signature_is_a_refusal_at_any_step_and_other_errors_name_their_step() {
        let mismatch = || PluginError::SignedVersionMismatch {
            signed: "0.1.0".into(),
            announced: "0.2.0".into(),
        };
        for step in [Step::Check, Step::Download, Step::Install] {
            assert_eq!(
                failure_of(&mismatch(), step),
                UpdateFailure::SignatureRefused
            );
            assert_eq!(
                failure_of(&PluginError::MissingSignedVersion, step),
                UpdateFailure::SignatureRefused
            );
        }
        let network = || PluginError::Network("status 404".into());
        assert_eq!(
            failure_of(&network(), Step::Download),
            UpdateFailure::DownloadFailed
        );
        assert_eq!(
            failure_of(&network(), Step::Check),
            UpdateFailure::CheckFailed
        );
        assert_eq!(
            failure_of(&PluginError::PackageInstallFailed, Step::Install),
            UpdateFailure::InstallFailed
        );
        assert_eq!(
            failure_of(&PluginError::InvalidUpdaterFormat, Step::Install),
            UpdateFailure::InstallFailed
        );
    }

    #[test]
    fn only_a_packaged_copy_checks_by_itself() {
        use std::path::Path;
        assert!(from_package(
            Some(BundleType::Deb),
            Path::new("/usr/bin/barrack-desktop")
        ));
        assert!(from_package(
            Some(BundleType::Nsis),
            Path::new("C:/Users/me/AppData/Local/Barrack Desktop/barrack-desktop.exe")
        ));
        assert!(!from_package(
            None,
            Path::new("/work/target/debug/barrack-desktop")
        ));
        // macOS says "app" for every binary: only one inside an .app bundle was installed.
        assert!(from_package(
            Some(BundleType::App),
            Path::new("/Applications/Barrack Desktop.app/Contents/MacOS/barrack-desktop")
        ));
        assert!(!from_package(
            Some(BundleType::App),
            Path::new("/Users/me/barrack/target/debug/barrack-desktop")
        ));
    }

    #[test]
    fn a_refusal_says_the_running_version_is_unchanged() {
        let shown = error_of(PluginError::MissingSignedVersion, Step::Download);
        assert_eq!(
            shown.code,
            barrack_core::error::AppErrorCode::UpdateSignatureRefused
        );
        assert!(shown.message.contains("running version is unchanged"));
    }
}
