//! Snapshots and custom images (rules.md §3, §4): snapshots of ACTIVE VMs only, restore
//! from SUCCESS only into a new VM, images from SUCCESS snapshots in the snapshot's region.

use super::instances::{create_vm, NewVm};
use super::{region_page, reply, require_minimum_balance, require_profile, Ctx, Req};
use crate::error::{SimError, SimResult};
use crate::world::{after, durations, snapshot_vm_config, ts, Account, EventKind};
use barrack_api::state::{self, VmAction};
use barrack_api::types::*;
use barrack_api::validate::NAME_MAX;
use serde_json::Value;

fn find<'a>(acct: &'a Account, id: &str) -> SimResult<&'a Snapshot> {
    acct.snapshots
        .get(id)
        .ok_or_else(|| SimError::not_found("Snapshot", id))
}

fn find_image<'a>(acct: &'a Account, id: &str) -> SimResult<&'a Image> {
    acct.images
        .get(id)
        .ok_or_else(|| SimError::not_found("Image", id))
}

pub fn create(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: CreateSnapshotRequest = req.body()?;
    require_profile(acct, "Creating a snapshot")?;
    require_minimum_balance(acct, "Creating a snapshot")?;
    let vm = acct
        .instances
        .get(&body.instance_id)
        .ok_or_else(|| SimError::not_found("Instance", &body.instance_id))?
        .clone();
    state::check(VmAction::Snapshot, &vm.status)
        .map_err(|why| SimError::conflict(format!("Cannot snapshot {}: {why}", vm.name)))?;
    if acct
        .snapshots
        .values()
        .any(|s| s.name.eq_ignore_ascii_case(&body.name))
    {
        return Err(SimError::conflict(format!(
            "A snapshot named {:?} already exists; snapshot names are unique in the account",
            body.name
        )));
    }
    let id = acct.new_id("S");
    // The stored size is the compressed, deduplicated size: less than the disk.
    let size = (vm.flavor.storage_gb as f64 * (0.3 + fastrand::f64() * 0.3) * 10.0).round() / 10.0;
    let snapshot = Snapshot {
        id: id.clone(),
        name: body.name,
        description: body.description,
        instance_id: vm.id.clone(),
        instance_name: Some(vm.name.clone()),
        region: vm.region.clone(),
        size_gb: size,
        status: SnapshotStatus::Creating,
        is_image: body.is_image,
        vm_config: Some(snapshot_vm_config(&vm)),
        created_at: ts(ctx.now),
    };
    acct.snapshots.insert(id.clone(), snapshot.clone());
    acct.schedule(
        after(ctx.now, durations::SNAPSHOT),
        EventKind::SnapshotReady { id },
    );
    reply(
        CreateSnapshotResponse {
            snapshot,
            ..Default::default()
        },
        "Snapshot creation started; the VM keeps running",
        ctx,
    )
}

pub fn list(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let (snapshots, total, page, limit, total_pages) =
        region_page(req, acct.snapshots.values(), |s| &s.region)?;
    reply(
        ListSnapshotsResponse {
            snapshots,
            total,
            page,
            limit,
            total_pages,
            ..Default::default()
        },
        "Snapshots retrieved successfully",
        ctx,
    )
}

pub fn get(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let snapshot = find(acct, req.param("snapshot_id")?)?.clone();
    reply(
        SnapshotDetailsResponse {
            snapshot,
            ..Default::default()
        },
        "Snapshot retrieved successfully",
        ctx,
    )
}

pub fn delete(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("snapshot_id")?.to_owned();
    let snap = find(acct, &id)?.clone();
    let restoring = acct.vm_meta.iter().any(|(vm_id, m)| {
        m.restoring_from.as_deref() == Some(id.as_str())
            && acct
                .instances
                .get(vm_id)
                .is_some_and(|v| v.status == VMStatus::Creating)
    });
    if restoring {
        return Err(SimError::conflict(format!(
            "Snapshot {:?} is being restored; delete it after the restore finishes",
            snap.name
        )));
    }
    if snap.status == SnapshotStatus::Creating {
        return Err(SimError::conflict(format!(
            "Snapshot {:?} is still being created",
            snap.name
        )));
    }
    acct.snapshots.remove(&id);
    acct.close_snapshot_bill(&id, ctx.now);
    reply(
        DeleteResponse {
            id: Some(id),
            ..Default::default()
        },
        "Snapshot deleted; VMs and images made from it are not affected",
        ctx,
    )
}

/// `{snapshot}-restored`, shortened to fit the 50-character name rule.
pub fn default_restore_name(snapshot: &str) -> String {
    let suffix = "-restored";
    let keep = NAME_MAX - suffix.len();
    let base: String = snapshot.chars().take(keep).collect();
    format!("{base}{suffix}")
}

pub fn restore(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("snapshot_id")?.to_owned();
    let body: RestoreSnapshotRequest = req.body()?;
    let snap = find(acct, &id)?.clone();
    if snap.status != SnapshotStatus::Success {
        return Err(SimError::conflict(format!(
            "Snapshot {:?} is {}; only SUCCESS snapshots can be restored",
            snap.name, snap.status
        )));
    }
    let name = body
        .name
        .unwrap_or_else(|| default_restore_name(&snap.name));
    if acct.vm_name_taken(&name) {
        return Err(SimError::conflict(format!(
            "A VM named {name:?} already exists; choose another name"
        )));
    }
    let cfg = snap.vm_config.clone().unwrap_or_default();
    let model = cfg.gpu_model.clone().unwrap_or(GpuModelEnum::RtxA6000);
    let count = cfg.gpu_count.unwrap_or(1).max(1);
    let tier = ctx.catalog.tier_of(&model).unwrap_or(TierEnum::Legacy);
    let hourly = ctx
        .catalog
        .pricing
        .gpu_price(&tier, &model)
        .and_then(|p| p.in_currency(&acct.currency))
        .unwrap_or(0.0)
        * count as f64;
    if acct.balance() < hourly.max(super::minimum_balance(&acct.currency)) {
        return Err(SimError::insufficient_credits(format!(
            "restoring needs at least one hour of credit for {model} x{count} ({hourly:.2} {})",
            acct.currency
        )));
    }
    let ssh_key_ids = acct
        .instances
        .get(&snap.instance_id)
        .map(|v| v.ssh_key_ids.clone())
        .unwrap_or_default();
    let vm_id = create_vm(
        acct,
        NewVm {
            name,
            region: snap.region.clone(),
            model,
            count,
            tier,
            image: VMImage {
                id: snap.id.clone(),
                name: snap.name.clone(),
                kind: BootSourceType::Other("snapshot".into()),
                default_user: Some("ubuntu".into()),
            },
            ssh_key_ids,
            public_ip: true,
            jupyter: false,
        },
        ctx,
    )?;
    acct.vm_meta
        .entry(vm_id.clone())
        .or_default()
        .restoring_from = Some(id.clone());
    let instance = acct.instances.get(&vm_id).cloned();
    reply(
        RestoreSnapshotResponse {
            snapshot_id: id,
            instance_id: vm_id,
            instance,
            ..Default::default()
        },
        "Restore started: a new VM with new IPs is being created in the snapshot's region",
        ctx,
    )
}

pub fn eligible(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let region = req.query_region()?;
    let instances = acct
        .instances
        .values()
        .filter(|v| v.status == VMStatus::Active)
        .filter(|v| region.as_ref().is_none_or(|r| v.region == *r))
        .cloned()
        .collect();
    reply(
        SnapshotEligibleInstancesResponse {
            instances,
            ..Default::default()
        },
        "Eligible instances retrieved successfully",
        ctx,
    )
}

pub fn list_images(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let (images, total, page, limit, total_pages) =
        region_page(req, acct.images.values(), |i| &i.region)?;
    reply(
        ImageListResponse {
            images,
            total,
            page,
            limit,
            total_pages,
            ..Default::default()
        },
        "Images retrieved successfully",
        ctx,
    )
}

pub fn get_image(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let image = find_image(acct, req.param("image_id")?)?.clone();
    reply(
        ImageDetailResponse {
            image,
            ..Default::default()
        },
        "Image retrieved successfully",
        ctx,
    )
}

pub fn delete_image(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("image_id")?.to_owned();
    find_image(acct, &id)?;
    acct.images.remove(&id);
    reply(
        DeleteResponse {
            id: Some(id),
            ..Default::default()
        },
        "Image deleted; VMs deployed from it are not affected",
        ctx,
    )
}

pub fn create_image(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: CreateImageFromSnapshotRequest = req.body()?;
    let snap = find(acct, &body.snapshot_id)?.clone();
    if snap.status != SnapshotStatus::Success {
        return Err(SimError::conflict(format!(
            "Snapshot {:?} is {}; images are made from SUCCESS snapshots only",
            snap.name, snap.status
        )));
    }
    if acct
        .images
        .values()
        .any(|i| i.name.eq_ignore_ascii_case(&body.name))
    {
        return Err(SimError::conflict(format!(
            "An image named {:?} already exists",
            body.name
        )));
    }
    let id = acct.new_id("I");
    let image = Image {
        id: id.clone(),
        name: body.name,
        description: body.description,
        region: snap.region.clone(),
        size_gb: snap.size_gb,
        status: ImageStatus::Creating,
        snapshot_id: Some(snap.id.clone()),
        snapshot_name: Some(snap.name.clone()),
        created_at: ts(ctx.now),
    };
    acct.images.insert(id.clone(), image.clone());
    acct.schedule(
        after(ctx.now, durations::IMAGE),
        EventKind::ImageReady { id },
    );
    let msg = format!(
        "Image creation started in {}; to use it in another region, take a snapshot there and make an image from it",
        snap.region
    );
    reply(
        ImageCreateResponse {
            image,
            ..Default::default()
        },
        &msg,
        ctx,
    )
}

fn images_of(acct: &Account, snapshot_id: &str) -> Vec<Image> {
    acct.images
        .values()
        .filter(|i| i.snapshot_id.as_deref() == Some(snapshot_id))
        .cloned()
        .collect()
}

pub fn snapshot_images(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("snapshot_id")?.to_owned();
    let snap = find(acct, &id)?;
    reply(
        SnapshotImageRelationshipResponse {
            snapshot_id: id.clone(),
            snapshot_name: Some(snap.name.clone()),
            images: images_of(acct, &id),
            ..Default::default()
        },
        "Relationship retrieved successfully",
        ctx,
    )
}

pub fn snapshot_images_batch(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: GetBatchSnapshotImageRelationshipsRequest = req.body()?;
    let ids: Vec<String> = if body.snapshot_ids.is_empty() {
        acct.snapshots.keys().cloned().collect()
    } else {
        body.snapshot_ids
    };
    let relationships = ids
        .into_iter()
        .map(|id| SnapshotImageRelationship {
            snapshot_name: acct.snapshots.get(&id).map(|s| s.name.clone()),
            images: images_of(acct, &id),
            snapshot_id: id,
        })
        .collect();
    reply(
        BatchSnapshotImageRelationshipResponse {
            relationships,
            ..Default::default()
        },
        "Relationships retrieved successfully",
        ctx,
    )
}
