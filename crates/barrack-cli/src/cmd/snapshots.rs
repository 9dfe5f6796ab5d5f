//! snapshots list|show|create|delete|restore|billing|eligible. Snapshots are taken of ACTIVE
//! VMs only (the VM keeps running), stay in the VM's region, and restore into a NEW VM of
//! that region with new IPs.

use super::listing::every_page;
use crate::args;
use crate::cmd::images::{image_rows, IMAGE_HEADERS};
use crate::cmd::instances::{vm_rows, wait_until_reachable, VM_HEADERS};
use crate::ctx::{Ctx, NONE};
use crate::error::CliResult;
use crate::output::{fields, opt, storage_billing, table, time};
use crate::wait::{self, Poll};
use barrack_api::types::*;
use barrack_api::Op;
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum SnapshotsCmd {
    /// All snapshots (every page).
    List {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
    /// One snapshot: its facts, the source VM's configuration and the images made from it.
    Show { id: String },
    /// Snapshot an ACTIVE VM (it keeps running). Billed by the snapshot's stored size.
    Create {
        /// The VM to snapshot (must be ACTIVE).
        #[arg(long = "instance")]
        instance: String,
        /// Snapshot name (1-50 letters, digits, spaces, -, _, .; unique in the account).
        #[arg(long, value_parser = args::name)]
        name: String,
        /// At most 255 characters.
        #[arg(long, value_parser = args::description)]
        description: Option<String>,
        /// Create as an image: the snapshot can then boot new VMs.
        #[arg(long)]
        as_image: bool,
        /// Wait until the snapshot is SUCCESS.
        #[arg(long)]
        wait: bool,
    },
    /// Delete a snapshot. VMs and images made from it are not affected.
    Delete { id: String },
    /// Restore a SUCCESS snapshot into a NEW VM, in the snapshot's region, with new IPs.
    Restore {
        id: String,
        /// The new VM's name (default: the server's `{snapshot}-restored`).
        #[arg(long, value_parser = args::name)]
        name: Option<String>,
        /// Wait until the new VM is ACTIVE.
        #[arg(long)]
        wait: bool,
    },
    /// Billing records of snapshots (all, or one snapshot's).
    Billing(StorageBillingArgs),
    /// ACTIVE VMs that can be snapshotted.
    Eligible {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
}

/// Filters of the snapshot and volume billing records.
#[derive(Args)]
pub struct StorageBillingArgs {
    /// Only this resource's records.
    pub id: Option<String>,
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// From this date (YYYY-MM-DD).
    #[arg(long, value_parser = args::date)]
    pub from: Option<String>,
    /// Up to this date (YYYY-MM-DD).
    #[arg(long, value_parser = args::date)]
    pub to: Option<String>,
}

impl StorageBillingArgs {
    pub fn query(self) -> BillingQuery {
        BillingQuery {
            page: self.page,
            limit: self.limit,
            resource_id: self.id,
            start_date: self.from,
            end_date: self.to,
        }
    }
}

const SNAPSHOT_HEADERS: &[&str] = &[
    "ID",
    "NAME",
    "STATUS",
    "TYPE",
    "SIZE",
    "REGION",
    "SOURCE VM",
    "CREATED",
];

fn kind(s: &Snapshot) -> &'static str {
    if s.is_image {
        "image"
    } else {
        "snapshot"
    }
}

fn snapshot_rows(snaps: &[Snapshot]) -> Vec<Vec<String>> {
    snaps
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.name.clone(),
                s.status.to_string(),
                kind(s).to_owned(),
                format!("{} GB", s.size_gb),
                s.region.to_string(),
                s.instance_name
                    .clone()
                    .unwrap_or_else(|| s.instance_id.clone()),
                time(&s.created_at),
            ]
        })
        .collect()
}

fn vm_config(c: &Option<SnapshotVmConfig>) -> String {
    let Some(c) = c else { return "-".into() };
    let num = |n: Option<u64>, unit: &str| {
        n.map(|n| format!("{n} {unit}"))
            .unwrap_or_else(|| format!("? {unit}"))
    };
    format!(
        "{} x{} · {} · {} RAM · {} disk",
        c.gpu_model
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_else(|| "?".into()),
        c.gpu_count.unwrap_or(0),
        num(c.vcpus.map(u64::from), "vCPU"),
        num(c.ram_gb.map(u64::from), "GB"),
        num(c.disk_gb, "GB"),
    )
}

/// Waits until a snapshot is SUCCESS.
pub async fn wait_snapshot(ctx: &Ctx, id: &str) -> CliResult<String> {
    let what = format!("snapshot {id} → SUCCESS");
    wait::until(ctx, &what, || async {
        let d: SnapshotDetailsResponse = ctx
            .fetch(Op::GetSnapshot, &[("snapshot_id", id)], NONE, NONE)
            .await?;
        Ok(match d.snapshot.status {
            SnapshotStatus::Success => Poll::Done("SUCCESS".into()),
            SnapshotStatus::Error => Poll::Failed("ERROR".into()),
            s => Poll::Pending(s.to_string()),
        })
    })
    .await
}

async fn show(ctx: &Ctx, id: &str) -> CliResult {
    let Some(r): Option<SnapshotDetailsResponse> = ctx
        .send(Op::GetSnapshot, &[("snapshot_id", id)], NONE, NONE)
        .await?
    else {
        return Ok(());
    };
    if ctx.json() {
        return Ok(());
    }
    let s = &r.snapshot;
    let images: SnapshotImageRelationshipResponse = ctx
        .fetch(Op::GetSnapshotImages, &[("snapshot_id", id)], NONE, NONE)
        .await?;
    let source = match &s.instance_name {
        Some(n) => format!("{n} ({})", s.instance_id),
        None => s.instance_id.clone(),
    };
    ctx.say(fields(&[
        ("id", s.id.clone()),
        ("name", s.name.clone()),
        ("status", s.status.to_string()),
        (
            "type",
            if s.is_image {
                "image (can boot new VMs)".into()
            } else {
                "snapshot".into()
            },
        ),
        ("region", s.region.to_string()),
        (
            "size",
            format!("{} GB (stored, after compression)", s.size_gb),
        ),
        ("source vm", source),
        ("vm config", vm_config(&s.vm_config)),
        ("description", opt(&s.description)),
        ("created", time(&s.created_at)),
        (
            "restore",
            format!(
                "into a new VM in {} with new IPs: barrack snapshots restore {}",
                s.region, s.id
            ),
        ),
    ]));
    if images.images.is_empty() {
        ctx.say("images made from it: none");
    } else {
        ctx.say("images made from it:");
        ctx.say(table(IMAGE_HEADERS, image_rows(&images.images)));
    }
    Ok(())
}

pub async fn run(cmd: SnapshotsCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        SnapshotsCmd::List { region } => {
            let q = RegionPageQuery {
                region,
                page: None,
                limit: None,
            };
            let Some(snaps) = every_page(ctx, Op::ListSnapshots, q, |c, q| async move {
                c.list_snapshots(&q).await
            })
            .await?
            else {
                return Ok(());
            };
            ctx.say(table(SNAPSHOT_HEADERS, snapshot_rows(&snaps)));
        }
        SnapshotsCmd::Show { id } => show(ctx, &id).await?,
        SnapshotsCmd::Create {
            instance,
            name,
            description,
            as_image,
            wait,
        } => {
            let body = CreateSnapshotRequest {
                instance_id: instance.clone(),
                name,
                description,
                is_image: as_image,
            };
            let Some(r): Option<CreateSnapshotResponse> =
                ctx.send(Op::CreateSnapshot, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            let s = &r.snapshot;
            let from = s.instance_name.clone().unwrap_or(instance);
            ctx.say(format!(
                "snapshot {} ({}) of {from} is being created in {}{}; the VM keeps running",
                s.name,
                s.id,
                s.region,
                if s.is_image {
                    " as an image (it can boot new VMs)"
                } else {
                    ""
                }
            ));
            if wait {
                let reached = wait_snapshot(ctx, &s.id).await?;
                let d: SnapshotDetailsResponse = ctx
                    .fetch(Op::GetSnapshot, &[("snapshot_id", &s.id)], NONE, NONE)
                    .await?;
                ctx.say(format!(
                    "{} is {reached} · {} GB stored",
                    s.name, d.snapshot.size_gb
                ));
            }
        }
        SnapshotsCmd::Delete { id } => {
            let Some((name, r)) = ctx
                .confirm_then_send::<_, DeleteSnapshotResponse>(
                    Op::GetSnapshot,
                    Op::DeleteSnapshot,
                    ("snapshot_id", &id),
                    |d: SnapshotDetailsResponse| d.snapshot.name,
                    |name| {
                        format!(
                            "Delete snapshot {name}: it can no longer be restored (VMs and images made from it are not affected)"
                        )
                    },
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "snapshot {name}: {}",
                r.message.unwrap_or_else(|| "deleted".into())
            ));
        }
        SnapshotsCmd::Restore { id, name, wait } => {
            let body = RestoreSnapshotRequest { name };
            let Some(r): Option<RestoreSnapshotResponse> = ctx
                .send(
                    Op::RestoreSnapshot,
                    &[("snapshot_id", &id)],
                    NONE,
                    Some(&body),
                )
                .await?
            else {
                return Ok(());
            };
            let (vm_name, region) = match &r.instance {
                Some(v) => (v.name.clone(), v.region.to_string()),
                None => {
                    let d: SnapshotDetailsResponse = ctx
                        .fetch(Op::GetSnapshot, &[("snapshot_id", &id)], NONE, NONE)
                        .await?;
                    (
                        body.name
                            .clone()
                            .unwrap_or_else(|| format!("{}-restored", d.snapshot.name)),
                        d.snapshot.region.to_string(),
                    )
                }
            };
            ctx.say(format!(
                "restoring {id} into a new VM {vm_name} ({}) in {region}, the snapshot's region; it gets new IPs",
                r.instance_id
            ));
            if wait {
                wait_until_reachable(ctx, &r.instance_id, &vm_name).await?;
            }
        }
        SnapshotsCmd::Billing(a) => {
            let q = a.query();
            let Some(r): Option<SnapshotBillingResponse> = ctx
                .send(Op::GetSnapshotBilling, &[], Some(&q), NONE)
                .await?
            else {
                return Ok(());
            };
            ctx.say(storage_billing("SNAPSHOT", &r));
        }
        SnapshotsCmd::Eligible { region } => {
            let q = RegionQuery { region };
            let Some(r): Option<SnapshotEligibleInstancesResponse> = ctx
                .send(Op::ListSnapshotEligibleInstances, &[], Some(&q), NONE)
                .await?
            else {
                return Ok(());
            };
            ctx.say(table(VM_HEADERS, vm_rows(&r.instances)));
            if r.instances.is_empty() {
                ctx.say("no ACTIVE VM to snapshot (only ACTIVE VMs can be snapshotted)");
            }
        }
    }
    Ok(())
}
