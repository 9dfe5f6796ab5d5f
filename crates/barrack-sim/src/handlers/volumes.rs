//! Volumes (rules.md §5): region-bound, attach/detach only on ACTIVE VMs of the same
//! region, never the boot volume of a running VM, delete only when detached.

use super::instances::attachment_of;
use super::{region_page, reply, require_minimum_balance, require_profile, Ctx, Req};
use crate::catalog;
use crate::error::{SimError, SimResult};
use crate::world::{after, durations, ts, Account, EventKind};
use barrack_api::state::{self, VmAction};
use barrack_api::types::*;
use barrack_api::validate;
use serde_json::Value;

fn find<'a>(acct: &'a Account, id: &str) -> SimResult<&'a VolumeResponse> {
    acct.volumes
        .get(id)
        .ok_or_else(|| SimError::not_found("Volume", id))
}

/// A volume still being created can be neither deleted, resized nor cloned.
fn refuse_while_creating(vol: &VolumeResponse) -> SimResult<()> {
    if vol.status == VolumeStatus::Creating {
        return Err(SimError::conflict(format!(
            "Volume {:?} is still being created",
            vol.name
        )));
    }
    Ok(())
}

/// The answer that carries one volume.
fn reply_volume(volume: VolumeResponse, message: &str, ctx: &Ctx) -> SimResult<Value> {
    reply(
        VolumeEnvelope {
            volume,
            ..Default::default()
        },
        message,
        ctx,
    )
}

fn name_taken(acct: &Account, name: &str) -> bool {
    acct.volumes
        .values()
        .any(|v| v.name.eq_ignore_ascii_case(name))
}

/// The server's suggestion for the next name: volume1, volume2, … (VOL-12).
fn next_name(acct: &Account) -> String {
    (1..)
        .map(|n| format!("volume{n}"))
        .find(|n| !name_taken(acct, n))
        .unwrap_or_default()
}

pub fn list(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let (volumes, total, page, limit, total_pages) =
        region_page(req, acct.volumes.values(), |v| &v.region)?;
    reply(
        GetVolumesWithNextNameResponse {
            volumes,
            next_name: Some(next_name(acct)),
            total,
            page,
            limit,
            total_pages,
            ..Default::default()
        },
        "Volumes retrieved successfully",
        ctx,
    )
}

pub fn get(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let volume = find(acct, req.param("volume_id")?)?.clone();
    reply_volume(volume, "Volume retrieved successfully", ctx)
}

pub fn types(ctx: &Ctx) -> SimResult<Value> {
    reply(
        GetVolumeTypesResponse {
            volume_types: catalog::volume_types(&ctx.catalog.pricing),
            ..Default::default()
        },
        "Volume types retrieved successfully",
        ctx,
    )
}

pub fn create(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: CreateVolumeRequest = req.body()?;
    // The pricing endpoint's minimum size wins over the platform page's 10 GB (rules.md §16).
    validate::volume_size(
        "size_gb",
        body.size_gb,
        body.bootable,
        ctx.catalog.pricing.volume_minimum_size_gb(),
    )?;
    require_profile(acct, "Creating a volume")?;
    require_minimum_balance(acct, "Creating a volume")?;
    if name_taken(acct, &body.name) {
        return Err(SimError::conflict(format!(
            "A volume named {:?} already exists",
            body.name
        )));
    }
    let volume_type = body.volume_type.clone().unwrap_or(VolumeTypeEnum::Ssd);
    let Some((tier, _)) = ctx.catalog.pricing.volume_price(&volume_type) else {
        return Err(SimError::validation(
            "volume_type",
            format!("{volume_type} is not offered (see the volume types)"),
        ));
    };
    if body.bootable {
        let os = body.os_image_id.clone().unwrap_or_default();
        let img = ctx
            .catalog
            .os_images
            .iter()
            .find(|i| i.id == os)
            .ok_or_else(|| {
                SimError::validation("os_image_id", format!("OS image {os:?} does not exist"))
            })?;
        if img.region != body.region {
            return Err(SimError::validation(
                "os_image_id",
                format!(
                    "OS image {:?} is in {}, not {}",
                    img.name, img.region, body.region
                ),
            ));
        }
    }
    let id = acct.new_id("V");
    let volume = VolumeResponse {
        id: id.clone(),
        name: body.name,
        region: body.region,
        size_gb: body.size_gb,
        volume_type,
        tier: Some(tier),
        bootable: body.bootable,
        os_image_id: body.os_image_id.filter(|_| body.bootable),
        status: VolumeStatus::Creating,
        instance_id: None,
        instance_name: None,
        instance_status: None,
        created_at: ts(ctx.now),
    };
    acct.volumes.insert(id.clone(), volume.clone());
    acct.schedule(
        after(ctx.now, durations::VOLUME),
        EventKind::VolumeReady { id },
    );
    reply_volume(volume, "Volume creation started", ctx)
}

pub fn delete(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("volume_id")?.to_owned();
    let vol = find(acct, &id)?;
    if vol.instance_id.is_some() || vol.status == VolumeStatus::Attached {
        return Err(SimError::conflict(format!(
            "Volume {:?} is attached to a VM; detach it first",
            vol.name
        )));
    }
    refuse_while_creating(vol)?;
    acct.volumes.remove(&id);
    acct.close_volume_bill(&id, ctx.now);
    reply(
        DeleteResponse {
            id: Some(id),
            ..Default::default()
        },
        "Volume deleted; its data is gone",
        ctx,
    )
}

pub fn resize(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("volume_id")?.to_owned();
    let body: ResizeVolumeRequest = req.body()?;
    let vol = find(acct, &id)?.clone();
    refuse_while_creating(&vol)?;
    if body.size_gb <= vol.size_gb {
        return Err(SimError::validation(
            "size_gb",
            format!("a volume can only grow: it is {} GB now", vol.size_gb),
        ));
    }
    if let Some(v) = acct.volumes.get_mut(&id) {
        v.size_gb = body.size_gb;
    }
    acct.close_volume_bill(&id, ctx.now);
    acct.open_volume_bill(&id, ctx.now, ctx.catalog);
    let volume = find(acct, &id)?.clone();
    reply_volume(volume, "Volume resized", ctx)
}

pub fn clone(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("volume_id")?.to_owned();
    let body: CloneVolumeRequest = req.body()?;
    let src = find(acct, &id)?.clone();
    refuse_while_creating(&src)?;
    require_minimum_balance(acct, "Cloning a volume")?;
    if name_taken(acct, &body.name) {
        return Err(SimError::conflict(format!(
            "A volume named {:?} already exists",
            body.name
        )));
    }
    let new_id = acct.new_id("V");
    let volume = VolumeResponse {
        id: new_id.clone(),
        name: body.name,
        status: VolumeStatus::Creating,
        instance_id: None,
        instance_name: None,
        instance_status: None,
        created_at: ts(ctx.now),
        ..src
    };
    acct.volumes.insert(new_id.clone(), volume.clone());
    acct.schedule(
        after(ctx.now, durations::VOLUME),
        EventKind::VolumeReady { id: new_id },
    );
    reply_volume(volume, "Volume clone started in the same region", ctx)
}

fn vm_for(acct: &Account, id: &str, action: VmAction) -> SimResult<VMInstance> {
    let vm = acct
        .instances
        .get(id)
        .ok_or_else(|| SimError::not_found("Instance", id))?
        .clone();
    state::check(action, &vm.status).map_err(|why| {
        SimError::conflict(format!("Cannot {} {}: {why}", action.label(), vm.name))
    })?;
    Ok(vm)
}

pub fn attach(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let vm_id = req.param("instance_id")?.to_owned();
    let body: AttachVolumesRequest = req.body()?;
    let vm = vm_for(acct, &vm_id, VmAction::AttachVolume)?;
    for v in &body.volume_ids {
        let vol = find(acct, v)?;
        if vol.region != vm.region {
            return Err(SimError::validation(
                "volume_ids",
                format!(
                    "volume {:?} is in {}; {} is in {}",
                    vol.name, vol.region, vm.name, vm.region
                ),
            ));
        }
        if vol.status != VolumeStatus::Available {
            let why = if vol.bootable && vol.instance_id.is_some() {
                "a bootable volume in use cannot be attached to another VM"
            } else {
                "only Available volumes can be attached"
            };
            return Err(SimError::conflict(format!(
                "volume {:?} is {}: {why}",
                vol.name, vol.status
            )));
        }
    }
    for v in &body.volume_ids {
        if let Some(vol) = acct.volumes.get_mut(v) {
            vol.status = VolumeStatus::Attached;
            vol.instance_id = Some(vm.id.clone());
            vol.instance_name = Some(vm.name.clone());
            vol.instance_status = Some(vm.status.clone());
            let a = attachment_of(vol);
            if let Some(inst) = acct.instances.get_mut(&vm_id) {
                inst.volumes.push(a);
            }
        }
    }
    let volumes = acct
        .instances
        .get(&vm_id)
        .map(|v| v.volumes.clone())
        .unwrap_or_default();
    reply(
        AttachVolumesResponse {
            instance_id: vm_id,
            volumes,
            ..Default::default()
        },
        "Volumes attached",
        ctx,
    )
}

pub fn detach(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let vm_id = req.param("instance_id")?.to_owned();
    let body: DetachVolumesRequest = req.body()?;
    let vm = vm_for(acct, &vm_id, VmAction::DetachVolume)?;
    for v in &body.volume_ids {
        let vol = find(acct, v)?;
        if vol.instance_id.as_deref() != Some(vm_id.as_str()) {
            return Err(SimError::conflict(format!(
                "volume {:?} is not attached to {}",
                vol.name, vm.name
            )));
        }
        if vm.image.kind == BootSourceType::Volume && vm.image.id == vol.id {
            return Err(SimError::conflict(format!(
                "volume {:?} is the boot volume of {} and cannot be detached while it runs",
                vol.name, vm.name
            )));
        }
    }
    for v in &body.volume_ids {
        if let Some(vol) = acct.volumes.get_mut(v) {
            vol.status = VolumeStatus::Available;
            vol.instance_id = None;
            vol.instance_name = None;
            vol.instance_status = None;
        }
        if let Some(inst) = acct.instances.get_mut(&vm_id) {
            inst.volumes.retain(|a| a.volume_id != *v);
        }
    }
    let volumes = acct
        .instances
        .get(&vm_id)
        .map(|v| v.volumes.clone())
        .unwrap_or_default();
    reply(
        AttachVolumesResponse {
            instance_id: vm_id,
            volumes,
            ..Default::default()
        },
        "Volumes detached",
        ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_volumes(names: &[&str]) -> Account {
        let mut acct = Account::default();
        for (i, n) in names.iter().enumerate() {
            let id = format!("V{i}");
            acct.volumes.insert(
                id.clone(),
                VolumeResponse {
                    id,
                    name: (*n).to_owned(),
                    ..Default::default()
                },
            );
        }
        acct
    }

    /// VOL-12: the first `volumeN` not in use, compared without case.
    #[test]
    fn the_next_name_is_the_first_free_volume_n() {
        assert_eq!(next_name(&with_volumes(&[])), "volume1");
        assert_eq!(next_name(&with_volumes(&["datasets"])), "volume1");
        assert_eq!(next_name(&with_volumes(&["volume1", "Volume2"])), "volume3");
        assert_eq!(next_name(&with_volumes(&["volume2"])), "volume1");
    }
}
