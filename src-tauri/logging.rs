//! The app's log on the desktop: tauri-plugin-log set up from barrack-core's policy
//! (`logs.rs`: file name, size, files kept, the capped crates), and the facts "Copy
//! diagnostics" reports (`diagnostics.rs` writes the text).

use barrack_core::diagnostics::Facts;
use barrack_core::logs;
use tauri::Manager;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind, TimezoneStrategy};

/// The log plugin: a rotating file in the app's log folder and, in development (debug
/// builds), the terminal. Everything passes the plugin (its own level is `Trace`); what is
/// written is decided by `log::set_max_level` (the level in Settings, applied in setup and
/// when changed) and by the caps on noisy crates.
pub fn plugin<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let mut targets = vec![Target::new(TargetKind::LogDir {
        file_name: Some(logs::FILE_STEM.to_owned()),
    })];
    if cfg!(debug_assertions) {
        targets.push(Target::new(TargetKind::Stdout));
    }
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets(targets)
        .level(log::LevelFilter::Trace)
        .filter(|m| logs::allowed(m.target(), m.level()))
        .max_file_size(u128::from(logs::MAX_FILE_BYTES))
        .rotation_strategy(RotationStrategy::KeepSome(logs::FILES_KEPT))
        .timezone_strategy(TimezoneStrategy::UseUtc)
        .build()
}

/// The app's log folder (created if it is not there yet, as the plugin does).
pub fn log_dir<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Result<std::path::PathBuf, String> {
    let dir = app.path().app_log_dir().map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// What "Copy diagnostics" says about where the app runs.
pub fn facts<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Facts {
    let os = os_info::get();
    Facts {
        app_version: app.package_info().version.to_string(),
        tauri_version: tauri::VERSION.to_owned(),
        os: std::env::consts::OS.to_owned(),
        os_version: format!("{} {}", os.os_type(), os.version()),
        arch: std::env::consts::ARCH.to_owned(),
        webview_version: tauri::webview_version().map_err(|e| e.to_string()),
        log_dir: app
            .path()
            .app_log_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|e| format!("(unknown: {e})")),
    }
}

/// The first lines of a run: versions and system, and the level in force.
pub fn log_start<R: tauri::Runtime>(app: &tauri::AppHandle<R>, level: logs::LogLevel) {
    let f = facts(app);
    log::info!(
        "Barrack Desktop {} starting (Tauri {}, {} on {} {}, {} {}); log level {}",
        f.app_version,
        f.tauri_version,
        f.os_version,
        f.os,
        f.arch,
        barrack_core::diagnostics::webview_engine(&f.os),
        f.webview_version.as_deref().unwrap_or("(version unknown)"),
        level.name()
    );
}
