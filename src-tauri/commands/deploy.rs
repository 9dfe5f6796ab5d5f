//! The deploy wizard's commands (barrack-core `deploy`); generating an SSH key asks where
//! to save the private key in the native dialog.

use crate::dialogs::NativeSaveDialog;
use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_api::deploy::{DeployCatalog, DeployQuote};
use barrack_api::types::DeploymentRequest;
use barrack_core::deploy::{self, DeployExplain, GeneratedSshKey, QuoteRequest};
use barrack_core::deploy_store::{DeployDraft, DeployTemplate};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn deploy_catalog(state: State<'_, AppState>) -> Result<DeployCatalog, AppError> {
    guarded(async move { deploy::deploy_catalog(&state).await }).await
}

/// The price of one configuration from the pricing table, and the runway of the balance.
#[tauri::command]
#[specta::specta]
pub async fn deploy_quote(
    state: State<'_, AppState>,
    request: QuoteRequest,
) -> Result<DeployQuote, AppError> {
    guarded(async move { deploy::deploy_quote(&state, &request).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn explain_deploy(
    state: State<'_, AppState>,
    body: DeploymentRequest,
) -> Result<DeployExplain, AppError> {
    guarded(async move { deploy::explain_deploy(&state, &body).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_deploy_draft(state: State<'_, AppState>) -> Result<Option<DeployDraft>, AppError> {
    guarded(async move { deploy::get_deploy_draft(&state).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_deploy_draft(
    state: State<'_, AppState>,
    draft: DeployDraft,
) -> Result<(), AppError> {
    guarded(async move { deploy::save_deploy_draft(&state, &draft).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn discard_deploy_draft(state: State<'_, AppState>) -> Result<(), AppError> {
    guarded(async move { deploy::discard_deploy_draft(&state).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_deploy_templates(
    state: State<'_, AppState>,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move { deploy::list_deploy_templates(&state).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_deploy_template(
    state: State<'_, AppState>,
    name: String,
    draft: DeployDraft,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move { deploy::save_deploy_template(&state, &name, &draft).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn rename_deploy_template(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move { deploy::rename_deploy_template(&state, &from, &to).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_deploy_template(
    state: State<'_, AppState>,
    name: String,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move { deploy::delete_deploy_template(&state, &name).await }).await
}

/// Checks the name against the account's keys (rule, clash, 25-key room) and asks where to
/// save the private key (cancelling creates nothing), then has the server generate the pair
/// and writes the private key there, owner-only. The private key is never returned to the
/// webview nor kept by the app; the answer carries the shell-quoted permission lines.
#[tauri::command]
#[specta::specta]
pub async fn generate_ssh_key(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> Result<GeneratedSshKey, AppError> {
    guarded(async move { deploy::generate_ssh_key(&state, &NativeSaveDialog(app), &name).await })
        .await
}
