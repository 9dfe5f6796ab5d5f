//! Seeded accounts: `sandbox` (the app's demo account and the CLI's `barrack sandbox`)
//! and bulk instances for list and benchmark tests.

use crate::handlers::seed_vm;
use crate::world::{after, snapshot_vm_config, ts, Account, Catalog};
use barrack_api::types::*;
use chrono::{DateTime, Utc};

/// Two sample public keys (their private halves were thrown away).
const SAMPLE_KEYS: &[(&str, &str)] = &[
    ("alice-laptop", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK+FNNJ0Y0ft0zSV2ZfOuBz4nZp4KqJvB9zYypalXOJS alice@laptop"),
    ("ci-runner", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBmIcGWFgjv4uIVdwVcvClKriGN5bXXRvWwIqI3hE3aT ci-runner"),
];

pub fn set_balance(acct: &mut Account, amount: f64) {
    let key = acct.currency.as_str().to_owned();
    acct.balances.insert(key, amount);
}

/// A demo account: balance, a running VM, a stopped VM, a hibernated VM, a snapshot, a
/// custom image, volumes, a firewall, two keys and a script.
pub fn sandbox(acct: &mut Account, now: DateTime<Utc>, catalog: &Catalog) {
    set_balance(acct, 250.0);
    let started = after(now, -90.0);
    let mut key_ids = Vec::new();
    for (name, key) in SAMPLE_KEYS {
        let id = acct.new_id("K");
        acct.ssh_keys.insert(
            id.clone(),
            SSHKeyResponse {
                id: id.clone(),
                name: (*name).to_owned(),
                public_key: (*key).to_owned(),
                fingerprint: crate::keys::fingerprint(key),
                used_by: Vec::new(),
                created_at: ts(after(now, -7.0 * 24.0 * 60.0)),
            },
        );
        key_ids.push(id);
    }
    let script_id = acct.new_id("X");
    acct.scripts.insert(
        script_id.clone(),
        Script {
            id: script_id,
            name: "install-deps".into(),
            description: Some("Python tooling for training jobs".into()),
            content: "#!/bin/bash\nset -e\napt-get update\napt-get install -y python3-pip git\npip3 install torch transformers\n".into(),
            created_at: ts(started),
            updated_at: ts(started),
        },
    );
    let os = |region: &str| {
        catalog
            .os_images
            .iter()
            .find(|i| i.region.as_str() == region)
            .cloned()
            .unwrap_or_default()
    };
    let train = seed_vm(
        acct,
        catalog,
        "train-h100",
        "CANADA-1",
        GpuModelEnum::H100Sxm5_80gb,
        2,
        &os("CANADA-1"),
        &key_ids[..1],
        VMStatus::Active,
        started,
    );
    let dev = seed_vm(
        acct,
        catalog,
        "dev-a6000",
        "NORWAY-1",
        GpuModelEnum::RtxA6000,
        1,
        &os("NORWAY-1"),
        &key_ids,
        VMStatus::Shutoff,
        started,
    );
    let _archive = seed_vm(
        acct,
        catalog,
        "archive-a100",
        "US-1",
        GpuModelEnum::A100Pcie80gb,
        1,
        &os("US-1"),
        &key_ids[1..],
        VMStatus::Hibernated,
        started,
    );
    let _ = dev;

    // A snapshot of the running VM, and an image made from it.
    let snap_id = acct.new_id("S");
    let vm = acct.instances.get(&train).cloned().unwrap_or_default();
    acct.snapshots.insert(
        snap_id.clone(),
        Snapshot {
            id: snap_id.clone(),
            name: "train-h100-baseline".into(),
            description: Some("CUDA, drivers and datasets installed".into()),
            instance_id: vm.id.clone(),
            instance_name: Some(vm.name.clone()),
            region: vm.region.clone(),
            size_gb: 42.5,
            status: SnapshotStatus::Success,
            is_image: false,
            vm_config: Some(snapshot_vm_config(&vm)),
            created_at: ts(after(started, 30.0)),
        },
    );
    acct.open_snapshot_bill(&snap_id, after(started, 33.0), catalog);
    let image_id = acct.new_id("I");
    acct.images.insert(
        image_id.clone(),
        Image {
            id: image_id,
            name: "pytorch-cuda-base".into(),
            description: Some("Base image for training VMs".into()),
            region: vm.region.clone(),
            size_gb: 42.5,
            status: ImageStatus::Available,
            snapshot_id: Some(snap_id),
            snapshot_name: Some("train-h100-baseline".into()),
            created_at: ts(after(started, 40.0)),
        },
    );

    // Volumes: a data volume attached to the running VM, a bootable one free.
    let data = acct.new_id("V");
    acct.volumes.insert(
        data.clone(),
        VolumeResponse {
            id: data.clone(),
            name: "datasets".into(),
            region: vm.region.clone(),
            size_gb: 500,
            volume_type: VolumeTypeEnum::Ssd,
            tier: Some(TierEnum::Legacy),
            bootable: false,
            os_image_id: None,
            status: VolumeStatus::Attached,
            instance_id: Some(vm.id.clone()),
            instance_name: Some(vm.name.clone()),
            instance_status: Some(VMStatus::Active),
            created_at: ts(started),
        },
    );
    if let Some(v) = acct.instances.get_mut(&train) {
        v.volumes.push(VMVolumeAttachment {
            volume_id: data.clone(),
            volume_name: "datasets".into(),
            size_gb: 500,
            bootable: false,
            device: Some("/dev/vdb".into()),
        });
    }
    acct.open_volume_bill(&data, started, catalog);
    let boot = acct.new_id("V");
    let boot_os = os("CANADA-1");
    acct.volumes.insert(
        boot.clone(),
        VolumeResponse {
            id: boot.clone(),
            name: "ubuntu-boot".into(),
            region: RegionEnum::Canada1,
            size_gb: 100,
            volume_type: VolumeTypeEnum::Ssd,
            tier: Some(TierEnum::Legacy),
            bootable: true,
            os_image_id: Some(boot_os.id.clone()),
            status: VolumeStatus::Available,
            instance_id: None,
            instance_name: None,
            instance_status: None,
            created_at: ts(started),
        },
    );
    acct.open_volume_bill(&boot, started, catalog);

    // A firewall with SSH and HTTPS open, protecting the running VM.
    let fw = acct.new_id("F");
    let rule = |acct: &mut Account, port: u16| FirewallRule {
        id: acct.new_id("R"),
        direction: DirectionEnum::Ingress,
        protocol: ProtocolEnum::Tcp,
        ethertype: EthertypeEnum::IPv4,
        remote_ip_prefix: "0.0.0.0/0".into(),
        port_range_min: Some(port),
        port_range_max: Some(port),
        created_at: ts(started),
    };
    let rules = vec![rule(acct, 22), rule(acct, 443)];
    acct.firewalls.insert(
        fw.clone(),
        FirewallResponse {
            id: fw.clone(),
            name: "web-ssh".into(),
            description: Some("SSH and HTTPS from anywhere".into()),
            region: vm.region.clone(),
            status: FirewallStatus::Success,
            rules,
            attachments: vec![FirewallAttachment {
                instance_id: vm.id.clone(),
                instance_name: vm.name.clone(),
                instance_status: VMStatus::Active,
                status: AttachmentStatus::Success,
                attached_at: ts(started),
            }],
            created_at: ts(started),
        },
    );
    if let Some(v) = acct.instances.get_mut(&train) {
        v.firewall_ids.push(fw);
    }
    // Bring the billing records (opened in the past) up to now: charge since then.
    acct.accrued_until = Some(started);
    acct.tick(now, catalog);
}

/// `count` ACTIVE VMs spread over regions and models, outside the stock (for list tests).
pub fn bulk_instances(acct: &mut Account, catalog: &Catalog, count: usize, now: DateTime<Utc>) {
    let models = catalog.gpu_models();
    let regions = [RegionEnum::Norway1, RegionEnum::Canada1, RegionEnum::Us1];
    let statuses = [
        VMStatus::Active,
        VMStatus::Active,
        VMStatus::Active,
        VMStatus::Shutoff,
        VMStatus::Hibernated,
    ];
    let base = acct.instances.len();
    for i in 0..count {
        let region = &regions[i % regions.len()];
        let model = models[i % models.len()].clone();
        let os = catalog
            .os_images
            .iter()
            .find(|o| o.region == *region)
            .cloned()
            .unwrap_or_default();
        let name = format!("bulk-{:05}", base + i + 1);
        let id = seed_vm(
            acct,
            catalog,
            &name,
            region.as_str(),
            model,
            1 << (i % 3),
            &os,
            &[],
            statuses[i % statuses.len()].clone(),
            now,
        );
        // Billing starts now (back-dated records would charge hours at once); only the
        // creation time is spread over the past, for sorting by age.
        if let Some(vm) = acct.instances.get_mut(&id) {
            vm.created_at = ts(after(now, -((i % 600) as f64)));
        }
        if let Some(m) = acct.vm_meta.get_mut(&id) {
            m.holds_gpus = false;
        }
    }
}

/// `count` closed instance billing records of existing VMs (or made-up ones when there are
/// none), one per VM-hour going back from `now`, for the Billing page's long tables. Their
/// cost is already spent, so seeding does not charge the balance.
pub fn bulk_billing(acct: &mut Account, catalog: &Catalog, count: usize, now: DateTime<Utc>) {
    let vms: Vec<VMInstance> = acct.instances.values().cloned().collect();
    let models = catalog.gpu_models();
    for i in 0..count {
        let (id, name, model, gpus, tier) = match vms.get(i % vms.len().max(1)) {
            Some(v) => (
                v.id.clone(),
                v.name.clone(),
                v.flavor.gpu_model.clone(),
                v.flavor.gpu_count,
                v.tier.clone(),
            ),
            None => {
                let model = models[i % models.len()].clone();
                let tier = catalog.tier_of(&model);
                (
                    format!("BRK-9{:05}D", i % 50),
                    format!("past-vm-{:02}", i % 50),
                    model,
                    1,
                    tier,
                )
            }
        };
        let per_gpu = tier
            .as_ref()
            .and_then(|t| catalog.pricing.gpu_price(t, &model))
            .and_then(|p| p.in_currency(&acct.currency))
            .unwrap_or(0.0);
        let rate = per_gpu * gpus.max(1) as f64 / 60.0;
        let minutes = 60.0;
        let end = after(now, -((i as f64 + 1.0) * 61.0));
        let start = after(end, -minutes);
        let n = acct.next_seq();
        acct.instance_bills.push(BillingRecord {
            billing_id: format!("BRK-{n:06}DB"),
            instance_id: id,
            vm_name: name.clone(),
            gpu_type: model.clone(),
            gpu_count: gpus.max(1),
            tier,
            start_time: ts(start),
            end_time: ts(end),
            total_duration_minutes: minutes,
            per_minute_rate: rate,
            total_cost: rate * minutes,
            currency: acct.currency.clone(),
            status: BillingStatus::Completed,
            description: Some(format!("Deployment billing for {model} x{gpus} ({name})")),
        });
    }
}
