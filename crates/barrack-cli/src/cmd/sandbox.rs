//! (Being written.)

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use clap::Args;

#[derive(Args)]
pub struct SandboxArgs {}

pub async fn run(_a: SandboxArgs, _ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
