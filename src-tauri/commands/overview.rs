//! The dashboard's and the instances pages' reads (barrack-core `overview`).

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
/// For the bindings' `VM_ACTION_RULES` constant (lib.rs).
pub use barrack_core::overview::action_rules;
use barrack_core::overview::{self, AccountOverview, ActionInfo, InstancesOverview};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn instances_overview(state: State<'_, AppState>) -> Result<InstancesOverview, AppError> {
    guarded(async move { overview::instances_overview(&state).await }).await
}

/// The dashboard's overview, kept as the profile's last-known state (painted at the next start).
#[tauri::command]
#[specta::specta]
pub async fn account_overview(state: State<'_, AppState>) -> Result<AccountOverview, AppError> {
    guarded(async move { barrack_core::last_known::account_overview(&state).await }).await
}

/// Every action on one VM: allowed or why not, and what it does to the bill.
#[tauri::command]
#[specta::specta]
pub async fn instance_actions(
    state: State<'_, AppState>,
    instance_id: String,
) -> Result<Vec<ActionInfo>, AppError> {
    guarded(async move { overview::instance_actions(&state, &instance_id).await }).await
}
