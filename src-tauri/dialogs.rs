//! Native dialogs opened by the backend, so the UI needs no dialog or file-system
//! permission: the backend asks where, and writes there itself (barrack-core's
//! [`SaveDialog`]).

use crate::error::{AppError, AppErrorCode};
use barrack_core::effects::SaveDialog;
use std::path::PathBuf;

/// The native "Save as" dialog of tauri-plugin-dialog.
pub struct NativeSaveDialog(pub tauri::AppHandle);

impl SaveDialog for NativeSaveDialog {
    async fn ask_save_path(&self, title: &str, file_name: &str) -> Result<PathBuf, AppError> {
        use tauri_plugin_dialog::DialogExt;
        let (app, title, file_name) = (self.0.clone(), title.to_owned(), file_name.to_owned());
        let picked = tokio::task::spawn_blocking(move || {
            app.dialog()
                .file()
                .set_title(title)
                .set_file_name(file_name)
                .blocking_save_file()
        })
        .await
        .map_err(|e| AppError::new(AppErrorCode::File, e.to_string()))?;
        let Some(picked) = picked else {
            return Err(AppError::new(
                AppErrorCode::Cancelled,
                "No file was chosen; nothing was done.",
            ));
        };
        picked
            .into_path()
            .map_err(|e| AppError::new(AppErrorCode::File, e.to_string()))
    }
}

/// The native "Open" dialog for one file; `Cancelled` when none was chosen. The webview
/// never names the path: the backend asks, and keeps the answer.
pub async fn ask_open_path(app: &tauri::AppHandle, title: &str) -> Result<PathBuf, AppError> {
    use tauri_plugin_dialog::DialogExt;
    let (app, title) = (app.clone(), title.to_owned());
    let picked = tokio::task::spawn_blocking(move || {
        app.dialog().file().set_title(title).blocking_pick_file()
    })
    .await
    .map_err(|e| AppError::new(AppErrorCode::File, e.to_string()))?;
    let Some(picked) = picked else {
        return Err(AppError::new(
            AppErrorCode::Cancelled,
            "No file was chosen; nothing was changed.",
        ));
    };
    picked
        .into_path()
        .map_err(|e| AppError::new(AppErrorCode::File, e.to_string()))
}
