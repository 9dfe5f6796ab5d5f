//! The deploy wizard's commands: its catalog (stock, specs, pricing, regions and balance in
//! one parallel fetch), the quote of one configuration, the equivalent command, the draft
//! and templates, and generating an SSH key whose private half goes to a file the user
//! picks and never to the webview.

use crate::deploy_store::{self, DeployDraft, DeployTemplate};
use crate::error::{AppError, AppErrorCode};
use crate::guard::guarded;
use crate::state::AppState;
use barrack_api::deploy::{self, DeployCatalog, DeployQuote};
use barrack_api::types::*;
use barrack_api::{Nothing, Op};
use serde::{Deserialize, Serialize};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn deploy_catalog(state: State<'_, AppState>) -> Result<DeployCatalog, AppError> {
    guarded(async move { deploy_catalog_of(&state).await }).await
}

/// One round trip's worth of waiting: the five reads go out together.
pub async fn deploy_catalog_of(state: &AppState) -> Result<DeployCatalog, AppError> {
    let client = state.client().await?;
    let all = GpuStocksQuery::default();
    let (stocks, specs, pricing, regions, balance) = tokio::join!(
        client.get_gpu_stocks(&all),
        client.get_gpu_specs(),
        state.pricing(&client),
        client.list_regions(),
        client.get_balance(),
    );
    Ok(deploy::catalog(
        &stocks?, &specs?, &pricing?, &regions?, &balance?,
    ))
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QuoteRequest {
    pub gpu_model: String,
    pub tier: Option<String>,
    pub gpu_count: u32,
}

/// The price of one configuration from the pricing table, and the runway of the balance.
#[tauri::command]
#[specta::specta]
pub async fn deploy_quote(
    state: State<'_, AppState>,
    request: QuoteRequest,
) -> Result<DeployQuote, AppError> {
    guarded(async move {
        let client = state.client().await?;
        let (pricing, balance) = tokio::join!(state.pricing(&client), client.get_balance());
        let (pricing, balance) = (pricing?, balance?);
        let model = GpuModelEnum::parse(&request.gpu_model);
        let tier = request.tier.as_deref().map(TierEnum::parse);
        deploy::quote(
            &pricing,
            &model,
            tier.as_ref(),
            request.gpu_count,
            &balance.currency,
            balance.primary(),
        )
        .ok_or_else(|| {
            let mut e = AppError::new(
                AppErrorCode::Validation,
                format!("The pricing table does not offer {}.", request.gpu_model),
            );
            e.field = Some("gpu_model".into());
            e
        })
    })
    .await
}

/// The request the wizard would send, as the CLI's `--explain` prints it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeployExplain {
    /// The `barrack deploy …` line that sends the same body.
    pub command: String,
    pub method: String,
    pub url: String,
    /// Pretty JSON.
    pub body: String,
    /// Method, URL, headers (key redacted) and body: the CLI's `--explain` text.
    pub explain: String,
    /// The same as curl, with `$BARRACK_API_KEY` in place of the key.
    pub curl: String,
}

#[tauri::command]
#[specta::specta]
pub async fn explain_deploy(
    state: State<'_, AppState>,
    body: DeploymentRequest,
) -> Result<DeployExplain, AppError> {
    guarded(async move {
        let client = state.client().await?;
        let req = client.request(Op::DeployInstance, &[], None::<&Nothing>, Some(&body))?;
        Ok(DeployExplain {
            command: deploy::command_line(&body),
            method: req.method.as_str().to_owned(),
            url: req.url.to_string(),
            body: req
                .body
                .as_ref()
                .and_then(|b| serde_json::to_string_pretty(b).ok())
                .unwrap_or_default(),
            explain: req.explain(),
            curl: req.to_curl(),
        })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_deploy_draft(state: State<'_, AppState>) -> Result<Option<DeployDraft>, AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        Ok(deploy_store::load_draft(state.docs.as_ref(), &profile))
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_deploy_draft(
    state: State<'_, AppState>,
    draft: DeployDraft,
) -> Result<(), AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        deploy_store::save_draft(state.docs.as_ref(), &profile, &draft)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn discard_deploy_draft(state: State<'_, AppState>) -> Result<(), AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        deploy_store::discard_draft(state.docs.as_ref(), &profile)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_deploy_templates(
    state: State<'_, AppState>,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        Ok(deploy_store::templates(state.docs.as_ref(), &profile))
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_deploy_template(
    state: State<'_, AppState>,
    name: String,
    draft: DeployDraft,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        deploy_store::save_template(
            state.docs.as_ref(),
            &profile,
            &name,
            &draft,
            chrono::Utc::now(),
        )
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn rename_deploy_template(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        deploy_store::rename_template(state.docs.as_ref(), &profile, &from, &to)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_deploy_template(
    state: State<'_, AppState>,
    name: String,
) -> Result<Vec<DeployTemplate>, AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        deploy_store::delete_template(state.docs.as_ref(), &profile, &name)
    })
    .await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedSshKey {
    pub ssh_key: SSHKeyResponse,
    /// Where the private key was written.
    pub saved_to: String,
}

/// Asks where to save the private key first (cancelling creates nothing), then has the
/// server generate the pair and writes the private key there, owner-only. The private key
/// is never returned to the webview nor kept by the app.
#[tauri::command]
#[specta::specta]
pub async fn generate_ssh_key(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
) -> Result<GeneratedSshKey, AppError> {
    guarded(async move {
        barrack_api::validate::ssh_key_name("name", &name)
            .map_err(|e| AppError::from(barrack_api::ApiError::from(e)))?;
        let client = state.client().await?;
        // Asked first: cancelling creates nothing.
        let path = crate::dialogs::ask_save_path(app, "Save the private key", &name)
            .await
            .map_err(|mut e| {
                if e.code == AppErrorCode::Cancelled {
                    e.message = "No file was chosen, so no key was created.".into();
                }
                e
            })?;
        let created = client
            .create_ssh_key(&CreateSSHKeyRequest {
                name,
                public_key: None,
            })
            .await?;
        let Some(private_key) = created.private_key else {
            return Err(AppError::new(
                AppErrorCode::Decode,
                "The server created the key but sent no private key to save.",
            ));
        };
        if let Err(mut e) = write_private_key(&path, &private_key) {
            // A key whose private half is lost is of no use: take it back off the server.
            let removed = client.delete_ssh_key(&created.ssh_key.id).await.is_ok();
            e.message.push_str(if removed {
                " The key was removed from your account again; nothing was created."
            } else {
                " The key exists in your account without its private half: delete it on the SSH Keys page."
            });
            return Err(e);
        }
        Ok(GeneratedSshKey {
            ssh_key: created.ssh_key,
            saved_to: path.display().to_string(),
        })
    })
    .await
}

/// Writes a private key readable by its owner only (replacing a file the user chose to
/// replace in the save dialog).
pub fn write_private_key(path: &std::path::Path, pem: &str) -> Result<(), AppError> {
    use std::io::Write;
    let fail = |e: std::io::Error| {
        AppError::new(
            AppErrorCode::File,
            format!(
                "The private key could not be written to {}: {e}",
                path.display()
            ),
        )
    };
    let mut f = barrack_credentials::key_file::open_owner_only(path, true).map_err(fail)?;
    let mut text = pem.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    f.write_all(text.as_bytes()).map_err(fail)?;
    f.sync_all().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_private_key_is_written_owner_only_even_over_an_open_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("brk-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("id_test");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private_key(&path, "-----BEGIN KEY-----\nabc\n-----END KEY-----").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("-----END KEY-----\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn the_catalog_joins_stock_specs_and_pricing_of_the_sandbox() {
        let state = AppState::new(
            std::sync::Arc::new(barrack_credentials::MemoryStore::default()),
            std::sync::Arc::new(crate::state::MemorySettings::default()),
        );
        crate::session::start_sandbox(&state).await.unwrap();
        let c = deploy_catalog_of(&state).await.unwrap();
        let h100 = c
            .gpus
            .iter()
            .find(|g| g.model.as_str() == "H100-SXM5-80GB")
            .expect("the documented model is offered");
        assert!(h100.memory_gb.is_some() && h100.best_for.is_some());
        assert!(h100.tiers.iter().any(|t| t.tier == TierEnum::Advanced));
        assert!(!h100.stock.is_empty());
        // Models priced but without specs are still offered (B300 in the pricing example).
        assert!(c.gpus.iter().any(|g| g.model.as_str().starts_with("B300")));
        assert!(c.balance > 0.0);
        assert_eq!(c.regions.len(), 3);
    }
}
