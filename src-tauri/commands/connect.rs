//! How to reach a VM (SSH-30, VM-10): the SSH commands and the `~/.ssh/config` block, built
//! in Rust (barrack-core's `launch`) from the VM's name, login user and public address, so a
//! name or address the server sends can never add a line to a config file the user pastes.

use crate::error::AppError;
use crate::guard::guarded;
use barrack_core::error::AppErrorCode;
use barrack_core::launch::{self, ConnectionHelp};
use serde::Deserialize;

/// What the help is built from, as the VM's page has it.
#[derive(Debug, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionFacts {
    pub name: String,
    /// The image's login user; `ubuntu` when absent or blank.
    #[serde(default)]
    pub default_user: Option<String>,
    pub public_ip: String,
}

/// Longer than any name, user or address: refused unread (the webview is not trusted).
const FACT_MAX: usize = 1024;

/// The connection help of one VM, or why there is none (`Validation`).
#[tauri::command]
#[specta::specta]
pub async fn connection_help(vm: ConnectionFacts) -> Result<ConnectionHelp, AppError> {
    guarded(async move {
        let too_long = [&vm.name, &vm.public_ip]
            .into_iter()
            .chain(vm.default_user.as_ref())
            .any(|s| s.len() > FACT_MAX);
        if too_long {
            return Err(AppError::new(AppErrorCode::Validation, "too long"));
        }
        launch::connection_help(&vm.name, vm.default_user.as_deref(), &vm.public_ip)
            .map_err(|e| AppError::new(AppErrorCode::Validation, e.to_string()))
    })
    .await
}
