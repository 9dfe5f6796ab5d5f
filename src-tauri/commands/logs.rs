//! Settings › Logs: the level (applied at once), the log folder opened in the file manager,
//! and the diagnostics text. The webview never names a path: the folder is the app's own,
//! found here.

use crate::error::{AppError, AppErrorCode};
use crate::guard::guarded;
use crate::settings::Settings;
use crate::state::AppState;
use barrack_core::logs::{self, LogLevel};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

/// Saves the log level and applies it at once; answers the settings as saved.
#[tauri::command]
#[specta::specta]
pub async fn set_log_level(
    state: State<'_, AppState>,
    level: LogLevel,
) -> Result<Settings, AppError> {
    guarded(async move { logs::set_level(&state, level) }).await
}

/// Opens the app's log folder in the system's file manager.
#[tauri::command]
#[specta::specta]
pub async fn open_log_folder(app: AppHandle) -> Result<(), AppError> {
    guarded(async move {
        let failed = |why: String| {
            AppError::new(
                AppErrorCode::File,
                format!("The logs folder could not be opened: {why}"),
            )
        };
        let dir = crate::logging::log_dir(&app).map_err(failed)?;
        log::info!("opening the logs folder {}", dir.display());
        app.opener()
            .open_path(dir.display().to_string(), None::<&str>)
            .map_err(|e| failed(e.to_string()))
    })
    .await
}

/// The diagnostics text (versions, system, webview, log folder, settings — no key, no key
/// hint): the UI copies it to the clipboard and shows it.
#[tauri::command]
#[specta::specta]
pub async fn get_diagnostics(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<String, AppError> {
    guarded(async move {
        let facts = crate::logging::facts(&app);
        barrack_core::diagnostics::of_state(&state, &facts).await
    })
    .await
}
