//! Billing & Credits and hibernate timers (barrack-core `billing`); the CSV export asks
//! where to save in the native dialog.

use crate::dialogs::NativeSaveDialog;
use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_api::spend::CostKind;
use barrack_api::types::BillingQuery;
use barrack_core::billing::{self, BillingOverview, CsvExport};
use barrack_core::timers::HibernateTimer;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn billing_overview(state: State<'_, AppState>) -> Result<BillingOverview, AppError> {
    guarded(async move { billing::billing_overview(&state).await }).await
}

/// Every record of one kind matching the filter, as CSV, to a file the user picks in a
/// native save dialog (written here: the UI has no file-system permission).
#[tauri::command]
#[specta::specta]
pub async fn export_billing_csv(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    kind: CostKind,
    filter: BillingQuery,
) -> Result<CsvExport, AppError> {
    guarded(async move {
        billing::export_billing_csv(&state, &NativeSaveDialog(app), kind, &filter).await
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_timers(state: State<'_, AppState>) -> Result<Vec<HibernateTimer>, AppError> {
    guarded(async move { billing::list_timers(&state).await }).await
}

/// "Hibernate at …" (`at`, RFC 3339). Replaces the VM's other timer.
#[tauri::command]
#[specta::specta]
pub async fn set_hibernate_timer(
    state: State<'_, AppState>,
    vm_id: String,
    vm_name: String,
    at: String,
) -> Result<HibernateTimer, AppError> {
    guarded(async move { billing::set_hibernate_timer(&state, &vm_id, &vm_name, &at).await }).await
}

/// For a stopped VM: start it and hibernate it as soon as it is ACTIVE (hibernation is
/// documented only from ACTIVE, so this bills the full rate for the minute or two between).
#[tauri::command]
#[specta::specta]
pub async fn start_then_hibernate(
    state: State<'_, AppState>,
    vm_id: String,
    vm_name: String,
) -> Result<HibernateTimer, AppError> {
    guarded(async move { billing::start_then_hibernate(&state, &vm_id, &vm_name).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn postpone_timer(
    state: State<'_, AppState>,
    id: String,
    minutes: u32,
) -> Result<HibernateTimer, AppError> {
    guarded(async move { billing::postpone_timer(&state, &id, minutes).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_timer(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    guarded(async move { billing::cancel_timer(&state, &id).await }).await
}
