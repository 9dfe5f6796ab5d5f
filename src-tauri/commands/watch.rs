//! What the poller follows for an open view: the deploy wizard asks for the GPU stock while
//! it is open and visible, and hears changes as `resourcesChanged` with the kind `stock` (it
//! fetches nothing on a timer of its own).

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use tauri::State;

/// `on`: a heartbeat, "a view wants the stock now" — the poller follows it (fetching it at
/// least every 15 s, and at once when the following starts) for 45 s after the last beat,
/// so a view beats every 30 s while shown. `off`: the view left; the following ends at once.
#[tauri::command]
#[specta::specta]
pub async fn watch_stock(state: State<'_, AppState>, on: bool) -> Result<(), AppError> {
    guarded(async move {
        state.watching.want_stock(on);
        Ok(())
    })
    .await
}
