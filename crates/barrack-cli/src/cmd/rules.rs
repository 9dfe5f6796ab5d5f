//! Adding and removing one security rule: a firewall's rules and a VM's own are sent the same
//! way, each to its owner's endpoints (the owner is the path parameter, e.g. `firewall_id`).

use crate::ctx::{Body, Ctx, NONE};
use crate::error::CliResult;
use barrack_api::Op;
use serde::de::DeserializeOwned;

/// Sends the rule; the new rule's id, or `None` under `--explain`.
pub async fn add<R: DeserializeOwned>(
    ctx: &Ctx,
    op: Op,
    owner: (&str, &str),
    rule: &impl Body,
    rule_id: impl FnOnce(R) -> String,
) -> CliResult<Option<String>> {
    let added: Option<R> = ctx.send(op, &[owner], NONE, Some(rule)).await?;
    Ok(added.map(rule_id))
}

/// Asks `question`, then removes the rule; `false` under `--explain`.
pub async fn remove<R: DeserializeOwned>(
    ctx: &Ctx,
    op: Op,
    owner: (&str, &str),
    rule_id: &str,
    question: &str,
) -> CliResult<bool> {
    ctx.confirm(question)?;
    let removed: Option<R> = ctx
        .send(op, &[owner, ("rule_id", rule_id)], NONE, NONE)
        .await?;
    Ok(removed.is_some())
}
