//! The current profile's last-known state, painted at start until fresh data replaces it
//! (barrack-core `last_known`).

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_core::last_known::{self, LastKnown};
use tauri::State;

/// What the signed-in profile showed last (none for the sandbox, or when nothing is kept).
/// No network: it waits only for the start-up restore, as `get_session` does.
#[tauri::command]
#[specta::specta]
pub async fn get_last_known(state: State<'_, AppState>) -> Result<Option<LastKnown>, AppError> {
    guarded(async move { Ok(last_known::current(&state).await) }).await
}
