//! Adding and removing one security rule: a firewall's rules and a VM's own are sent the same
//! way, each to its owner's endpoints (the owner is the path parameter, e.g. `firewall_id`),
//! and told the same way, in the owner's words.

use crate::ctx::{Body, Ctx, NONE};
use crate::error::CliResult;
use barrack_api::Op;
use serde::de::DeserializeOwned;

/// What holds the rules, and how its commands speak of it.
pub struct Owner<'a> {
    /// The path parameter naming the owner, e.g. `firewall_id`.
    pub param: &'static str,
    pub id: &'a str,
    /// How messages name the owner, e.g. `firewall fw-1`.
    pub label: String,
    pub add: Op,
    pub remove: Op,
    /// When a new rule applies, e.g. `within 10 minutes`.
    pub takes_effect: &'static str,
    /// Added to the removal's question (empty, or `: …` saying what the removal does).
    pub removal_warning: &'static str,
}

/// Sends the rule and says its id (nothing under `--explain`).
pub async fn add<R: DeserializeOwned>(
    ctx: &Ctx,
    owner: &Owner<'_>,
    rule: &impl Body,
    rule_id: impl FnOnce(R) -> String,
) -> CliResult {
    let added: Option<R> = ctx
        .send(owner.add, &[(owner.param, owner.id)], NONE, Some(rule))
        .await?;
    if let Some(rule_id) = added.map(rule_id) {
        ctx.say(format!(
            "rule {rule_id} added to {}; it takes effect {}",
            owner.label, owner.takes_effect
        ));
    }
    Ok(())
}

/// Asks, then removes the rule and says so (nothing under `--explain`).
pub async fn remove<R: DeserializeOwned>(ctx: &Ctx, owner: &Owner<'_>, rule_id: &str) -> CliResult {
    ctx.confirm(&format!(
        "Remove rule {rule_id} from {}{}",
        owner.label, owner.removal_warning
    ))?;
    let removed: Option<R> = ctx
        .send(
            owner.remove,
            &[(owner.param, owner.id), ("rule_id", rule_id)],
            NONE,
            NONE,
        )
        .await?;
    if removed.is_some() {
        ctx.say(format!("rule {rule_id} removed from {}", owner.label));
    }
    Ok(())
}
