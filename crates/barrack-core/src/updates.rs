//! Updates: what Settings › Software updates is offered, why an update was refused, and when the
//! automatic check runs. No Tauri here: src-tauri/updater.rs asks tauri-plugin-updater
//! (its own HTTP client, no header of ours: the API key is never sent) and sorts its answers
//! into these.

use crate::error::{AppError, AppErrorCode};
use crate::notices::{AppNotice, AppNoticeKind};
use crate::settings::Settings;
use serde::Serialize;
use std::time::Duration;
use tokio::sync::watch;

/// A newer version the update server offers. Its signature is verified when it is
/// downloaded, before anything is installed.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    pub version: String,
    pub current_version: String,
    /// The release notes, as published in latest.json (plain text).
    pub notes: Option<String>,
    /// When it was published (RFC 3339), if the server said.
    pub date: Option<String>,
}

/// The most characters of release notes Settings shows; the rest is cut. latest.json is not
/// signed: a hostile or broken one must not flood the window.
pub const NOTES_MAX: usize = 10_000;

/// The release notes as Settings shows them (plain text; the UI renders it as text, never as
/// HTML or markdown): none when blank; control characters other than line breaks and tabs,
/// and characters that reorder or hide text (bidi overrides, zero-width marks), dropped; at
/// most [`NOTES_MAX`] characters.
pub fn notes_shown(notes: Option<&str>) -> Option<String> {
    let clean: String = notes?
        .chars()
        .filter(|c| (!c.is_control() || matches!(c, '\n' | '\t')) && !reorders_or_hides(*c))
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        return None;
    }
    if clean.chars().count() > NOTES_MAX {
        let cut: String = clean.chars().take(NOTES_MAX).collect();
        return Some(format!("{cut}…"));
    }
    Some(clean.to_owned())
}

/// Bidi overrides and isolates, zero-width marks and joiners, the BOM (the list of
/// `launch::deep_link::is_invisible_format`, private to that module).
fn reorders_or_hides(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// The answer of a check: the running version, and the newer one if there is one.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCheck {
    pub current_version: String,
    pub offer: Option<UpdateOffer>,
}

/// Why an update step failed, sorted by what the user can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateFailure {
    /// The update server could not be asked, or its answer could not be read.
    CheckFailed,
    /// The package could not be downloaded.
    DownloadFailed,
    /// The package's signature is not the project's (another key, or changed bytes).
    SignatureRefused,
    /// The verified package could not be installed.
    InstallFailed,
}

/// Said after every failure that left the app as it was, so nobody wonders.
pub const UNCHANGED: &str = "Nothing was installed: the running version is unchanged.";

impl UpdateFailure {
    pub fn code(self) -> AppErrorCode {
        match self {
            UpdateFailure::CheckFailed => AppErrorCode::UpdateCheckFailed,
            UpdateFailure::DownloadFailed => AppErrorCode::UpdateDownloadFailed,
            UpdateFailure::SignatureRefused => AppErrorCode::UpdateSignatureRefused,
            UpdateFailure::InstallFailed => AppErrorCode::UpdateInstallFailed,
        }
    }

    /// The error the UI shows; `detail` is the plugin's own words (no secret in them: the
    /// update URL is public and the API key is never part of an update request).
    pub fn error(self, detail: &str) -> AppError {
        let message = match self {
            UpdateFailure::CheckFailed => {
                format!("The update server could not be asked ({detail}).")
            }
            UpdateFailure::DownloadFailed => {
                format!("The update could not be downloaded ({detail}). {UNCHANGED}")
            }
            UpdateFailure::SignatureRefused => format!(
                "The update's signature does not match this app's public key and the version \
                 announced (signed with another key, the file changed after signing, or the \
                 signature of another version). {UNCHANGED}"
            ),
            UpdateFailure::InstallFailed => format!(
                "The update was verified but could not be installed ({detail}). The running \
                 version is unchanged."
            ),
        };
        AppError::new(self.code(), message)
    }
}

/// Install asked for while no newer version is offered.
pub fn no_update(current_version: &str) -> AppError {
    AppError::new(
        AppErrorCode::NoUpdate,
        format!("No newer version is offered: {current_version} is the latest."),
    )
}

/// Install refused when the update on offer is not the version the window showed (another
/// check found a different one since): it is shown first, then installed.
pub fn same_as_shown(offered: &str, shown: &str) -> Result<(), AppError> {
    if offered == shown {
        return Ok(());
    }
    Err(AppError::new(
        AppErrorCode::NoUpdate,
        format!(
            "The update on offer is now version {offered}, not the {shown} shown: check for \
             updates again to see what it brings."
        ),
    ))
}

/// How long a check may take (the plugin has no limit of its own).
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the download may take, slow links included (the plugin has no limit of its own).
pub const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// The automatic check waits for the first data on screen (the first look at the
/// instances), then this long, so it never competes with start-up…
pub const AUTO_CHECK_SETTLE: Duration = Duration::from_secs(5);
/// …or, with no data coming (the sign-in screen), this long after start.
pub const AUTO_CHECK_AT_THE_LATEST: Duration = Duration::from_secs(60);

/// Whether the automatic check runs now: the user has not turned it off (read when it is
/// due, so turning it off during start-up counts), and this copy was installed from a
/// package the updater can replace (a build run from a checkout is updated with the
/// checkout, and asks no server).
pub fn auto_check_wanted(settings: &Settings, installed_from_package: bool) -> bool {
    settings.auto_update_check && installed_from_package
}

/// Waits until the first data arrives (`first_data` holds `Some`) or `at_the_latest` has
/// passed, whichever is first; then `settle`.
pub async fn wait_for_quiet_start<T>(
    mut first_data: watch::Receiver<Option<T>>,
    at_the_latest: Duration,
    settle: Duration,
) {
    let arrived = async {
        while first_data.borrow_and_update().is_none() {
            if first_data.changed().await.is_err() {
                // No more data will come: the deadline decides.
                std::future::pending::<()>().await;
            }
        }
    };
    let _ = tokio::time::timeout(at_the_latest, arrived).await;
    tokio::time::sleep(settle).await;
}

/// The notice an automatic check leaves when it finds a newer version: shown at the top of
/// the window until dismissed, blocking nothing.
pub fn offer_notice(offer: &UpdateOffer) -> AppNotice {
    AppNotice {
        kind: AppNoticeKind::UpdateAvailable,
        message: format!(
            "Version {} (you have {}): Settings › Software updates shows what is new and installs it.",
            offer.version, offer.current_version
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Preferences;

    fn offer() -> UpdateOffer {
        UpdateOffer {
            version: "0.2.0".into(),
            current_version: "0.1.0".into(),
            notes: Some("Faster start".into()),
            date: None,
        }
    }

    #[test]
    fn automatic_checks_are_off_when_turned_off_or_not_installed() {
        let on = Settings::default();
        assert!(on.auto_update_check, "on by default");
        assert!(auto_check_wanted(&on, true));
        assert!(!auto_check_wanted(&on, false), "a checkout asks no server");
        let off = Settings {
            auto_update_check: false,
            ..Settings::default()
        };
        assert!(!auto_check_wanted(&off, true));
    }

    #[test]
    fn the_setting_is_a_preference_and_survives_an_older_ui() {
        let stored = Settings::default();
        let prefs: Preferences = serde_json::from_value(serde_json::json!({
            "theme": "dark", "pollFastSecs": 2, "pollIdleSecs": 60,
            "notifications": {"vmReady": true, "snapshotReady": true, "imageReady": true, "lowBalance": true},
            "lowBalanceThreshold": 10.0, "autoUpdateCheck": false
        }))
        .unwrap();
        let saved = stored.with_preferences(prefs).unwrap();
        assert!(!saved.auto_update_check);
        // Read back from the file as written.
        let read = Settings::decode_lenient(&serde_json::to_value(&saved).unwrap());
        assert!(!read.auto_update_check);
        // A UI that does not know the field leaves the default (on), not an error.
        let older: Preferences = serde_json::from_value(serde_json::json!({
            "theme": "dark", "pollFastSecs": 2, "pollIdleSecs": 60,
            "notifications": {"vmReady": true, "snapshotReady": true, "imageReady": true, "lowBalance": true},
            "lowBalanceThreshold": 10.0
        }))
        .unwrap();
        assert!(older.auto_update_check);
        // A damaged value falls back alone.
        let damaged = Settings::decode_lenient(&serde_json::json!({"autoUpdateCheck": "no"}));
        assert!(damaged.auto_update_check);
    }

    #[test]
    fn each_failure_has_its_code_and_says_the_version_is_unchanged() {
        let refused = UpdateFailure::SignatureRefused.error("Invalid signature");
        assert_eq!(refused.code, AppErrorCode::UpdateSignatureRefused);
        assert!(refused.message.contains("running version is unchanged"));
        assert!(refused.message.contains("signature"));
        let download = UpdateFailure::DownloadFailed.error("status 404");
        assert_eq!(download.code, AppErrorCode::UpdateDownloadFailed);
        assert!(download.message.contains("status 404"));
        assert!(download.message.contains("running version is unchanged"));
        let install = UpdateFailure::InstallFailed.error("dpkg failed");
        assert_eq!(install.code, AppErrorCode::UpdateInstallFailed);
        assert!(install.message.contains("running version is unchanged"));
        assert_eq!(
            UpdateFailure::CheckFailed.error("x").code,
            AppErrorCode::UpdateCheckFailed
        );
        assert_eq!(no_update("0.1.0").code, AppErrorCode::NoUpdate);
        // Only the version the window showed is installed.
        assert!(same_as_shown("0.2.0", "0.2.0").is_ok());
        let changed = same_as_shown("0.3.0", "0.2.0").unwrap_err();
        assert_eq!(changed.code, AppErrorCode::NoUpdate);
        assert!(changed.message.contains("0.3.0") && changed.message.contains("0.2.0"));
    }

    #[test]
    fn release_notes_are_bounded_plain_text() {
        assert_eq!(notes_shown(None), None);
        assert_eq!(notes_shown(Some("  \r\n\t ")), None);
        assert_eq!(
            notes_shown(Some(
                "Faster start.\r\nSigned\u{202E} updates.\u{0}\u{200B}"
            ))
            .as_deref(),
            Some("Faster start.\nSigned updates.")
        );
        // Markup stays the characters it is (the UI shows it as text).
        let markup = "<img src=x onerror=alert(1)> **bold** [link](http://x)";
        assert_eq!(notes_shown(Some(markup)).as_deref(), Some(markup));
        let huge = "a".repeat(5 * NOTES_MAX);
        let shown = notes_shown(Some(&huge)).unwrap();
        assert_eq!(shown.chars().count(), NOTES_MAX + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn the_notice_names_both_versions() {
        let n = offer_notice(&offer());
        assert_eq!(n.kind, AppNoticeKind::UpdateAvailable);
        assert!(n.message.contains("0.2.0") && n.message.contains("0.1.0"));
    }

    /// Long enough never to pass during a test: only the data ends the wait.
    const NEVER: Duration = Duration::from_secs(3600);

    #[tokio::test]
    async fn the_automatic_check_waits_for_the_first_data() {
        let (tx, rx) = watch::channel(None::<u32>);
        let waiting = tokio::spawn(wait_for_quiet_start(rx, NEVER, Duration::ZERO));
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert!(!waiting.is_finished(), "no data yet: still waiting");
        tx.send(Some(1)).unwrap();
        waiting.await.unwrap();
        // Data already there: no wait for more.
        let (_tx, rx) = watch::channel(Some(1));
        wait_for_quiet_start(rx, NEVER, Duration::ZERO).await;
    }

    #[tokio::test]
    async fn without_data_the_deadline_ends_the_wait() {
        let (_tx, rx) = watch::channel(None::<u32>);
        wait_for_quiet_start(rx, Duration::from_millis(1), Duration::ZERO).await;
        // The sender gone (the app shutting down) does not end it early or hang it.
        let (tx, rx) = watch::channel(None::<u32>);
        drop(tx);
        wait_for_quiet_start(rx, Duration::from_millis(1), Duration::ZERO).await;
    }
}
