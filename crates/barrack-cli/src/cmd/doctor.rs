//! (Being written.)

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};

pub async fn run(_ctx: &Ctx) -> CliResult {
    Err(CliError::Usage("not available yet".into()))
}
