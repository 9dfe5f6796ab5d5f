//! (Being written.)

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use clap::Args;

#[derive(Args)]
pub struct LoginArgs {}

pub async fn login(_a: LoginArgs, _ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
pub async fn logout(_ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
pub async fn whoami(_ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
