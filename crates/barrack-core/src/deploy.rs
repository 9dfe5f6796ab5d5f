//! The deploy wizard: its catalog (stock, specs, pricing, regions and balance in one
//! parallel fetch), the quote of one configuration, the equivalent command, the draft and
//! templates, and generating an SSH key whose private half goes to a file the user picks
//! and never to the webview.

use crate::deploy_store::{self, DeployDraft, DeployTemplate};
use crate::effects::SaveDialog;
use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;
use barrack_api::deploy::{self, DeployCatalog, DeployQuote};
use barrack_api::types::*;
use barrack_api::{Nothing, Op};
use serde::{Deserialize, Serialize};

/// One round trip's worth of waiting: the five reads go out together.
pub async fn deploy_catalog(state: &AppState) -> Result<DeployCatalog, AppError> {
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
pub async fn deploy_quote(
    state: &AppState,
    request: &QuoteRequest,
) -> Result<DeployQuote, AppError> {
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

pub async fn explain_deploy(
    state: &AppState,
    body: &DeploymentRequest,
) -> Result<DeployExplain, AppError> {
    let client = state.client().await?;
    let req = client.request(Op::DeployInstance, &[], None::<&Nothing>, Some(body))?;
    Ok(DeployExplain {
        command: deploy::command_line(body),
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
}

// --- the draft and templates, per profile ------------------------------------------------------

pub async fn get_deploy_draft(state: &AppState) -> Result<Option<DeployDraft>, AppError> {
    let profile = state.profile().await?;
    Ok(deploy_store::load_draft(state.docs.as_ref(), &profile))
}

pub async fn save_deploy_draft(state: &AppState, draft: &DeployDraft) -> Result<(), AppError> {
    let profile = state.profile().await?;
    deploy_store::save_draft(state.docs.as_ref(), &profile, draft)
}

pub async fn discard_deploy_draft(state: &AppState) -> Result<(), AppError> {
    let profile = state.profile().await?;
    deploy_store::discard_draft(state.docs.as_ref(), &profile)
}

pub async fn list_deploy_templates(state: &AppState) -> Result<Vec<DeployTemplate>, AppError> {
    let profile = state.profile().await?;
    Ok(deploy_store::templates(state.docs.as_ref(), &profile))
}

pub async fn save_deploy_template(
    state: &AppState,
    name: &str,
    draft: &DeployDraft,
) -> Result<Vec<DeployTemplate>, AppError> {
    let profile = state.profile().await?;
    deploy_store::save_template(
        state.docs.as_ref(),
        &profile,
        name,
        draft,
        chrono::Utc::now(),
    )
}

pub async fn rename_deploy_template(
    state: &AppState,
    from: &str,
    to: &str,
) -> Result<Vec<DeployTemplate>, AppError> {
    let profile = state.profile().await?;
    deploy_store::rename_template(state.docs.as_ref(), &profile, from, to)
}

pub async fn delete_deploy_template(
    state: &AppState,
    name: &str,
) -> Result<Vec<DeployTemplate>, AppError> {
    let profile = state.profile().await?;
    deploy_store::delete_template(state.docs.as_ref(), &profile, name)
}

// --- generating an SSH key ---------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedSshKey {
    pub ssh_key: SSHKeyResponse,
    /// Where the private key was written.
    pub saved_to: String,
}

/// Asks `dialog` where to save the private key first (cancelling creates nothing), then
/// has the server generate the pair and writes the private key there, owner-only. The
/// private key is never returned nor kept by the app.
pub async fn generate_ssh_key(
    state: &AppState,
    dialog: &impl SaveDialog,
    name: &str,
) -> Result<GeneratedSshKey, AppError> {
    barrack_api::validate::ssh_key_name("name", name)
        .map_err(|e| AppError::from(barrack_api::ApiError::from(e)))?;
    let client = state.client().await?;
    // Asked first: cancelling creates nothing.
    let path = dialog
        .ask_save_path("Save the private key", name)
        .await
        .map_err(|mut e| {
            if e.code == AppErrorCode::Cancelled {
                e.message = "No file was chosen, so no key was created.".into();
            }
            e
        })?;
    let created = client
        .create_ssh_key(&CreateSSHKeyRequest {
            name: name.to_owned(),
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
        let c = deploy_catalog(&state).await.unwrap();
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

    fn sandbox_state() -> AppState {
        AppState::new(
            std::sync::Arc::new(barrack_credentials::MemoryStore::default()),
            std::sync::Arc::new(crate::state::MemorySettings::default()),
        )
    }

    /// The private key goes owner-only to the file the dialog named; what is returned is
    /// the key as the server lists it, without its private half.
    #[cfg(unix)]
    #[tokio::test]
    async fn a_generated_key_is_saved_owner_only_and_returned_without_its_private_half() {
        use crate::effects::FakeSaveDialog;
        use std::os::unix::fs::PermissionsExt;
        let state = sandbox_state();
        crate::session::start_sandbox(&state).await.unwrap();
        let dir = std::env::temp_dir().join(format!("brk-core-genkey-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("id_core");
        let dialog = FakeSaveDialog::picks(&path);
        let made = generate_ssh_key(&state, &dialog, "core-made")
            .await
            .unwrap();

        assert_eq!(made.saved_to, path.display().to_string());
        assert_eq!(dialog.asked.lock().unwrap()[0].1, "core-made");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let pem = std::fs::read_to_string(&path).unwrap();
        assert!(pem.contains("PRIVATE KEY") && pem.ends_with('\n'), "{pem}");
        let answered = serde_json::to_string(&made).unwrap();
        assert!(!answered.contains("PRIVATE KEY"), "{answered}");
        assert_eq!(made.ssh_key.name, "core-made");
        assert!(!made.ssh_key.public_key.is_empty());
        let listed = state.client().await.unwrap().list_ssh_keys().await.unwrap();
        let on_server = listed
            .ssh_keys
            .iter()
            .find(|k| k.id == made.ssh_key.id)
            .expect("the key is on the server");
        assert_eq!(on_server.public_key, made.ssh_key.public_key);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Cancelling the dialog creates no key on the server.
    #[tokio::test]
    async fn a_cancelled_dialog_creates_no_key() {
        use crate::effects::FakeSaveDialog;
        let state = sandbox_state();
        crate::session::start_sandbox(&state).await.unwrap();
        let client = state.client().await.unwrap();
        let before = client.list_ssh_keys().await.unwrap().ssh_keys;
        let err = generate_ssh_key(&state, &FakeSaveDialog::cancelled(), "core-never")
            .await
            .unwrap_err();
        assert_eq!(err.code, AppErrorCode::Cancelled);
        assert_eq!(err.message, "No file was chosen, so no key was created.");
        let after = client.list_ssh_keys().await.unwrap().ssh_keys;
        assert_eq!(after, before);
        assert!(after.iter().all(|k| k.name != "core-never"));
    }
}
