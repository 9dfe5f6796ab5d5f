//! `doctor`: a read-only probe of every read endpoint, to see where the API a key talks to
//! differs from this client's reading of it.
//!
//! Every row of `ENDPOINTS` with method GET is requested once, without query parameters.
//! A path with a parameter (`instances/{instance_id}/`) uses the first id of its parent
//! list (`instances/`), or is skipped when that list is empty. Nothing is ever changed:
//! only GETs are sent. Each answer is judged:
//!
//! - `ok`: it answered, the raw JSON decodes into the operation's typed response, and every
//!   top-level key of that typed value, serialized again (keys whose value is null left
//!   out), is present in the raw JSON — so nothing the client reads was filled in by a
//!   default;
//! - `shape-differs`: it answered, but does not decode, or lacks those keys (named);
//! - `failed`: the request failed (error code and message);
//! - `skipped`: there was nothing to put in the path.
//!
//! Exit 0 when every endpoint is ok or skipped, 1 otherwise. `--json` prints an array of
//! `{op, path, result, detail}`.

use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::table;
use barrack_api::probe::{probe_reads, Outcome};
use barrack_api::{Endpoint, Method, ENDPOINTS};

pub async fn run(ctx: &Ctx) -> CliResult {
    let reads: Vec<&Endpoint> = ENDPOINTS
        .iter()
        .filter(|e| e.method == Method::Get)
        .collect();
    if ctx.global.explain {
        let client = ctx.client()?;
        for ep in &reads {
            if ep.path_params().is_empty() {
                println!(
                    "{}",
                    client.request(ep.op, &[], NONE, NONE)?.explain().trim_end()
                );
            } else {
                println!(
                    "GET {}{}  (ids from the first list answer)",
                    client.base_url(),
                    ep.path
                );
            }
        }
        return Ok(());
    }
    let lines = probe_reads(ctx.client()?).await;
    let count = |o: Outcome| lines.iter().filter(|l| l.outcome == o).count();
    let (ok, differs, failed, skipped) = (
        count(Outcome::Ok),
        count(Outcome::ShapeDiffers),
        count(Outcome::Failed),
        count(Outcome::Skipped),
    );
    if ctx.json() {
        println!(
            "{}",
            serde_json::to_string_pretty(&lines).unwrap_or_default()
        );
    } else {
        let rows = lines.iter().map(|l| {
            let result = if l.detail.is_empty() || l.outcome == Outcome::Ok {
                l.outcome.label().to_owned()
            } else {
                format!("{}: {}", l.outcome.label(), l.detail)
            };
            vec![l.op.clone(), l.path.clone(), result]
        });
        println!("{}", table(&["OPERATION", "PATH", "RESULT"], rows));
        println!(
            "\n{} read endpoints at {}: {ok} ok, {differs} shape-differs, {failed} failed, {skipped} skipped",
            lines.len(),
            ctx.base_url
        );
    }
    if differs + failed > 0 {
        return Err(CliError::Failed(format!(
            "{} of {} read endpoints are not as this client reads them",
            differs + failed,
            lines.len()
        )));
    }
    Ok(())
}
