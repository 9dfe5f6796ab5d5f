//! Native dialogs opened by the backend, so the UI needs no dialog or file-system
//! permission: the backend asks where, and writes there itself.

use crate::error::{AppError, AppErrorCode};
use std::path::PathBuf;

/// A native "Save as" dialog; `Cancelled` when the user closes it.
pub async fn ask_save_path(
    app: tauri::AppHandle,
    title: &str,
    file_name: &str,
) -> Result<PathBuf, AppError> {
    use tauri_plugin_dialog::DialogExt;
    let (title, file_name) = (title.to_owned(), file_name.to_owned());
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
