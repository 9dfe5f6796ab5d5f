//! firewalls list|show|protocols|eligible|create|delete|rules add|rules rm|attach|detach.
//!
//! The API's attach takes the complete set of VMs the firewall protects afterwards (inferred,
//! see `AttachFirewallRequest`): `attach` sends the current attachments plus the new ones
//! (unless `--replace`), `detach` sends the current ones minus the given.

use super::listing::every_page;
use super::rules;
use crate::args;
use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::{fields, opt, table, time};
use crate::wait::{self, Poll};
use barrack_api::types::*;
use barrack_api::Op;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum FirewallsCmd {
    /// All firewalls (every page).
    List {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
    /// One firewall with its rules and attachments.
    Show { id: String },
    /// Protocols a rule can use, and whether they take ports.
    Protocols,
    /// VMs a firewall can be attached to now, and why not for the others.
    Eligible {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
    /// Create a firewall in a region (it protects only VMs of that region).
    Create {
        /// Firewall name (1-50 letters, digits, spaces, -, _, .).
        #[arg(long, value_parser = args::name)]
        name: String,
        #[arg(long, value_parser = args::region)]
        region: RegionEnum,
        /// At most 255 characters.
        #[arg(long)]
        description: Option<String>,
        /// Wait until the firewall is ready (SUCCESS).
        #[arg(long)]
        wait: bool,
    },
    /// Delete a firewall (refused by the server while it is attached).
    Delete { id: String },
    /// Add or remove a firewall's rules.
    #[command(subcommand)]
    Rules(RulesCmd),
    /// Attach a firewall to VMs (keeps the VMs it already protects unless --replace).
    Attach {
        id: String,
        /// A VM to protect (repeatable).
        #[arg(long = "instance", required = true)]
        instances: Vec<String>,
        /// Protect exactly these VMs: the firewall is detached from any other.
        #[arg(long)]
        replace: bool,
    },
    /// Detach a firewall from VMs: their protection is removed at once.
    Detach {
        id: String,
        /// A VM to detach (repeatable).
        #[arg(long = "instance", required = true)]
        instances: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum RulesCmd {
    /// Add a rule, e.g. `--rule ingress,tcp,IPv4,0.0.0.0/0,22`.
    Add {
        id: String,
        /// DIRECTION,PROTOCOL,IPVERSION,CIDR[,PORT[-PORT]]
        #[arg(long, value_parser = args::rule)]
        rule: AddFirewallRuleRequest,
    },
    /// Remove a rule by its id.
    Rm { id: String, rule_id: String },
}

fn ports(min: Option<u16>, max: Option<u16>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        (Some(a), None) | (None, Some(a)) => a.to_string(),
        _ => "-".into(),
    }
}

fn rules_table(rules: &[FirewallRule]) -> String {
    let rows = rules.iter().map(|r| {
        vec![
            r.id.clone(),
            r.direction.to_string(),
            r.protocol.to_string(),
            r.ethertype.to_string(),
            r.remote_ip_prefix.clone(),
            ports(r.port_range_min, r.port_range_max),
        ]
    });
    table(
        &["RULE", "DIRECTION", "PROTOCOL", "IP", "REMOTE", "PORTS"],
        rows,
    )
}

fn attachments_table(attachments: &[FirewallAttachment]) -> String {
    let rows = attachments.iter().map(|a| {
        vec![
            a.instance_id.clone(),
            a.instance_name.clone(),
            a.instance_status.to_string(),
            a.status.to_string(),
            time(&a.attached_at),
        ]
    });
    table(
        &["INSTANCE", "NAME", "VM STATUS", "ATTACHMENT", "SINCE"],
        rows,
    )
}

async fn get(ctx: &Ctx, id: &str) -> CliResult<FirewallResponse> {
    let r: GetFirewallDetailsResponse = ctx
        .fetch(Op::GetFirewall, &[("firewall_id", id)], NONE, NONE)
        .await?;
    Ok(r.firewall)
}

/// Waits until a firewall is ready.
async fn wait_ready(ctx: &Ctx, id: &str) -> CliResult<String> {
    let what = format!("firewall {id} → SUCCESS");
    wait::until(ctx, &what, || async {
        let fw = get(ctx, id).await?;
        Ok(match fw.status {
            FirewallStatus::Success => Poll::Done("SUCCESS".into()),
            FirewallStatus::Error => Poll::Failed("ERROR".into()),
            s => Poll::Pending(s.to_string()),
        })
    })
    .await
}

/// Sends the complete set of VMs the firewall protects afterwards.
async fn set_attachments(ctx: &Ctx, id: &str, name: &str, instance_ids: Vec<String>) -> CliResult {
    let body = AttachFirewallRequest { instance_ids };
    let Some(r): Option<AttachFirewallResponse> = ctx
        .send(
            Op::AttachFirewall,
            &[("firewall_id", id)],
            NONE,
            Some(&body),
        )
        .await?
    else {
        return Ok(());
    };
    ctx.say(format!(
        "firewall {name} now protects {} VM(s); rules apply within 10 minutes",
        r.attachments.len()
    ));
    if !r.attachments.is_empty() {
        ctx.say(attachments_table(&r.attachments));
    }
    Ok(())
}

/// The firewall `id` as the holder of rules.
fn rule_owner(id: &str) -> rules::Owner<'_> {
    rules::Owner {
        param: "firewall_id",
        id,
        label: format!("firewall {id}"),
        add: Op::AddFirewallRule,
        remove: Op::RemoveFirewallRule,
        takes_effect: "on attached VMs within 10 minutes",
        removal_warning: ": the traffic it allows is blocked",
    }
}

fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

pub async fn run(cmd: FirewallsCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        FirewallsCmd::List { region } => {
            let q = RegionPageQuery {
                region,
                page: None,
                limit: None,
            };
            let Some(fws) = every_page(ctx, Op::ListFirewalls, q, |c, q| async move {
                c.list_firewalls(&q).await
            })
            .await?
            else {
                return Ok(());
            };
            let rows = fws.iter().map(|f| {
                vec![
                    f.id.clone(),
                    f.name.clone(),
                    f.region.to_string(),
                    f.status.to_string(),
                    f.rules.len().to_string(),
                    if f.attachments.is_empty() {
                        "-".into()
                    } else {
                        f.attachments
                            .iter()
                            .map(|a| a.instance_name.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                ]
            });
            ctx.say(table(
                &["ID", "NAME", "REGION", "STATUS", "RULES", "ATTACHED TO"],
                rows,
            ));
        }
        FirewallsCmd::Show { id } => {
            let Some(r): Option<GetFirewallDetailsResponse> = ctx
                .send(Op::GetFirewall, &[("firewall_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            let f = &r.firewall;
            ctx.say(fields(&[
                ("id", f.id.clone()),
                ("name", f.name.clone()),
                ("description", opt(&f.description)),
                ("region", f.region.to_string()),
                ("status", f.status.to_string()),
                ("created", time(&f.created_at)),
            ]));
            ctx.say(format!("\nRules ({})", f.rules.len()));
            ctx.say(rules_table(&f.rules));
            ctx.say(format!("\nAttached to ({})", f.attachments.len()));
            ctx.say(attachments_table(&f.attachments));
        }
        FirewallsCmd::Protocols => {
            let Some(r): Option<GetSupportedProtocolsResponse> =
                ctx.send(Op::GetFirewallProtocols, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            let rows = r.protocols.iter().map(|p| {
                vec![
                    p.name.clone(),
                    p.value.to_string(),
                    if p.supports_ports { "yes" } else { "no" }.to_owned(),
                ]
            });
            ctx.say(table(&["PROTOCOL", "VALUE", "PORTS"], rows));
        }
        FirewallsCmd::Eligible { region } => {
            let q = RegionQuery { region };
            let Some(r): Option<FirewallEligibleInstancesResponse> = ctx
                .send(Op::ListFirewallEligibleInstances, &[], Some(&q), NONE)
                .await?
            else {
                return Ok(());
            };
            let rows = r.instances.iter().map(|v| {
                vec![
                    v.id.clone(),
                    v.name.clone(),
                    v.region.to_string(),
                    v.status.to_string(),
                    if v.eligible { "yes" } else { "no" }.to_owned(),
                    opt(&v.reason),
                ]
            });
            ctx.say(table(
                &["ID", "NAME", "REGION", "STATUS", "ELIGIBLE", "WHY NOT"],
                rows,
            ));
        }
        FirewallsCmd::Create {
            name,
            region,
            description,
            wait,
        } => {
            let body = CreateFirewallRequest {
                name,
                description,
                region,
            };
            let Some(r): Option<CreateFirewallResponse> =
                ctx.send(Op::CreateFirewall, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            let f = &r.firewall;
            ctx.say(format!(
                "firewall {} ({}) created in {} · {}",
                f.name, f.id, f.region, f.status
            ));
            if wait {
                let reached = wait_ready(ctx, &f.id).await?;
                ctx.say(format!("firewall {} is {reached}", f.name));
            }
        }
        FirewallsCmd::Delete { id } => {
            let Some((name, _)) = ctx
                .confirm_then_send::<_, DeleteFirewallResponse>(
                    Op::GetFirewall,
                    Op::DeleteFirewall,
                    ("firewall_id", &id),
                    |r: GetFirewallDetailsResponse| r.firewall.name,
                    |name| format!("Delete firewall {name} and its rules"),
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!("firewall {name} deleted"));
        }
        FirewallsCmd::Rules(RulesCmd::Add { id, rule }) => {
            let owner = rule_owner(&id);
            rules::add(ctx, &owner, &rule, |r: AddFirewallRuleResponse| r.rule.id).await?;
        }
        FirewallsCmd::Rules(RulesCmd::Rm { id, rule_id }) => {
            rules::remove::<RemoveFirewallRuleResponse>(ctx, &rule_owner(&id), &rule_id).await?;
        }
        FirewallsCmd::Attach {
            id,
            instances,
            replace,
        } => {
            let given = dedup(instances);
            if ctx.global.explain {
                if !replace {
                    eprintln!(
                        "note: when run, the firewall's current attachments are fetched first and kept: \
                         the list sent is those plus {}",
                        given.join(", ")
                    );
                }
                return set_attachments(ctx, &id, &id, given).await;
            }
            let fw = get(ctx, &id).await?;
            let current: Vec<String> = fw
                .attachments
                .iter()
                .map(|a| a.instance_id.clone())
                .collect();
            let wanted = if replace {
                let dropped: Vec<&FirewallAttachment> = fw
                    .attachments
                    .iter()
                    .filter(|a| !given.contains(&a.instance_id))
                    .collect();
                if !dropped.is_empty() {
                    let names: Vec<String> = dropped
                        .iter()
                        .map(|a| format!("{} ({})", a.instance_name, a.instance_id))
                        .collect();
                    ctx.confirm(&format!(
                        "Detach firewall {} from {}: protection is removed at once",
                        fw.name,
                        names.join(", ")
                    ))?;
                }
                given
            } else {
                let mut all = current.clone();
                all.extend(given.into_iter().filter(|v| !current.contains(v)));
                all
            };
            set_attachments(ctx, &id, &fw.name, wanted).await?;
        }
        FirewallsCmd::Detach { id, instances } => {
            let given = dedup(instances);
            if ctx.global.explain {
                eprintln!(
                    "note: when run, the firewall's current attachments are fetched first: \
                     the list sent is those minus {}",
                    given.join(", ")
                );
                return set_attachments(ctx, &id, &id, Vec::new()).await;
            }
            let fw = get(ctx, &id).await?;
            let current: Vec<String> = fw
                .attachments
                .iter()
                .map(|a| a.instance_id.clone())
                .collect();
            let missing: Vec<&String> = given.iter().filter(|v| !current.contains(v)).collect();
            if !missing.is_empty() {
                return Err(CliError::Usage(format!(
                    "firewall {} is not attached to {}; it protects {}",
                    fw.name,
                    missing
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    if current.is_empty() {
                        "no VM".to_owned()
                    } else {
                        current.join(", ")
                    }
                )));
            }
            let names: Vec<String> = fw
                .attachments
                .iter()
                .filter(|a| given.contains(&a.instance_id))
                .map(|a| format!("{} ({})", a.instance_name, a.instance_id))
                .collect();
            ctx.confirm(&format!(
                "Detach firewall {} from {}: protection is removed at once",
                fw.name,
                names.join(", ")
            ))?;
            let rest: Vec<String> = current.into_iter().filter(|v| !given.contains(v)).collect();
            set_attachments(ctx, &id, &fw.name, rest).await?;
        }
    }
    Ok(())
}
