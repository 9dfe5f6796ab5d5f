//! (Being written.)

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum SnapshotsCmd {
    /// List.
    List,
}

pub async fn run(_cmd: SnapshotsCmd, _ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
