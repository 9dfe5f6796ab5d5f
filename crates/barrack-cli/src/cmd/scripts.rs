//! (Being written.)

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum ScriptsCmd {
    /// List.
    List,
}

pub async fn run(_cmd: ScriptsCmd, _ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
