//! volumes list|show|create|delete|resize|clone|attach|detach|types|billing. Volumes are
//! bound to their region: they attach to ACTIVE VMs of the same region, and clones stay there.

use crate::args;
use crate::cmd::snapshots::StorageBillingArgs;
use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::{fields, opt, storage_billing, table, time};
use crate::wait::{self, Poll};
use barrack_api::types::*;
use barrack_api::Op;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum VolumesCmd {
    /// All volumes (every page), and the server's suggested name for the next one.
    List {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
    },
    /// One volume in detail.
    Show { id: String },
    /// Create a volume (a bootable one from an OS image of its region).
    Create {
        /// Volume name (1-50 letters, digits, spaces, -, _, .; see `volumes list` for a suggestion).
        #[arg(long, value_parser = args::name)]
        name: String,
        #[arg(long, value_parser = args::region)]
        region: RegionEnum,
        /// Size in GB.
        #[arg(long, value_name = "GB", value_parser = args::volume_size_gb)]
        size: u64,
        /// SSD, HDD or NVMe (default: the server's, SSD).
        #[arg(long = "type", value_parser = args::volume_type)]
        volume_type: Option<VolumeTypeEnum>,
        /// Make it bootable (needs --os-image; at least 100 GB).
        #[arg(long, requires = "os_image")]
        bootable: bool,
        /// The OS image of a bootable volume (see `barrack os-images --region …`).
        #[arg(long, requires = "bootable")]
        os_image: Option<String>,
        /// Wait until the volume is Available.
        #[arg(long)]
        wait: bool,
    },
    /// Delete a detached volume and its data.
    Delete { id: String },
    /// Grow a volume (volumes never shrink).
    Resize {
        id: String,
        /// The new size in GB, larger than now.
        #[arg(long, value_name = "GB", value_parser = args::volume_size_gb)]
        size: u64,
    },
    /// Copy a volume into a new one, in the same region.
    Clone {
        id: String,
        /// The clone's name.
        #[arg(long, value_parser = args::name)]
        name: String,
        /// Wait until the clone is Available.
        #[arg(long)]
        wait: bool,
    },
    /// Attach a volume to an ACTIVE VM of its region.
    Attach {
        id: String,
        #[arg(long = "instance")]
        instance: String,
    },
    /// Detach a volume from a VM (unmount it inside the VM first).
    Detach {
        id: String,
        #[arg(long = "instance")]
        instance: String,
    },
    /// Volume types with their tier and size limits.
    Types,
    /// Billing records of volumes (all, or one volume's).
    Billing(StorageBillingArgs),
}

const VOLUME_HEADERS: &[&str] = &[
    "ID",
    "NAME",
    "STATUS",
    "SIZE",
    "TYPE",
    "REGION",
    "BOOTABLE",
    "ATTACHED TO",
];

fn attached_to(v: &VolumeResponse) -> String {
    match (&v.instance_name, &v.instance_id) {
        (Some(n), Some(id)) => format!("{n} ({id})"),
        (None, Some(id)) => id.clone(),
        _ => "-".into(),
    }
}

fn volume_rows(vols: &[VolumeResponse]) -> Vec<Vec<String>> {
    vols.iter()
        .map(|v| {
            vec![
                v.id.clone(),
                v.name.clone(),
                v.status.to_string(),
                format!("{} GB", v.size_gb),
                v.volume_type.to_string(),
                v.region.to_string(),
                if v.bootable { "yes" } else { "no" }.to_owned(),
                attached_to(v),
            ]
        })
        .collect()
}

/// Waits until a volume is ready (Available, or Attached).
pub async fn wait_volume(ctx: &Ctx, id: &str) -> CliResult<String> {
    let what = format!("volume {id} → AVAILABLE");
    wait::until(ctx, &what, || async {
        let d: GetVolumeDetailsResponse = ctx
            .fetch(Op::GetVolume, &[("volume_id", id)], NONE, NONE)
            .await?;
        Ok(match d.volume.status {
            s @ (VolumeStatus::Available | VolumeStatus::Attached) => Poll::Done(s.to_string()),
            VolumeStatus::Error => Poll::Failed("ERROR".into()),
            s => Poll::Pending(s.to_string()),
        })
    })
    .await
}

async fn lookup(ctx: &Ctx, id: &str) -> CliResult<Option<VolumeResponse>> {
    if ctx.global.explain {
        return Ok(None);
    }
    let d: GetVolumeDetailsResponse = ctx
        .fetch(Op::GetVolume, &[("volume_id", id)], NONE, NONE)
        .await?;
    Ok(Some(d.volume))
}

fn label(v: &Option<VolumeResponse>, id: &str) -> String {
    v.as_ref()
        .map(|v| format!("{} ({id})", v.name))
        .unwrap_or_else(|| id.to_owned())
}

async fn list(ctx: &Ctx, region: Option<RegionEnum>) -> CliResult {
    let mut q = RegionPageQuery {
        region,
        page: None,
        limit: None,
    };
    if ctx.global.explain || ctx.json() {
        let _: Option<GetVolumesWithNextNameResponse> =
            ctx.send(Op::ListVolumes, &[], Some(&q), NONE).await?;
        return Ok(());
    }
    q.page = Some(1);
    q.limit = Some(100);
    let first: GetVolumesWithNextNameResponse =
        ctx.fetch(Op::ListVolumes, &[], Some(&q), NONE).await?;
    let next_name = first.next_name.clone();
    let mut vols = first.volumes;
    for page in 2..=first.total_pages {
        q.page = Some(page);
        let r: GetVolumesWithNextNameResponse =
            ctx.fetch(Op::ListVolumes, &[], Some(&q), NONE).await?;
        vols.extend(r.volumes);
    }
    ctx.say(table(VOLUME_HEADERS, volume_rows(&vols)));
    if let Some(n) = next_name {
        ctx.say(format!("suggested name for the next volume: {n}"));
    }
    Ok(())
}

pub async fn run(cmd: VolumesCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        VolumesCmd::List { region } => list(ctx, region).await?,
        VolumesCmd::Show { id } => {
            let Some(r): Option<GetVolumeDetailsResponse> = ctx
                .send(Op::GetVolume, &[("volume_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            let v = &r.volume;
            ctx.say(fields(&[
                ("id", v.id.clone()),
                ("name", v.name.clone()),
                ("status", v.status.to_string()),
                ("region", v.region.to_string()),
                ("size", format!("{} GB", v.size_gb)),
                (
                    "type",
                    match &v.tier {
                        Some(t) => format!("{} ({t})", v.volume_type),
                        None => v.volume_type.to_string(),
                    },
                ),
                (
                    "bootable",
                    if v.bootable {
                        format!("yes, OS image {}", opt(&v.os_image_id))
                    } else {
                        "no".into()
                    },
                ),
                (
                    "attached to",
                    match &v.instance_status {
                        Some(s) if v.instance_id.is_some() => format!("{} {s}", attached_to(v)),
                        _ => attached_to(v),
                    },
                ),
                ("created", time(&v.created_at)),
            ]));
        }
        VolumesCmd::Create {
            name,
            region,
            size,
            volume_type,
            bootable,
            os_image,
            wait,
        } => {
            let body = CreateVolumeRequest {
                name,
                region,
                size_gb: size,
                volume_type,
                bootable,
                os_image_id: os_image,
            };
            let Some(r): Option<CreateVolumeResponse> =
                ctx.send(Op::CreateVolume, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            let v = &r.volume;
            ctx.say(format!(
                "volume {} ({}) is being created in {}: {} GB {}{}",
                v.name,
                v.id,
                v.region,
                v.size_gb,
                v.volume_type,
                if v.bootable { ", bootable" } else { "" }
            ));
            if wait {
                let reached = wait_volume(ctx, &v.id).await?;
                ctx.say(format!("{} is {reached}", v.name));
            }
        }
        VolumesCmd::Delete { id } => {
            let vol = lookup(ctx, &id).await?;
            let name = label(&vol, &id);
            if let Some(v) = &vol {
                if v.instance_id.is_some() {
                    return Err(CliError::Usage(format!(
                        "cannot delete volume {name}: it is attached to {}; detach it first with `barrack volumes detach {id} --instance {}`",
                        attached_to(v),
                        v.instance_id.clone().unwrap_or_default()
                    )));
                }
            }
            ctx.confirm(&format!("Delete volume {name}: its data is gone for good"))?;
            let Some(r): Option<DeleteVolumeResponse> = ctx
                .send(Op::DeleteVolume, &[("volume_id", &id)], NONE, NONE)
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "volume {name}: {}",
                r.message.unwrap_or_else(|| "deleted".into())
            ));
        }
        VolumesCmd::Resize { id, size } => {
            let vol = lookup(ctx, &id).await?;
            if let Some(v) = &vol {
                if size <= v.size_gb {
                    return Err(CliError::Usage(format!(
                        "cannot resize volume {}: volumes only grow; it is {} GB now, so --size must be more than that",
                        label(&vol, &id),
                        v.size_gb
                    )));
                }
            }
            let body = ResizeVolumeRequest { size_gb: size };
            let Some(r): Option<ResizeVolumeResponse> = ctx
                .send(Op::ResizeVolume, &[("volume_id", &id)], NONE, Some(&body))
                .await?
            else {
                return Ok(());
            };
            let before = vol
                .map(|v| format!("{} GB → ", v.size_gb))
                .unwrap_or_default();
            ctx.say(format!(
                "volume {} ({id}) resized: {before}{} GB",
                r.volume.name, r.volume.size_gb
            ));
        }
        VolumesCmd::Clone { id, name, wait } => {
            let body = CloneVolumeRequest { name };
            let Some(r): Option<CloneVolumeResponse> = ctx
                .send(Op::CloneVolume, &[("volume_id", &id)], NONE, Some(&body))
                .await?
            else {
                return Ok(());
            };
            let v = &r.volume;
            ctx.say(format!(
                "clone {} ({}) of {id} is being created in {}, the source's region ({} GB {})",
                v.name, v.id, v.region, v.size_gb, v.volume_type
            ));
            if wait {
                let reached = wait_volume(ctx, &v.id).await?;
                ctx.say(format!("{} is {reached}", v.name));
            }
        }
        VolumesCmd::Attach { id, instance } => {
            let body = AttachVolumesRequest {
                volume_ids: vec![id.clone()],
            };
            let Some(r): Option<AttachVolumesResponse> = ctx
                .send(
                    Op::AttachVolumes,
                    &[("instance_id", &instance)],
                    NONE,
                    Some(&body),
                )
                .await?
            else {
                return Ok(());
            };
            let this = r.volumes.iter().find(|a| a.volume_id == id);
            ctx.say(format!(
                "volume {} attached to {}{}",
                this.map(|a| format!("{} ({id})", a.volume_name))
                    .unwrap_or_else(|| id.clone()),
                r.instance_id,
                this.and_then(|a| a.device.clone())
                    .map(|d| format!(" as {d}"))
                    .unwrap_or_default()
            ));
            ctx.say(format!(
                "volumes of {} now: {}",
                r.instance_id,
                r.volumes
                    .iter()
                    .map(|a| format!("{} ({} GB)", a.volume_name, a.size_gb))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        VolumesCmd::Detach { id, instance } => {
            let vol = lookup(ctx, &id).await?;
            let name = label(&vol, &id);
            let vm = vol
                .as_ref()
                .and_then(|v| v.instance_name.clone())
                .filter(|_| {
                    vol.as_ref().and_then(|v| v.instance_id.as_deref()) == Some(instance.as_str())
                })
                .map(|n| format!("{n} ({instance})"))
                .unwrap_or_else(|| instance.clone());
            ctx.confirm(&format!(
                "Detach volume {name} from {vm}: unmount it inside the VM first, or writes in progress are lost"
            ))?;
            let body = DetachVolumesRequest {
                volume_ids: vec![id.clone()],
            };
            let Some(r): Option<DetachVolumesResponse> = ctx
                .send(
                    Op::DetachVolumes,
                    &[("instance_id", &instance)],
                    NONE,
                    Some(&body),
                )
                .await?
            else {
                return Ok(());
            };
            ctx.say(format!(
                "volume {name} detached from {vm}; {} volume(s) still attached",
                r.volumes.len()
            ));
        }
        VolumesCmd::Types => {
            let Some(r): Option<GetVolumeTypesResponse> =
                ctx.send(Op::ListVolumeTypes, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            let gb = |n: Option<u64>| n.map(|n| format!("{n} GB")).unwrap_or_else(|| "-".into());
            let rows = r.volume_types.iter().map(|t| {
                vec![
                    t.name.to_string(),
                    t.tier.as_ref().map(ToString::to_string).unwrap_or_default(),
                    gb(t.min_size_gb),
                    gb(t.max_size_gb),
                    opt(&t.description),
                ]
            });
            ctx.say(table(&["TYPE", "TIER", "MIN", "MAX", "DESCRIPTION"], rows));
        }
        VolumesCmd::Billing(a) => {
            let q = a.query();
            let Some(r): Option<VolumeHourlyBillingResponse> =
                ctx.send(Op::GetVolumeBilling, &[], Some(&q), NONE).await?
            else {
                return Ok(());
            };
            ctx.say(storage_billing("VOLUME", &r));
        }
    }
    Ok(())
}
