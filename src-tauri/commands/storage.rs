//! The Snapshots and Images pages' one read (barrack-core `storage`).

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_core::storage::{self, StorageOverview};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn storage_overview(state: State<'_, AppState>) -> Result<StorageOverview, AppError> {
    guarded(async move { storage::storage_overview(&state).await }).await
}
