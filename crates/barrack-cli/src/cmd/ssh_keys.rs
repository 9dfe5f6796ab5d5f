//! ssh-keys list|show|create|delete. Keys are global: the server copies them to every region.
//! A generated key's private half is in the create answer only: it is written to `--output`
//! (mode 0600) and printed only with `--show-private`, also under `--json`.

use crate::args;
use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::{fields, opt, table, time};
use barrack_api::types::*;
use barrack_api::{decode_value, validate, Op};
use clap::Subcommand;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum SshKeysCmd {
    /// All SSH keys, with the VMs that use them.
    List,
    /// One key in detail, with its public key.
    Show { id: String },
    /// Import a public key, or have the server generate a pair (its private key is given once).
    Create {
        /// Key name (1-50 letters, digits, -, _, . and no spaces).
        #[arg(value_parser = args::ssh_key_name)]
        name: String,
        /// Import this public key (one line: `ssh-ed25519 AAAA… comment`).
        #[arg(long, value_parser = args::ssh_public_key, conflicts_with = "public_key_file")]
        public_key: Option<String>,
        /// Import the public key in this file (e.g. ~/.ssh/id_ed25519.pub).
        #[arg(long)]
        public_key_file: Option<PathBuf>,
        /// Save a generated private key to this new file (mode 0600; never overwritten).
        #[arg(long, conflicts_with_all = ["public_key", "public_key_file"])]
        output: Option<PathBuf>,
        /// Print a generated private key (also in --json output).
        #[arg(long, conflicts_with_all = ["public_key", "public_key_file"])]
        show_private: bool,
    },
    /// Delete a key from every region (refused by the server while a VM uses it).
    Delete { id: String },
}

fn key_rows(keys: &[SSHKeyResponse]) -> Vec<Vec<String>> {
    keys.iter()
        .map(|k| {
            vec![
                k.id.clone(),
                k.name.clone(),
                opt(&k.fingerprint),
                if k.used_by.is_empty() {
                    "-".into()
                } else {
                    k.used_by.join(", ")
                },
                time(&k.created_at),
            ]
        })
        .collect()
}

const KEY_HEADERS: &[&str] = &["ID", "NAME", "FINGERPRINT", "USED BY", "CREATED"];

fn key_fields(k: &SSHKeyResponse) -> String {
    fields(&[
        ("id", k.id.clone()),
        ("name", k.name.clone()),
        ("fingerprint", opt(&k.fingerprint)),
        ("public key", k.public_key.clone()),
        (
            "used by",
            if k.used_by.is_empty() {
                "-".into()
            } else {
                k.used_by.join(", ")
            },
        ),
        ("created", time(&k.created_at)),
    ])
}

/// Opens the private key's file before anything is sent, so that the key cannot be lost
/// to a file that exists or cannot be written: created new, readable by the owner only.
fn open_private_key_file(path: &Path) -> CliResult<File> {
    barrack_credentials::key_file::create_owner_only(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::Usage(format!(
                "--output {}: the file exists; choose a new file (it is never overwritten)",
                path.display()
            ))
        } else {
            CliError::Usage(format!("--output {}: {e}", path.display()))
        }
    })
}

async fn create(
    ctx: &Ctx,
    name: String,
    public_key: Option<String>,
    public_key_file: Option<PathBuf>,
    output: Option<PathBuf>,
    show_private: bool,
) -> CliResult {
    let public_key = match (public_key, public_key_file) {
        (Some(k), _) => Some(k),
        (None, Some(p)) => {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| CliError::Usage(format!("--public-key-file {}: {e}", p.display())))?;
            let text = text.trim().to_owned();
            validate::ssh_public_key("public_key", &text)
                .map_err(|e| CliError::Usage(format!("--public-key-file {}: {e}", p.display())))?;
            Some(text)
        }
        (None, None) => None,
    };
    let generated = public_key.is_none();
    if generated && output.is_none() && !show_private && !ctx.global.explain {
        return Err(CliError::Usage(
            "the server generates the key pair and gives its private key only once: it would be lost. \
             Pass --output FILE to save it (or --show-private to print it), or import yours with --public-key-file"
                .into(),
        ));
    }
    let body = CreateSSHKeyRequest { name, public_key };
    let req = ctx.request(Op::CreateSshKey, &[], NONE, Some(&body))?;
    if ctx.global.explain {
        println!("{}", req.explain().trim_end());
        return Ok(());
    }
    // Opened before sending: refused now if it exists, and written for sure afterwards.
    let mut file = match (&output, generated) {
        (Some(p), true) => Some((open_private_key_file(p)?, p.clone())),
        _ => None,
    };
    let sent = ctx.client()?.execute_value(&req).await;
    let mut value = match sent {
        Ok(v) => v,
        Err(e) => {
            if let Some((f, p)) = file.take() {
                drop(f);
                let _ = std::fs::remove_file(&p);
            }
            return Err(e.into());
        }
    };
    let r: CreateSSHKeyResponse = decode_value(value.clone())?;
    let mut saved = None;
    if let Some((mut f, p)) = file.take() {
        match &r.private_key {
            Some(private) => {
                let mut text = private.clone();
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                f.write_all(text.as_bytes())
                    .and_then(|_| f.sync_all())
                    .map_err(|e| {
                        CliError::Io(format!(
                            "key {} was created but its private key could not be written to {}: {e}; \
                             delete the key with `barrack ssh-keys delete {}` and create it again",
                            r.ssh_key.id,
                            p.display(),
                            r.ssh_key.id
                        ))
                    })?;
                saved = Some(p);
            }
            None => {
                drop(f);
                let _ = std::fs::remove_file(&p);
            }
        }
    }
    if ctx.json() {
        if !show_private {
            if let Some(obj) = value.as_object_mut() {
                if obj.get("private_key").is_some_and(|v| !v.is_null()) {
                    obj.insert("private_key".into(), "<redacted>".into());
                }
            }
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        return Ok(());
    }
    let k = &r.ssh_key;
    ctx.say(format!(
        "SSH key {} ({}) {}",
        k.name,
        k.id,
        if generated { "generated" } else { "imported" }
    ));
    ctx.say(key_fields(k));
    if let Some(p) = &saved {
        ctx.say(format!(
            "private key saved to {} (mode 0600) · connect with: ssh -i {} ubuntu@<public ip>",
            p.display(),
            p.display()
        ));
    }
    if generated && r.private_key.is_none() {
        eprintln!("warning: the server returned no private key");
    }
    if show_private {
        if let Some(private) = &r.private_key {
            ctx.say(private.trim_end());
        }
    }
    Ok(())
}

pub async fn run(cmd: SshKeysCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        SshKeysCmd::List => {
            let Some(r): Option<GetSSHKeysResponse> =
                ctx.send(Op::ListSshKeys, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            ctx.say(table(KEY_HEADERS, key_rows(&r.ssh_keys)));
        }
        SshKeysCmd::Show { id } => {
            let Some(r): Option<GetSSHKeyResponse> = ctx
                .send(Op::GetSshKey, &[("key_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            ctx.say(key_fields(&r.ssh_key));
        }
        SshKeysCmd::Create {
            name,
            public_key,
            public_key_file,
            output,
            show_private,
        } => create(ctx, name, public_key, public_key_file, output, show_private).await?,
        SshKeysCmd::Delete { id } => {
            let Some((name, r)) = ctx
                .confirm_then_send::<_, DeleteSSHKeyResponse>(
                    Op::GetSshKey,
                    Op::DeleteSshKey,
                    ("key_id", &id),
                    |r: GetSSHKeyResponse| r.ssh_key.name,
                    |name| {
                        format!(
                            "Delete SSH key {name} from every region: VMs deployed later cannot use it"
                        )
                    },
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "SSH key {name}: {}",
                r.message.unwrap_or_else(|| "deleted".into())
            ));
        }
    }
    Ok(())
}
