//! instances list|show|start|stop|reboot|hibernate|restore|delete|public-ip|rules|billing|
//! firewalls|eligible-for-snapshot|hibernated-count.

use super::listing::every_page;
use super::rules;
use crate::args;
use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::{fields, opt, table, time};
use crate::wait::{self, Poll};
use barrack_api::state::{self, VmAction};
use barrack_api::types::*;
use barrack_api::{ErrorCode, Op};
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum InstancesCmd {
    /// All VMs (every page).
    List {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
        /// Only VMs in this state (e.g. ACTIVE, SHUTOFF, HIBERNATED).
        #[arg(long)]
        status: Option<String>,
    },
    /// One VM in detail.
    Show { id: String },
    /// Start a stopped (SHUTOFF) VM.
    Start(ActionArgs),
    /// Stop an ACTIVE VM. A stopped VM keeps billing the full rate.
    Stop(ActionArgs),
    /// Reboot an ACTIVE VM.
    Reboot(ActionArgs),
    /// Hibernate an ACTIVE VM: hardware is released, only the reduced rate bills.
    Hibernate(ActionArgs),
    /// Restore a HIBERNATED VM.
    Restore(ActionArgs),
    /// Delete a VM: billing ends and local data is lost.
    Delete(ActionArgs),
    /// Turn the public IP on or off.
    PublicIp {
        id: String,
        #[arg(long, conflicts_with = "disable", required_unless_present = "disable")]
        enable: bool,
        #[arg(long)]
        disable: bool,
    },
    /// Per-instance security rules.
    #[command(subcommand)]
    Rules(RulesCmd),
    /// Billing records of instances (all, or one VM's).
    Billing(BillingArgs),
    /// Firewalls attached to a VM.
    Firewalls { id: String },
    /// ACTIVE VMs that can be snapshotted.
    EligibleForSnapshot {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
    /// How many VMs are hibernated, and what that costs per hour.
    HibernatedCount,
}

#[derive(Args)]
pub struct ActionArgs {
    pub id: String,
    /// Wait until the VM reaches the action's target state.
    #[arg(long)]
    pub wait: bool,
}

#[derive(Subcommand)]
pub enum RulesCmd {
    /// Add a rule, e.g. `--rule ingress,tcp,IPv4,0.0.0.0/0,22`.
    Add {
        id: String,
        /// DIRECTION,PROTOCOL,IPVERSION,CIDR[,PORT[-PORT]]
        #[arg(long, value_parser = args::rule)]
        rule: VMSecurityRuleRequest,
    },
    /// Remove a rule by its id.
    Rm { id: String, rule_id: String },
    /// List a VM's rules.
    List { id: String },
}

#[derive(Args)]
pub struct BillingArgs {
    /// Only this instance's records.
    pub id: Option<String>,
    #[arg(long)]
    pub page: Option<u32>,
    #[arg(long)]
    pub limit: Option<u32>,
    /// From this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
}

pub fn vm_rows(vms: &[VMInstance]) -> Vec<Vec<String>> {
    vms.iter()
        .map(|v| {
            vec![
                v.id.clone(),
                v.name.clone(),
                v.status.to_string(),
                format!("{} x{}", v.flavor.gpu_model, v.flavor.gpu_count),
                v.region.to_string(),
                opt(&v.public_ip),
            ]
        })
        .collect()
}

pub const VM_HEADERS: &[&str] = &["ID", "NAME", "STATUS", "GPU", "REGION", "PUBLIC IP"];

/// Waits until a new VM is ACTIVE, then says how to reach it.
pub async fn wait_until_reachable(ctx: &Ctx, id: &str, name: &str) -> CliResult {
    wait_vm(ctx, id, VMStatus::Active).await?;
    let d: VMDetailsResponse = ctx
        .fetch(Op::GetInstance, &[("instance_id", id)], NONE, NONE)
        .await?;
    let ip = d.instance.public_ip.clone().unwrap_or_else(|| "-".into());
    let user = d
        .instance
        .image
        .default_user
        .clone()
        .unwrap_or_else(|| "ubuntu".into());
    ctx.say(format!(
        "{name} is ACTIVE · public IP {ip} · ssh {user}@{ip}"
    ));
    Ok(())
}

/// Waits until a VM is in `target` (DELETED also when it is gone).
pub async fn wait_vm(ctx: &Ctx, id: &str, target: VMStatus) -> CliResult<String> {
    let what = format!("{id} → {target}");
    wait::until(ctx, &what, || async {
        let r: Result<VMDetailsResponse, CliError> = ctx
            .fetch(Op::GetInstance, &[("instance_id", id)], NONE, NONE)
            .await;
        match r {
            Ok(d) if d.instance.status == target => Ok(Poll::Done(target.to_string())),
            Ok(d) if d.instance.status == VMStatus::Error => Ok(Poll::Failed("ERROR".into())),
            Ok(d) => Ok(Poll::Pending(d.instance.status.to_string())),
            Err(CliError::Api(e))
                if e.code == ErrorCode::NotFound && target == VMStatus::Deleted =>
            {
                Ok(Poll::Done("DELETED".into()))
            }
            Err(e) => Err(e),
        }
    })
    .await
}

async fn action(ctx: &Ctx, a: ActionArgs, op: Op, act: VmAction) -> CliResult {
    let vm = if ctx.global.explain {
        None
    } else {
        let d: VMDetailsResponse = ctx
            .fetch(Op::GetInstance, &[("instance_id", &a.id)], NONE, NONE)
            .await?;
        // Refuse early, with the reason, when the state does not allow it.
        state::check(act, &d.instance.status).map_err(|why| {
            CliError::Usage(format!("cannot {} {}: {why}", act.label(), d.instance.name))
        })?;
        Some(d.instance)
    };
    let name = vm
        .as_ref()
        .map(|v| v.name.clone())
        .unwrap_or_else(|| a.id.clone());
    match act {
        VmAction::Delete => ctx.confirm(&format!(
            "Delete VM {name} ({}): billing ends and its local data is lost",
            a.id
        ))?,
        VmAction::Stop => ctx.confirm(&format!(
            "Stop VM {name}: a stopped VM keeps billing the full rate"
        ))?,
        VmAction::Hibernate => ctx.confirm(&format!(
            "Hibernate VM {name}: its GPUs are released; it bills the reduced rate until restored"
        ))?,
        _ => {}
    }
    let Some(r): Option<InstanceActionResponse> =
        ctx.send(op, &[("instance_id", &a.id)], NONE, NONE).await?
    else {
        return Ok(());
    };
    ctx.say(format!(
        "{name}: {}",
        r.message
            .clone()
            .unwrap_or_else(|| format!("{} requested", act.label()))
    ));
    if a.wait {
        let target = act
            .transition()
            .map(|(_, to)| to)
            .unwrap_or(VMStatus::Active);
        let reached = wait_vm(ctx, &a.id, target).await?;
        ctx.say(format!("{name} is {reached}"));
    }
    Ok(())
}

/// The VM `id` as the holder of its own rules.
fn rule_owner(id: &str) -> rules::Owner<'_> {
    rules::Owner {
        param: "instance_id",
        id,
        label: id.to_owned(),
        add: Op::AddInstanceSecurityRule,
        remove: Op::RemoveInstanceSecurityRule,
        takes_effect: "within 10 minutes",
        removal_warning: "",
    }
}

pub async fn run(cmd: InstancesCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        InstancesCmd::List { region, status } => {
            let q = InstanceListQuery {
                region,
                status: status.as_deref().map(VMStatus::parse),
                page: None,
                limit: None,
            };
            let Some(vms) = every_page(ctx, Op::ListInstances, q, |c, q| async move {
                c.list_instances(&q).await
            })
            .await?
            else {
                return Ok(());
            };
            ctx.say(table(VM_HEADERS, vm_rows(&vms)));
        }
        InstancesCmd::Show { id } => {
            let Some(r): Option<VMDetailsResponse> = ctx
                .send(Op::GetInstance, &[("instance_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            let v = &r.instance;
            let user = v
                .image
                .default_user
                .clone()
                .unwrap_or_else(|| "ubuntu".into());
            let allowed: Vec<&str> = state::allowed_actions(&v.status)
                .iter()
                .map(|a| a.label())
                .collect();
            ctx.say(fields(&[
                ("id", v.id.clone()),
                ("name", v.name.clone()),
                ("status", v.status.to_string()),
                ("region", v.region.to_string()),
                (
                    "gpu",
                    format!(
                        "{} x{} ({})",
                        v.flavor.gpu_model,
                        v.flavor.gpu_count,
                        v.tier.as_ref().map(ToString::to_string).unwrap_or_default()
                    ),
                ),
                (
                    "cpu / ram / disk",
                    format!(
                        "{} vCPU / {} GB / {} GB",
                        v.flavor.cpu_cores, v.flavor.ram_gb, v.flavor.storage_gb
                    ),
                ),
                ("image", format!("{} ({})", v.image.name, v.image.kind)),
                ("private ip", opt(&v.private_ip)),
                ("public ip", opt(&v.public_ip)),
                (
                    "ssh",
                    v.public_ip
                        .as_ref()
                        .map(|ip| format!("ssh {user}@{ip}"))
                        .unwrap_or_else(|| "-".into()),
                ),
                (
                    "volumes",
                    v.volumes
                        .iter()
                        .map(|a| format!("{} ({} GB)", a.volume_name, a.size_gb))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("firewalls", v.firewall_ids.join(", ")),
                ("created", time(&v.created_at)),
                ("actions now", allowed.join(", ")),
            ]));
        }
        InstancesCmd::Start(a) => action(ctx, a, Op::StartInstance, VmAction::Start).await?,
        InstancesCmd::Stop(a) => action(ctx, a, Op::StopInstance, VmAction::Stop).await?,
        InstancesCmd::Reboot(a) => action(ctx, a, Op::RebootInstance, VmAction::Reboot).await?,
        InstancesCmd::Hibernate(a) => {
            action(ctx, a, Op::HibernateInstance, VmAction::Hibernate).await?
        }
        InstancesCmd::Restore(a) => action(ctx, a, Op::RestoreInstance, VmAction::Restore).await?,
        InstancesCmd::Delete(a) => action(ctx, a, Op::DeleteInstance, VmAction::Delete).await?,
        InstancesCmd::PublicIp {
            id,
            enable,
            disable: _,
        } => {
            if !enable {
                ctx.confirm(&format!("Turn off the public IP of {id}: SSH and services on it become unreachable from the internet"))?;
            }
            let body = TogglePublicIpRequest { enabled: enable };
            let Some(r): Option<ToggleVMPublicIPResponse> = ctx
                .send(
                    Op::ToggleInstancePublicIp,
                    &[("instance_id", &id)],
                    NONE,
                    Some(&body),
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "{id}: public IP {} {}",
                if r.public_ip_enabled { "on" } else { "off" },
                opt(&r.public_ip)
            ));
        }
        InstancesCmd::Rules(RulesCmd::Add { id, rule }) => {
            let owner = rule_owner(&id);
            rules::add(ctx, &owner, &rule, |r: AddVMSecurityRuleResponse| r.rule.id).await?;
        }
        InstancesCmd::Rules(RulesCmd::Rm { id, rule_id }) => {
            rules::remove::<RemoveVMSecurityRuleResponse>(ctx, &rule_owner(&id), &rule_id).await?;
        }
        InstancesCmd::Rules(RulesCmd::List { id }) => {
            let Some(r): Option<VMDetailsResponse> = ctx
                .send(Op::GetInstance, &[("instance_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            let rows = r.instance.security_rules.iter().map(|s| {
                let ports = match (s.port_range_min, s.port_range_max) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a}-{b}"),
                    _ => "-".into(),
                };
                vec![
                    s.id.clone(),
                    s.direction.to_string(),
                    s.protocol.to_string(),
                    s.ethertype.to_string(),
                    s.remote_ip_prefix.clone(),
                    ports,
                ]
            });
            ctx.say(table(
                &["ID", "DIRECTION", "PROTOCOL", "IP", "REMOTE", "PORTS"],
                rows,
            ));
        }
        InstancesCmd::Billing(a) => {
            let q = BillingQuery {
                page: a.page,
                limit: a.limit,
                resource_id: a.id,
                start_date: a.from,
                end_date: a.to,
            };
            let Some(r): Option<InstanceBillingResponse> = ctx
                .send(Op::GetInstanceBilling, &[], Some(&q), NONE)
                .await?
            else {
                return Ok(());
            };
            let cur = r
                .currency
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let rows = r.records.iter().map(|b| {
                vec![
                    b.vm_name.clone(),
                    format!("{} x{}", b.gpu_type, b.gpu_count),
                    b.status.to_string(),
                    time(&b.start_time),
                    time(&b.end_time),
                    format!("{}", b.total_duration_minutes),
                    format!("{:.4}", b.per_minute_rate),
                    format!("{:.2}", b.total_cost),
                ]
            });
            ctx.say(table(
                &[
                    "VM", "GPU", "STATUS", "START", "END", "MINUTES", "PER MIN", "COST",
                ],
                rows,
            ));
            ctx.say(format!(
                "page {}/{} of {} records · total {:.2} {cur} over {} minutes · active {} completed {} hibernated {}",
                r.page, r.total_pages, r.total, r.summary.total_cost, r.summary.total_minutes, r.summary.active_count, r.summary.completed_count, r.summary.hibernated_count
            ));
        }
        InstancesCmd::Firewalls { id } => {
            let Some(r): Option<GetVMAttachedFirewallsResponse> = ctx
                .send(
                    Op::GetInstanceFirewalls,
                    &[("instance_id", &id)],
                    NONE,
                    NONE,
                )
                .await?
            else {
                return Ok(());
            };
            let rows = r.firewalls.iter().map(|f| {
                vec![
                    f.firewall_id.clone(),
                    f.name.clone(),
                    f.status.to_string(),
                    f.attachment_status.to_string(),
                    f.rules_count.to_string(),
                ]
            });
            ctx.say(table(
                &["ID", "NAME", "STATUS", "ATTACHMENT", "RULES"],
                rows,
            ));
        }
        InstancesCmd::EligibleForSnapshot { region } => {
            let q = RegionQuery { region };
            let Some(r): Option<SnapshotEligibleInstancesResponse> = ctx
                .send(Op::ListSnapshotEligibleInstances, &[], Some(&q), NONE)
                .await?
            else {
                return Ok(());
            };
            ctx.say(table(VM_HEADERS, vm_rows(&r.instances)));
        }
        InstancesCmd::HibernatedCount => {
            let Some(r): Option<GetHibernatedVMsResponse> = ctx
                .send(Op::GetHibernatedInstancesCount, &[], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            let rows = r.instances.iter().map(|h| {
                vec![
                    h.instance_id.clone(),
                    h.name.clone(),
                    h.region.to_string(),
                    format!("{} x{}", h.gpu_model, h.gpu_count),
                    time(&h.hibernated_at),
                ]
            });
            ctx.say(table(&["ID", "NAME", "REGION", "GPU", "HIBERNATED"], rows));
            ctx.say(format!(
                "{} hibernated · {:.2} {} per hour in all",
                r.count, r.billing.total_hourly_cost, r.billing.currency
            ));
        }
    }
    Ok(())
}
