//! What the app's log keeps, and how much of it: the file's name, its size before it
//! rotates, how many files are kept, the level the user chose (Settings › Logs) and the
//! crates too talkative to follow it. The desktop crate hands these to tauri-plugin-log
//! (src-tauri/logging.rs); nothing here knows about Tauri.
//!
//! The API key is never written: it is an `ApiKey` (barrack-api's secret.rs: no `Display`,
//! a redacting `Debug`), log lines name profiles, operations and error codes only, never a
//! request's headers or body, and the HTTP crates (which could print headers at their most
//! verbose) are capped at warnings whatever level is chosen.

use log::{Level, LevelFilter};
use serde::{Deserialize, Serialize};

/// The log file's name without its extension: `barrack-desktop.log` in the app's log folder;
/// rotated files are renamed with the date and time they were set aside.
pub const FILE_STEM: &str = "barrack-desktop";

/// A file is set aside and a new one started beyond this size (1 MiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How many files are kept, the current one included (so at most about 5 MiB on disk).
pub const FILES_KEPT: usize = 5;

// At least one file from before the last rotation, and at most 10 MiB on disk.
const _: () = assert!(FILES_KEPT >= 2 && MAX_FILE_BYTES * FILES_KEPT as u64 <= 10 * 1024 * 1024);

/// How much the app writes: the user's choice in Settings › Logs.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    specta::Type,
    Default,
)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    Error,
    Warn,
    #[default]
    Info,
    Debug,
    Trace,
}

impl LogLevel {
    pub const ALL: [LogLevel; 5] = [
        LogLevel::Error,
        LogLevel::Warn,
        LogLevel::Info,
        LogLevel::Debug,
        LogLevel::Trace,
    ];

    pub fn filter(self) -> LevelFilter {
        match self {
            LogLevel::Error => LevelFilter::Error,
            LogLevel::Warn => LevelFilter::Warn,
            LogLevel::Info => LevelFilter::Info,
            LogLevel::Debug => LevelFilter::Debug,
            LogLevel::Trace => LevelFilter::Trace,
        }
    }

    /// As the settings file and the UI spell it.
    pub fn name(self) -> &'static str {
        match self {
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
            LogLevel::Trace => "trace",
        }
    }
}

/// Crates that log every connection, frame or DOM node at their debug and trace levels
/// (the HTTP stack, TLS, the window and webview layers, the D-Bus and keyring bindings,
/// the embedded emulator's server): capped at warnings whatever level is chosen, so that
/// "trace" stays readable and no HTTP crate ever prints a request's headers.
pub const NOISY_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper_util",
    "h2",
    "rustls",
    "tokio_util",
    "tower",
    "tower_http",
    "axum",
    "mio",
    "want",
    "tao",
    "wry",
    "tauri",
    // At debug it prints the proxy it uses, which can carry the proxy's credentials.
    "tauri_plugin_updater",
    "zbus",
    "dbus",
    "keyring",
    "secret_service",
    "html5ever",
    "selectors",
    "os_info",
    "tracing",
];

/// The most a noisy crate may write.
pub const NOISY_CAP: LevelFilter = LevelFilter::Warn;

/// Whether `target` (a module path, `crate::module…`) is inside `krate`.
fn within(target: &str, krate: &str) -> bool {
    target
        .strip_prefix(krate)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with("::"))
}

/// Whether a record of `level` from `target` is written, beyond the global level that
/// `log::set_max_level` already applies: noisy crates only up to [`NOISY_CAP`].
pub fn allowed(target: &str, level: Level) -> bool {
    !NOISY_CRATES.iter().any(|k| within(target, k)) || level <= NOISY_CAP
}

/// Applies the chosen level at once, for every crate that logs (`log::set_max_level`).
pub fn apply(level: LogLevel) {
    log::set_max_level(level.filter());
}

/// Saves the chosen level and applies it at once; the settings as the UI sees them.
pub fn set_level(
    state: &crate::state::AppState,
    level: LogLevel,
) -> Result<crate::settings::Settings, crate::error::AppError> {
    let mut settings = state.settings.load()?;
    let before = settings.log_level;
    settings.log_level = level;
    state.settings.save(&settings)?;
    apply(level);
    // Written after the change, so that a lowered level does not hide it.
    log::warn!("log level: {} (was {})", level.name(), before.name());
    crate::session::settings_for_ui(state)
}

/// At start: the saved level (the default when the settings cannot be read).
pub fn apply_saved(state: &crate::state::AppState) -> LogLevel {
    let level = state
        .settings
        .load()
        .map(|s| s.log_level)
        .unwrap_or_default();
    apply(level);
    level
}

/// Writes `what` failed with `code` (no message: a server's text is the UI's to show, and
/// may quote what it was sent).
pub fn failed(what: &str, e: &crate::error::AppError) {
    match &e.request_id {
        Some(id) => log::warn!("{what} failed: {:?} (request {id})", e.code),
        None => log::warn!("{what} failed: {:?}", e.code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noisy_crates_are_capped_and_the_apps_own_are_not() {
        for target in [
            "hyper",
            "hyper::proto::h1::io",
            "reqwest::connect",
            "tauri::manager",
            "tauri_plugin_updater::updater",
        ] {
            assert!(allowed(target, Level::Warn), "{target} warns");
            assert!(!allowed(target, Level::Debug), "{target} is capped");
            assert!(!allowed(target, Level::Trace), "{target} is capped");
        }
        for target in [
            "barrack_core::session",
            "barrack_api::client",
            "barrack_desktop_lib",
            // A crate whose name only starts like a noisy one's is not capped.
            "hyperion",
            "tauri_plugin_log",
        ] {
            assert!(
                allowed(target, Level::Trace),
                "{target} follows the chosen level"
            );
        }
    }

    #[test]
    fn levels_are_named_and_ordered_as_the_settings_file_keeps_them() {
        assert_eq!(LogLevel::default(), LogLevel::Info);
        for level in LogLevel::ALL {
            let json = serde_json::to_value(level).unwrap();
            assert_eq!(json, level.name());
            assert_eq!(serde_json::from_value::<LogLevel>(json).unwrap(), level);
        }
        let filters: Vec<LevelFilter> = LogLevel::ALL.iter().map(|l| l.filter()).collect();
        assert!(filters.windows(2).all(|w| w[0] < w[1]), "{filters:?}");
    }

    #[test]
    fn the_level_is_saved_applied_and_read_back_leniently() {
        use crate::settings::Settings;
        use crate::state::{AppState, MemorySettings};
        use std::sync::Arc;
        let state = AppState::new(
            Arc::new(barrack_credentials::MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        )
        .with_profiles(Arc::new(
            barrack_credentials::profiles::ProfileStore::in_memory(),
        ));
        assert_eq!(apply_saved(&state), LogLevel::Info);
        assert_eq!(log::max_level(), LevelFilter::Info);
        let shown = set_level(&state, LogLevel::Debug).unwrap();
        assert_eq!(shown.log_level, LogLevel::Debug);
        assert_eq!(state.settings.load().unwrap().log_level, LogLevel::Debug);
        assert_eq!(log::max_level(), LevelFilter::Debug);
        assert_eq!(apply_saved(&state), LogLevel::Debug);
        // An unreadable level in the settings file falls back alone.
        let read = |v| Settings::decode_lenient(&v).log_level;
        assert_eq!(
            read(serde_json::json!({"logLevel": "trace"})),
            LogLevel::Trace
        );
        assert_eq!(
            read(serde_json::json!({"logLevel": "loud"})),
            LogLevel::Info
        );
        assert_eq!(read(serde_json::json!({"theme": "dark"})), LogLevel::Info);
    }

    /// What carries the key prints without it, should a log line ever `{:?}` it.
    #[test]
    fn what_carries_the_key_prints_without_it() {
        let key = "sk-live-LOGGED-never-7d1c";
        let request = crate::session::SignInRequest {
            profile: Some("work".into()),
            base_url: None,
            auth_scheme: None,
            api_key: key.into(),
        };
        let api_key = barrack_api::ApiKey::new(key);
        let client = barrack_api::Client::builder()
            .api_key(api_key.clone())
            .build()
            .unwrap();
        let printed = format!("{request:?} {api_key:?} {client:?}");
        assert!(printed.contains("\"work\""), "{printed}");
        assert!(!printed.contains("LOGGED"), "{printed}");
    }

    #[test]
    fn the_file_name_is_a_bare_name() {
        assert!(!FILE_STEM.is_empty() && !FILE_STEM.contains(['/', '\\', '.']));
    }
}
