//! Settings › Software updates: check for a newer signed version, install it and restart (the
//! plugin's side is updater.rs; what is offered and refused is barrack-core's `updates`).

use crate::error::AppError;
use crate::guard::guarded;
use crate::updates::UpdateCheck;
use tauri::AppHandle;

/// Asks the update server whether a newer version is offered (with its notes).
#[tauri::command]
#[specta::specta]
pub async fn check_for_update(app: AppHandle) -> Result<UpdateCheck, AppError> {
    guarded(async move { crate::updater::check(&app).await }).await
}

/// Downloads the offered update, verifies its signature against the app's public key,
/// installs it and restarts into it; answers the installed version just before the
/// restart. A refused signature installs nothing (`UpdateSignatureRefused`). `version` is
/// the version the window showed; a different one on offer now is refused (`NoUpdate`).
#[tauri::command]
#[specta::specta]
pub async fn install_update(app: AppHandle, version: String) -> Result<String, AppError> {
    guarded(async move {
        let version = crate::updater::install(&app, &version).await?;
        crate::updater::restart_soon(&app);
        Ok(version)
    })
    .await
}
