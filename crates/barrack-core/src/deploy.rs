//! The deploy wizard: its catalog (stock, specs, pricing, regions and balance in one
//! parallel fetch), the quote of one configuration, the equivalent command, the draft and
//! templates, and generating an SSH key whose private half goes to a file the user picks
//! and never to the webview.

use crate::deploy_store::{self, DeployDraft, DeployTemplate};
use crate::effects::SaveDialog;
use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;
use barrack_api::deploy::{self, DeployCatalog, DeployQuote};
use barrack_api::forms::ssh_key::{self, SshKeyForm};
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
    /// Lines that make the file readable by its owner only, the path quoted for the shell
    /// that reads them (a folder may be named `$(calc)`): shown as text, never built in
    /// the webview.
    pub permission_hints: KeyPermissionHints,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyPermissionHints {
    /// `chmod 600 <path>` for sh, bash and zsh (Linux, macOS).
    pub posix: String,
    /// `icacls <path> …` for PowerShell (Windows).
    pub power_shell: String,
}

impl KeyPermissionHints {
    pub fn for_path(path: &str) -> Self {
        use crate::launch::quote::{quote, Shell};
        KeyPermissionHints {
            posix: format!("chmod 600 {}", quote(Shell::Posix, path)),
            power_shell: format!(
                "icacls {} /inheritance:r /grant:r \"$($env:USERNAME):(R,W)\"",
                quote(Shell::PowerShell, path)
            ),
        }
    }
}

/// Checks the name against the account's keys (its rule, no clash, room for one more: the
/// webview's own check is not trusted), then asks `dialog` where to save the private key
/// (cancelling creates nothing), then has the server generate the pair and writes the
/// private key there, owner-only. The private key is never returned nor kept by the app.
pub async fn generate_ssh_key(
    state: &AppState,
    dialog: &impl SaveDialog,
    name: &str,
) -> Result<GeneratedSshKey, AppError> {
    let client = state.client().await?;
    let taken = client
        .list_ssh_keys()
        .await?
        .ssh_keys
        .into_iter()
        .map(|k| k.name)
        .collect();
    let form = SshKeyForm {
        name: name.to_owned(),
        public_key: None,
        taken,
    };
    // The same field errors the form shows (`name`, `taken`), before any dialog opens.
    if let Some(e) = ssh_key::check(&form).errors.into_iter().next() {
        return Err(AppError::from(barrack_api::ApiError::from(e)));
    }
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
    let saved_to = path.display().to_string();
    Ok(GeneratedSshKey {
        ssh_key: created.ssh_key,
        permission_hints: KeyPermissionHints::for_path(&saved_to),
        saved_to,
    })
}

/// Writes a private key readable by its owner only, replacing a file the user chose to
/// replace in the save dialog without ever opening it (see [`barrack_credentials::key_file`]).
pub fn write_private_key(path: &std::path::Path, pem: &str) -> Result<(), AppError> {
    let mut text = pem.to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    barrack_credentials::key_file::write_replacing(path, text.as_bytes()).map_err(|e| {
        AppError::new(
            AppErrorCode::File,
            format!(
                "The private key could not be written to {}: {e}",
                path.display()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file the user chose to replace is never opened: someone holding the old,
    /// world-readable file open keeps reading the old bytes, not the key.
    #[cfg(unix)]
    #[test]
    fn a_private_key_is_written_owner_only_even_over_an_open_file() {
        use std::io::Read;
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("brk-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("id_test");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut held = std::fs::File::open(&path).unwrap();
        write_private_key(&path, "-----BEGIN KEY-----\nabc\n-----END KEY-----").unwrap();
        let mut seen = String::new();
        held.read_to_string(&mut seen).unwrap();
        assert_eq!(seen, "old");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("-----END KEY-----\n"));
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temp file left"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The permission lines quote the path for the shell that reads them: nothing in a
    /// folder's name runs when a line is pasted.
    #[test]
    fn the_permission_hints_quote_the_path_for_each_shell() {
        let h = KeyPermissionHints::for_path(r"C:\Users\me\keys $(calc) `x` it's\id");
        assert_eq!(
            h.power_shell,
            r#"icacls 'C:\Users\me\keys $(calc) `x` it''s\id' /inheritance:r /grant:r "$($env:USERNAME):(R,W)""#
        );
        let h = KeyPermissionHints::for_path("/home/me/keys $(calc)/it's");
        assert_eq!(h.posix, r"chmod 600 '/home/me/keys $(calc)/it'\''s'");
        let plain = KeyPermissionHints::for_path("/home/me/.ssh/id_rsa");
        assert_eq!(plain.posix, "chmod 600 /home/me/.ssh/id_rsa");
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
        assert_eq!(
            made.permission_hints,
            KeyPermissionHints::for_path(&made.saved_to)
        );
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

    /// A name the account already has (whatever the case) is refused at its field before
    /// the dialog opens: the webview's own check is not trusted.
    #[tokio::test]
    async fn a_taken_name_is_refused_before_the_dialog_opens() {
        use crate::effects::FakeSaveDialog;
        let state = sandbox_state();
        crate::session::start_sandbox(&state).await.unwrap();
        let dialog = FakeSaveDialog::picks(std::env::temp_dir().join("brk-never-written"));
        let err = generate_ssh_key(&state, &dialog, "ALICE-laptop")
            .await
            .unwrap_err();
        assert_eq!(err.code, AppErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some("name"));
        assert!(
            dialog.asked.lock().unwrap().is_empty(),
            "no dialog was opened"
        );
    }

    /// With 25 keys (every region's limit) the 26th is refused at `taken`, the form's
    /// field, before the dialog opens.
    #[tokio::test]
    async fn the_twenty_sixth_key_is_refused_before_the_dialog_opens() {
        use crate::effects::FakeSaveDialog;
        use barrack_api::validate::{ssh_key_room, SSH_KEYS_PER_REGION};
        let state = sandbox_state();
        crate::session::start_sandbox(&state).await.unwrap();
        let client = state.client().await.unwrap();
        let have = client.list_ssh_keys().await.unwrap().ssh_keys.len();
        for n in have..SSH_KEYS_PER_REGION {
            client
                .create_ssh_key(&CreateSSHKeyRequest {
                    name: format!("filler-{n}"),
                    public_key: None,
                })
                .await
                .unwrap();
        }
        let dialog = FakeSaveDialog::picks(std::env::temp_dir().join("brk-never-written"));
        let err = generate_ssh_key(&state, &dialog, "one-more")
            .await
            .unwrap_err();
        assert_eq!(err.code, AppErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some("taken"));
        let expected = ssh_key_room("taken", SSH_KEYS_PER_REGION)
            .unwrap_err()
            .message;
        assert!(err.message.contains(&expected), "{}", err.message);
        assert!(
            dialog.asked.lock().unwrap().is_empty(),
            "no dialog was opened"
        );
    }
}
