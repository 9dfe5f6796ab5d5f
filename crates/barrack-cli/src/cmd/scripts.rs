//! scripts list|show|create|update|delete|delete-many: saved startup scripts (cloud-init,
//! at most 16 KB, checked before sending).

use crate::args;
use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::{fields, opt, table, time};
use barrack_api::types::*;
use barrack_api::Op;
use clap::{ArgGroup, Args, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum ScriptsCmd {
    /// All saved scripts.
    List,
    /// One script with its content.
    Show { id: String },
    /// Save a new script from a file or from text.
    Create(CreateArgs),
    /// Change a script's name, content or description (only what is given changes).
    Update(UpdateArgs),
    /// Delete a script.
    Delete { id: String },
    /// Delete several scripts at once.
    DeleteMany {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
    },
}

#[derive(Args)]
#[command(group(ArgGroup::new("source").required(true).args(["file", "content"])))]
pub struct CreateArgs {
    /// Script name (1-50 letters, digits, spaces, -, _, .).
    #[arg(long, value_parser = args::name)]
    name: String,
    /// Read the script from this file (at most 16 KB).
    #[arg(long)]
    file: Option<PathBuf>,
    /// The script's text (at most 16 KB).
    #[arg(long)]
    content: Option<String>,
    /// At most 255 characters.
    #[arg(long)]
    description: Option<String>,
}

#[derive(Args)]
#[command(group(ArgGroup::new("source").args(["file", "content"])))]
pub struct UpdateArgs {
    id: String,
    /// New name (1-50 letters, digits, spaces, -, _, .).
    #[arg(long, value_parser = args::name)]
    name: Option<String>,
    /// New content from this file (at most 16 KB).
    #[arg(long)]
    file: Option<PathBuf>,
    /// New content (at most 16 KB).
    #[arg(long)]
    content: Option<String>,
    /// New description (at most 255 characters).
    #[arg(long)]
    description: Option<String>,
}

fn read_script(path: &Path) -> CliResult<String> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::Usage(format!("--file {}: {e}", path.display())))
}

fn content_of(file: Option<PathBuf>, content: Option<String>) -> CliResult<Option<String>> {
    match (file, content) {
        (Some(p), _) => Ok(Some(read_script(&p)?)),
        (None, c) => Ok(c),
    }
}

fn script_fields(s: &Script) -> String {
    fields(&[
        ("id", s.id.clone()),
        ("name", s.name.clone()),
        ("description", opt(&s.description)),
        ("size", format!("{} bytes", s.content.len())),
        ("created", time(&s.created_at)),
        ("updated", time(&s.updated_at)),
    ])
}

pub async fn run(cmd: ScriptsCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        ScriptsCmd::List => {
            let Some(r): Option<ScriptListResponse> =
                ctx.send(Op::ListScripts, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            let rows = r.scripts.iter().map(|s| {
                vec![
                    s.id.clone(),
                    s.name.clone(),
                    opt(&s.description),
                    s.content.len().to_string(),
                    time(&s.updated_at),
                ]
            });
            ctx.say(table(
                &["ID", "NAME", "DESCRIPTION", "BYTES", "UPDATED"],
                rows,
            ));
        }
        ScriptsCmd::Show { id } => {
            let Some(r): Option<ScriptResponse> = ctx
                .send(Op::GetScript, &[("script_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            ctx.say(script_fields(&r.script));
            ctx.say(format!("\n{}", r.script.content.trim_end()));
        }
        ScriptsCmd::Create(a) => {
            let content = content_of(a.file, a.content)?.unwrap_or_default();
            let body = CreateScriptRequest {
                name: a.name,
                content,
                description: a.description,
            };
            let Some(r): Option<ScriptResponse> =
                ctx.send(Op::CreateScript, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "script {} ({}) saved, {} bytes · deploy with --script {}",
                r.script.name,
                r.script.id,
                r.script.content.len(),
                r.script.id
            ));
        }
        ScriptsCmd::Update(a) => {
            let content = content_of(a.file, a.content)?;
            if a.name.is_none() && content.is_none() && a.description.is_none() {
                return Err(CliError::Usage(
                    "nothing to change: pass --name, --file, --content or --description".into(),
                ));
            }
            let body = UpdateScriptRequest {
                name: a.name,
                content,
                description: a.description,
            };
            let Some(r): Option<ScriptResponse> = ctx
                .send(Op::UpdateScript, &[("script_id", &a.id)], NONE, Some(&body))
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "script {} ({}) updated",
                r.script.name, r.script.id
            ));
            ctx.say(script_fields(&r.script));
        }
        ScriptsCmd::Delete { id } => {
            let Some((name, _)) = ctx
                .confirm_then_send::<_, DeleteResponse>(
                    Op::GetScript,
                    Op::DeleteScript,
                    ("script_id", &id),
                    |r: ScriptResponse| r.script.name,
                    |name| format!("Delete script {name}"),
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!("script {name} deleted"));
        }
        ScriptsCmd::DeleteMany { ids } => {
            ctx.confirm(&format!(
                "Delete {} script(s): {}",
                ids.len(),
                ids.join(", ")
            ))?;
            let body = DeleteScriptsRequest { ids };
            let Some(r): Option<DeleteScriptsResponse> =
                ctx.send(Op::DeleteScripts, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "{} script(s) deleted: {}",
                r.deleted.len(),
                if r.deleted.is_empty() {
                    "-".into()
                } else {
                    r.deleted.join(", ")
                }
            ));
            if !r.not_found.is_empty() {
                ctx.say(format!("not found: {}", r.not_found.join(", ")));
            }
        }
    }
    Ok(())
}
