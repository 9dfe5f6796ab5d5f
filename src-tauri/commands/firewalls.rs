//! Attaching a firewall to one more VM (FW-20): the complete set the API takes is built in
//! barrack-core from the firewall as the server has it now, never from the page's list.

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_api::types::AttachFirewallResponse;
use barrack_core::error::AppErrorCode;
use barrack_core::firewalls;
use tauri::State;

/// Longer than any id: refused unread (the webview is not trusted).
const ID_MAX: usize = 128;

fn id_ok(field: &str, id: &str) -> Result<(), AppError> {
    if id.trim().is_empty() || id.len() > ID_MAX {
        let mut e = AppError::new(AppErrorCode::Validation, format!("{field} is not an id"));
        e.field = Some(field.into());
        return Err(e);
    }
    Ok(())
}

/// Attaches `firewall_id` to `instance_id`, keeping the VMs it protects now.
#[tauri::command]
#[specta::specta]
pub async fn attach_firewall_vm(
    state: State<'_, AppState>,
    firewall_id: String,
    instance_id: String,
) -> Result<AttachFirewallResponse, AppError> {
    guarded(async move {
        id_ok("firewallId", &firewall_id)?;
        id_ok("instanceId", &instance_id)?;
        firewalls::attach_vm(&state, &firewall_id, &instance_id).await
    })
    .await
}
