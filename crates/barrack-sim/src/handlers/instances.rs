//! Deploy, list, details, power actions, public IP, security rules, hibernated count and
//! attached firewalls. State rules come from `barrack_api::state`, shared with the UI.

use super::{paginate, reply, Ctx, Req};
use crate::catalog;
use crate::error::{SimError, SimResult};
use crate::world::{after, durations, ts, Account, EventKind, VmMeta};
use barrack_api::state::{self, VmAction};
use barrack_api::types::*;
use barrack_api::Op;
use serde_json::Value;

pub fn find<'a>(acct: &'a Account, id: &str) -> SimResult<&'a VMInstance> {
    acct.instances
        .get(id)
        .ok_or_else(|| SimError::not_found("Instance", id))
}

fn check(vm: &VMInstance, action: VmAction) -> SimResult<()> {
    state::check(action, &vm.status)
        .map_err(|why| SimError::conflict(format!("Cannot {} {}: {why}", action.label(), vm.name)))
}

pub fn random_private_ip() -> String {
    format!(
        "10.{}.{}.{}",
        fastrand::u8(0..=255),
        fastrand::u8(0..=255),
        fastrand::u8(2..=254)
    )
}

pub fn random_public_ip() -> String {
    // TEST-NET-3, so a sandbox address can never be mistaken for a real one.
    format!("203.0.113.{}", fastrand::u8(2..=254))
}

/// Builds a new VM record in CREATING (used by deploy and snapshot restore).
pub struct NewVm {
    pub name: String,
    pub region: RegionEnum,
    pub model: GpuModelEnum,
    pub count: u32,
    pub tier: TierEnum,
    pub image: VMImage,
    pub ssh_key_ids: Vec<String>,
    pub public_ip: bool,
    pub jupyter: bool,
}

pub fn create_vm(acct: &mut Account, new: NewVm, ctx: &Ctx) -> SimResult<String> {
    let id = acct.new_id("D");
    if !acct.take_gpus(&id, &new.region, &new.model, new.count) {
        let free = acct
            .stock
            .get(&crate::world::stock_key(&new.region, &new.model))
            .copied()
            .unwrap_or(0);
        return Err(SimError::conflict(format!(
            "Not enough {} in {}: {} requested, {free} free. Pick fewer GPUs or another region.",
            new.model, new.region, new.count
        )));
    }
    let spec = catalog::gpu_spec(&new.model);
    let vm = VMInstance {
        id: id.clone(),
        name: new.name,
        status: VMStatus::Creating,
        region: new.region,
        tier: Some(new.tier),
        flavor: VMFlavor {
            name: Some(format!("n3-{}x{}", new.model, new.count)),
            cpu_cores: spec.specs.vcpus_per_gpu * new.count,
            ram_gb: spec.specs.ram_gb_per_gpu * new.count,
            storage_gb: 100,
            gpu_model: new.model,
            gpu_count: new.count,
        },
        image: new.image,
        private_ip: Some(random_private_ip()),
        public_ip: new.public_ip.then(random_public_ip),
        public_ip_enabled: new.public_ip,
        server_uuid: None,
        ssh_key_ids: new.ssh_key_ids,
        volumes: Vec::new(),
        security_rules: Vec::new(),
        firewall_ids: Vec::new(),
        jupyter_enabled: new.jupyter,
        created_at: ts(ctx.now),
        updated_at: ts(ctx.now),
        status_changed_at: ts(ctx.now),
        // DEP-61: support quotes ids like DEP1234567 (the field itself is inferred).
        deployment_id: Some(format!("DEP{:07}", acct.next_seq() % 10_000_000)),
    };
    acct.instances.insert(id.clone(), vm);
    acct.vm_meta.entry(id.clone()).or_insert_with(|| VmMeta {
        holds_gpus: true,
        ..Default::default()
    });
    acct.schedule(
        after(ctx.now, durations::CREATE),
        EventKind::VmSettle {
            id: id.clone(),
            to: VMStatus::Active,
        },
    );
    Ok(id)
}

fn boot_image(acct: &Account, req: &DeploymentRequest, ctx: &Ctx) -> SimResult<VMImage> {
    let src = &req.boot_source;
    let elsewhere = |what: &str, name: &str, region: &RegionEnum, how: &str| {
        SimError::validation(
            "boot_source.id",
            format!(
                "{what} {name:?} is in {region}; a VM in {} can only boot from one in {}. {how}",
                req.region, req.region
            ),
        )
    };
    match src.kind {
        BootSourceType::OsImage => {
            let img = ctx
                .catalog
                .os_images
                .iter()
                .find(|i| i.id == src.id)
                .ok_or_else(|| {
                    SimError::validation(
                        "boot_source.id",
                        format!("OS image {:?} does not exist", src.id),
                    )
                })?;
            if img.region != req.region {
                return Err(elsewhere(
                    "OS image",
                    &img.name,
                    &img.region,
                    "Pick an OS image of this region.",
                ));
            }
            Ok(VMImage {
                id: img.id.clone(),
                name: img.name.clone(),
                kind: src.kind.clone(),
                default_user: img.default_user.clone(),
            })
        }
        BootSourceType::Volume => {
            let vol = acct.volumes.get(&src.id).ok_or_else(|| {
                SimError::validation(
                    "boot_source.id",
                    format!("volume {:?} does not exist", src.id),
                )
            })?;
            if !vol.bootable || vol.size_gb < barrack_api::validate::BOOTABLE_VOLUME_MIN_GB {
                return Err(SimError::validation("boot_source.id", format!("volume {:?} is not bootable (a bootable volume of at least 100 GB is needed)", vol.name)));
            }
            if vol.region != req.region {
                return Err(elsewhere(
                    "Volume",
                    &vol.name,
                    &vol.region,
                    "Create a bootable volume in this region.",
                ));
            }
            if vol.status != VolumeStatus::Available {
                return Err(SimError::conflict(format!(
                    "volume {:?} is {} and cannot boot a new VM",
                    vol.name, vol.status
                )));
            }
            Ok(VMImage {
                id: vol.id.clone(),
                name: vol.name.clone(),
                kind: src.kind.clone(),
                default_user: Some("ubuntu".into()),
            })
        }
        BootSourceType::CustomImage => {
            // A custom image, or a snapshot created "as image" (DEP-35).
            if let Some(img) = acct.images.get(&src.id) {
                if img.region != req.region {
                    return Err(elsewhere("Image", &img.name, &img.region, "To use it there, take a snapshot in that region and make an image from it."));
                }
                if img.status != ImageStatus::Available {
                    return Err(SimError::conflict(format!(
                        "image {:?} is {}; only Available images can boot a VM",
                        img.name, img.status
                    )));
                }
                return Ok(VMImage {
                    id: img.id.clone(),
                    name: img.name.clone(),
                    kind: src.kind.clone(),
                    default_user: Some("ubuntu".into()),
                });
            }
            if let Some(s) = acct.snapshots.get(&src.id).filter(|s| s.is_image) {
                if s.region != req.region {
                    return Err(elsewhere("Image", &s.name, &s.region, "To use it there, take a snapshot in that region and make an image from it."));
                }
                if s.status != SnapshotStatus::Success {
                    return Err(SimError::conflict(format!(
                        "image {:?} is {}; only completed images can boot a VM",
                        s.name, s.status
                    )));
                }
                return Ok(VMImage {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    kind: src.kind.clone(),
                    default_user: Some("ubuntu".into()),
                });
            }
            Err(SimError::validation(
                "boot_source.id",
                format!("custom image {:?} does not exist", src.id),
            ))
        }
        BootSourceType::Other(ref k) => Err(SimError::validation(
            "boot_source.type",
            format!("{k:?} is not a boot source"),
        )),
    }
}

pub fn deploy(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: DeploymentRequest = req.body()?;
    if acct.vm_name_taken(&body.name) {
        return Err(SimError::conflict(format!(
            "A VM named {:?} already exists; names are unique in the account",
            body.name
        )));
    }
    let tier = match &body.tier {
        Some(t) => t.clone(),
        None => ctx.catalog.tier_of(&body.gpu_model).ok_or_else(|| {
            SimError::validation("gpu_model", format!("{} is not offered", body.gpu_model))
        })?,
    };
    let price = ctx
        .catalog
        .pricing
        .gpu_price(&tier, &body.gpu_model)
        .ok_or_else(|| {
            SimError::validation(
                "gpu_model",
                format!("{} is not offered in the {tier} tier", body.gpu_model),
            )
        })?;
    let max = price.max_count.unwrap_or(8);
    if body.gpu_count > max {
        return Err(SimError::validation(
            "gpu_count",
            format!("{} allows at most {max} GPUs per VM", body.gpu_model),
        ));
    }
    let image = boot_image(acct, &body, ctx)?;
    for key in &body.ssh_key_ids {
        if !acct.ssh_keys.contains_key(key) {
            return Err(SimError::validation(
                "ssh_key_ids",
                format!("SSH key {key:?} does not exist"),
            ));
        }
    }
    if let Some(s) = &body.startup_script_id {
        if !acct.scripts.contains_key(s) {
            return Err(SimError::validation(
                "startup_script_id",
                format!("startup script {s:?} does not exist"),
            ));
        }
    }
    for v in &body.volume_ids {
        let vol = acct.volumes.get(v).ok_or_else(|| {
            SimError::validation("volume_ids", format!("volume {v:?} does not exist"))
        })?;
        if vol.region != body.region {
            return Err(SimError::validation(
                "volume_ids",
                format!(
                    "volume {:?} is in {}, not {}",
                    vol.name, vol.region, body.region
                ),
            ));
        }
        if vol.status != VolumeStatus::Available {
            return Err(SimError::conflict(format!(
                "volume {:?} is {}",
                vol.name, vol.status
            )));
        }
    }
    for f in &body.firewall_ids {
        let fw = acct.firewalls.get(f).ok_or_else(|| {
            SimError::validation("firewall_ids", format!("firewall {f:?} does not exist"))
        })?;
        if fw.region != body.region {
            return Err(SimError::validation(
                "firewall_ids",
                format!(
                    "firewall {:?} is in {}, not {}",
                    fw.name, fw.region, body.region
                ),
            ));
        }
    }
    // Inferred rule: the balance must cover at least one hour of the VM ("Insufficient Credits").
    let hourly = price.in_currency(&acct.currency).unwrap_or(0.0) * body.gpu_count as f64;
    if acct.balance() < hourly {
        return Err(SimError::insufficient_credits(format!(
            "deploying {} x{} needs at least one hour of credit ({hourly:.2} {}); the balance is {:.2}",
            body.gpu_model,
            body.gpu_count,
            acct.currency,
            acct.balance()
        )));
    }
    let jupyter = body.jupyter.as_ref().is_some_and(|j| j.enabled);
    let id = create_vm(
        acct,
        NewVm {
            name: body.name.clone(),
            region: body.region.clone(),
            model: body.gpu_model.clone(),
            count: body.gpu_count,
            tier: tier.clone(),
            image,
            ssh_key_ids: body.ssh_key_ids.clone(),
            public_ip: body.public_ip,
            jupyter,
        },
        ctx,
    )?;
    let mut rules = Vec::new();
    for r in &body.security_rules {
        let rid = acct.new_id("R");
        rules.push(rule_from(rid, r, ctx));
    }
    let mut attachments = Vec::new();
    // A bootable volume that boots the VM is in use by it from now on.
    let mut volume_ids = body.volume_ids.clone();
    if body.boot_source.kind == BootSourceType::Volume {
        volume_ids.insert(0, body.boot_source.id.clone());
    }
    for v in &volume_ids {
        if let Some(vol) = acct.volumes.get_mut(v) {
            vol.status = VolumeStatus::Attached;
            vol.instance_id = Some(id.clone());
            vol.instance_name = Some(body.name.clone());
            vol.instance_status = Some(VMStatus::Creating);
            attachments.push(attachment_of(vol));
        }
    }
    for f in &body.firewall_ids {
        if let Some(fw) = acct.firewalls.get_mut(f) {
            fw.attachments.push(FirewallAttachment {
                instance_id: id.clone(),
                instance_name: body.name.clone(),
                instance_status: VMStatus::Creating,
                status: AttachmentStatus::Attaching,
                attached_at: ts(ctx.now),
            });
        }
    }
    if let Some(vm) = acct.instances.get_mut(&id) {
        vm.security_rules = rules;
        vm.volumes = attachments;
        vm.firewall_ids = body.firewall_ids.clone();
    }
    let instance = acct.instances.get(&id).cloned();
    reply(
        DeploymentResponse {
            instance_id: id,
            deployment_id: instance.as_ref().and_then(|i| i.deployment_id.clone()),
            instance,
            tier: Some(tier),
            ..Default::default()
        },
        "Instance deployment started",
        ctx,
    )
}

pub fn attachment_of(vol: &VolumeResponse) -> VMVolumeAttachment {
    VMVolumeAttachment {
        volume_id: vol.id.clone(),
        volume_name: vol.name.clone(),
        size_gb: vol.size_gb,
        bootable: vol.bootable,
        device: None,
    }
}

fn rule_from(id: String, r: &VMSecurityRuleRequest, ctx: &Ctx) -> VMSecurityRule {
    VMSecurityRule {
        id,
        direction: r.direction.clone(),
        protocol: r.protocol.clone(),
        ethertype: r.ethertype.clone(),
        remote_ip_prefix: r.remote_ip_prefix.trim().to_owned(),
        port_range_min: r.port_range_min,
        port_range_max: r.port_range_max,
        created_at: ts(ctx.now),
    }
}

pub fn list(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let region = req.query_region()?;
    let status = req.query_str("status").map(VMStatus::parse);
    let (page, limit) = req.page()?;
    let all: Vec<VMInstance> = acct
        .instances
        .values()
        .filter(|v| match &status {
            Some(s) => v.status == *s,
            None => v.status != VMStatus::Deleted,
        })
        .filter(|v| region.as_ref().is_none_or(|r| v.region == *r))
        .cloned()
        .collect();
    let (instances, total, page, limit, total_pages) = paginate(&all, page, limit);
    reply(
        ListVMsResponse {
            instances,
            total,
            page,
            limit,
            total_pages,
            ..Default::default()
        },
        "Instances retrieved successfully",
        ctx,
    )
}

pub fn get(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let vm = find(acct, req.param("instance_id")?)?.clone();
    reply(
        VMDetailsResponse {
            instance: vm,
            ..Default::default()
        },
        "Instance retrieved successfully",
        ctx,
    )
}

pub fn action(acct: &mut Account, op: Op, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("instance_id")?.to_owned();
    let vm = find(acct, &id)?.clone();
    let (action, minutes) = match op {
        Op::StartInstance => (VmAction::Start, durations::START),
        Op::StopInstance => (VmAction::Stop, durations::STOP),
        Op::RebootInstance => (VmAction::Reboot, durations::REBOOT),
        Op::HibernateInstance => (VmAction::Hibernate, durations::HIBERNATE),
        Op::RestoreInstance => (VmAction::Restore, durations::RESTORE),
        _ => (VmAction::Delete, durations::DELETE),
    };
    check(&vm, action)?;
    if action == VmAction::Restore {
        // Hardware was released at hibernation: it must be free again.
        if !acct.take_gpus(&id, &vm.region, &vm.flavor.gpu_model, vm.flavor.gpu_count) {
            return Err(SimError::conflict(format!(
                "No {} x{} free in {} to restore {} onto; try again later",
                vm.flavor.gpu_model, vm.flavor.gpu_count, vm.region, vm.name
            )));
        }
    }
    if action == VmAction::Start && acct.balance() <= 0.0 {
        return Err(SimError::insufficient_credits(
            "add credits before starting a VM".to_owned(),
        ));
    }
    let Some((through, to)) = action.transition() else {
        return Err(SimError::server("action without a transition"));
    };
    acct.set_vm_status(&id, through.clone(), ctx.now, ctx.catalog);
    acct.schedule(
        after(ctx.now, minutes),
        EventKind::VmSettle { id: id.clone(), to },
    );
    let verb = match action {
        VmAction::Start => "start",
        VmAction::Stop => "stop",
        VmAction::Reboot => "reboot",
        VmAction::Hibernate => "hibernation",
        VmAction::Restore => "restore",
        _ => "deletion",
    };
    reply(
        InstanceActionResponse {
            instance_id: id,
            status: Some(through),
            tier: vm.tier.clone(),
            ..Default::default()
        },
        &format!("Instance {verb} initiated"),
        ctx,
    )
}

pub fn toggle_public_ip(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("instance_id")?.to_owned();
    let body: TogglePublicIpRequest = req.body()?;
    check(find(acct, &id)?, VmAction::TogglePublicIp)?;
    let Some(vm) = acct.instances.get_mut(&id) else {
        return Err(SimError::not_found("Instance", &id));
    };
    if vm.public_ip_enabled != body.enabled {
        vm.public_ip_enabled = body.enabled;
        vm.public_ip = body.enabled.then(random_public_ip);
        vm.updated_at = ts(ctx.now);
    }
    let resp = ToggleVMPublicIPResponse {
        instance_id: id,
        public_ip_enabled: vm.public_ip_enabled,
        public_ip: vm.public_ip.clone(),
        tier: vm.tier.clone(),
        ..Default::default()
    };
    let msg = if body.enabled {
        "Public IP enabled"
    } else {
        "Public IP disabled"
    };
    reply(resp, msg, ctx)
}

pub fn add_rule(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("instance_id")?.to_owned();
    let body: VMSecurityRuleRequest = req.body()?;
    let vm = find(acct, &id)?;
    check(vm, VmAction::ChangeSecurityRules)?;
    if vm
        .security_rules
        .iter()
        .any(|r| VMSecurityRuleRequest::from_rule(r) == normalised(&body))
    {
        return Err(SimError::conflict(
            "An identical rule already exists on this instance",
        ));
    }
    let rid = acct.new_id("R");
    let rule = rule_from(rid, &body, ctx);
    let Some(vm) = acct.instances.get_mut(&id) else {
        return Err(SimError::not_found("Instance", &id));
    };
    vm.security_rules.push(rule.clone());
    let tier = vm.tier.clone();
    reply(
        AddVMSecurityRuleResponse {
            instance_id: id,
            rule,
            tier,
            ..Default::default()
        },
        "Security rule added; it takes effect within 10 minutes",
        ctx,
    )
}

pub fn normalised(r: &VMSecurityRuleRequest) -> VMSecurityRuleRequest {
    VMSecurityRuleRequest {
        remote_ip_prefix: r.remote_ip_prefix.trim().to_owned(),
        ..r.clone()
    }
}

pub fn remove_rule(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("instance_id")?.to_owned();
    let rule_id = req.param("rule_id")?.to_owned();
    check(find(acct, &id)?, VmAction::ChangeSecurityRules)?;
    let Some(vm) = acct.instances.get_mut(&id) else {
        return Err(SimError::not_found("Instance", &id));
    };
    let before = vm.security_rules.len();
    vm.security_rules.retain(|r| r.id != rule_id);
    if vm.security_rules.len() == before {
        return Err(SimError::not_found("Security rule", &rule_id));
    }
    let tier = vm.tier.clone();
    reply(
        RemoveVMSecurityRuleResponse {
            instance_id: id,
            rule_id,
            tier,
            ..Default::default()
        },
        "Security rule removed",
        ctx,
    )
}

pub fn hibernated(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let instances: Vec<RecentHibernation> = acct
        .instances
        .values()
        .filter(|v| v.status == VMStatus::Hibernated)
        .map(|v| RecentHibernation {
            instance_id: v.id.clone(),
            name: v.name.clone(),
            region: v.region.clone(),
            gpu_model: v.flavor.gpu_model.clone(),
            gpu_count: v.flavor.gpu_count,
            hibernated_at: v.status_changed_at,
        })
        .collect();
    let rate = barrack_api::hibernation_rate_per_hour(&acct.currency);
    let count = instances.len() as u32;
    reply(
        GetHibernatedVMsResponse {
            count,
            instances,
            billing: HibernationBillingMetrics {
                hourly_rate: rate,
                total_hourly_cost: rate * count as f64,
                currency: acct.currency.clone(),
            },
            ..Default::default()
        },
        "Hibernated instances retrieved successfully",
        ctx,
    )
}

pub fn firewalls(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let id = req.param("instance_id")?.to_owned();
    find(acct, &id)?;
    let firewalls = acct
        .firewalls
        .values()
        .filter_map(|fw| {
            fw.attachments
                .iter()
                .find(|a| a.instance_id == id)
                .map(|a| AttachedFirewall {
                    firewall_id: fw.id.clone(),
                    name: fw.name.clone(),
                    status: fw.status.clone(),
                    attachment_status: a.status.clone(),
                    rules_count: fw.rules.len() as u32,
                })
        })
        .collect();
    reply(
        GetVMAttachedFirewallsResponse {
            instance_id: id,
            firewalls,
            ..Default::default()
        },
        "Attached firewalls retrieved successfully",
        ctx,
    )
}

/// A VM already in a stable state since `since` (seeding only), with its billing open.
#[allow(clippy::too_many_arguments)]
pub fn seed_vm(
    acct: &mut Account,
    catalog: &crate::world::Catalog,
    name: &str,
    region: &str,
    model: GpuModelEnum,
    count: u32,
    os: &OSImage,
    key_ids: &[String],
    status: VMStatus,
    since: chrono::DateTime<chrono::Utc>,
) -> String {
    let region = RegionEnum::parse(region);
    let id = acct.new_id("D");
    let spec = catalog::gpu_spec(&model);
    let tier = catalog.tier_of(&model).unwrap_or(TierEnum::Legacy);
    let holds = status != VMStatus::Hibernated && acct.take_gpus(&id, &region, &model, count);
    let vm = VMInstance {
        id: id.clone(),
        name: name.to_owned(),
        status: status.clone(),
        region: region.clone(),
        tier: Some(tier),
        flavor: VMFlavor {
            name: Some(format!("n3-{model}x{count}")),
            cpu_cores: spec.specs.vcpus_per_gpu * count,
            ram_gb: spec.specs.ram_gb_per_gpu * count,
            storage_gb: 100,
            gpu_model: model,
            gpu_count: count,
        },
        image: VMImage {
            id: os.id.clone(),
            name: os.name.clone(),
            kind: BootSourceType::OsImage,
            default_user: os.default_user.clone(),
        },
        private_ip: Some(random_private_ip()),
        public_ip: (status == VMStatus::Active || status == VMStatus::Shutoff)
            .then(random_public_ip),
        public_ip_enabled: true,
        server_uuid: Some(format!("sim-{}", id.to_lowercase())),
        ssh_key_ids: key_ids.to_vec(),
        volumes: Vec::new(),
        security_rules: Vec::new(),
        firewall_ids: Vec::new(),
        jupyter_enabled: false,
        created_at: ts(since),
        updated_at: ts(since),
        status_changed_at: ts(since),
        deployment_id: Some(format!("DEP{:07}", acct.next_seq() % 10_000_000)),
    };
    acct.instances.insert(id.clone(), vm);
    acct.vm_meta.insert(
        id.clone(),
        VmMeta {
            holds_gpus: holds,
            restoring_from: None,
        },
    );
    acct.reopen_vm_bill(&id, since, catalog);
    id
}
