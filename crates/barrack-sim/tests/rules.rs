//! The emulator follows the documented state machines and rules (platform/rules.md).
//! Everything goes over real HTTP on 127.0.0.1; time moves through the admin clock.

use barrack_api::types::*;
use barrack_api::{ApiKey, Client, ErrorCode};
use barrack_sim::{Seed, SimConfig};
use serde_json::{json, Value};

struct Env {
    sim: barrack_sim::RunningSim,
    client: Client,
    http: reqwest::Client,
}

async fn env(seed: Seed) -> Env {
    let sim = barrack_sim::start(SimConfig {
        seed,
        ..Default::default()
    })
    .await
    .expect("sim starts");
    let client = Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(sim.api_key.clone()))
        .build()
        .expect("client");
    Env {
        sim,
        client,
        http: reqwest::Client::new(),
    }
}

impl Env {
    async fn admin(&self, path: &str, body: Value) -> Value {
        let resp = self
            .http
            .post(format!("{}{path}", self.sim.admin_url()))
            .bearer_auth(&self.sim.api_key)
            .json(&body)
            .send()
            .await
            .expect("admin answers");
        assert!(
            resp.status().is_success(),
            "admin {path}: {}",
            resp.status()
        );
        resp.json().await.expect("admin json")
    }

    async fn advance(&self, minutes: f64) {
        self.admin("clock", json!({ "advance_minutes": minutes }))
            .await;
    }

    async fn raw(&self, method: reqwest::Method, path: &str, body: Option<&str>) -> (u16, Value) {
        let mut rb = self
            .http
            .request(method, format!("{}{path}", self.sim.url()))
            .bearer_auth(&self.sim.api_key);
        if let Some(b) = body {
            rb = rb
                .header("content-type", "application/json")
                .body(b.to_owned());
        }
        let resp = rb.send().await.expect("sim answers");
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    async fn key(&self) -> String {
        let body = CreateSSHKeyRequest {
            name: format!("key{}", fastrand::u32(..)),
            public_key: Some("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBmIcGWFgjv4uIVdwVcvClKriGN5bXXRvWwIqI3hE3aT t".into()),
        };
        match self.client.create_ssh_key(&body).await {
            Ok(r) => r.ssh_key.id,
            Err(_) => self.client.list_ssh_keys().await.expect("keys").ssh_keys[0]
                .id
                .clone(),
        }
    }

    async fn os_image(&self, region: RegionEnum) -> String {
        let q = RegionQuery {
            region: Some(region),
        };
        self.client
            .list_os_images(&q)
            .await
            .expect("os images")
            .images[0]
            .id
            .clone()
    }

    async fn deploy_req(
        &self,
        name: &str,
        region: RegionEnum,
        model: GpuModelEnum,
        count: u32,
    ) -> DeploymentRequest {
        DeploymentRequest {
            name: name.into(),
            region: region.clone(),
            gpu_model: model,
            gpu_count: count,
            boot_source: BootSource {
                kind: BootSourceType::OsImage,
                id: self.os_image(region).await,
            },
            ssh_key_ids: vec![self.key().await],
            public_ip: true,
            ..Default::default()
        }
    }

    async fn deploy(
        &self,
        name: &str,
        region: RegionEnum,
        model: GpuModelEnum,
        count: u32,
    ) -> String {
        let req = self.deploy_req(name, region, model, count).await;
        self.client
            .deploy_instance(&req)
            .await
            .expect("deploys")
            .instance_id
    }

    async fn status(&self, id: &str) -> VMStatus {
        self.client
            .get_instance(id)
            .await
            .expect("instance")
            .instance
            .status
    }

    async fn balance(&self) -> f64 {
        self.client.get_balance().await.expect("balance").primary()
    }

    async fn bills(&self, id: &str) -> InstanceBillingResponse {
        let q = BillingQuery {
            resource_id: Some(id.into()),
            limit: Some(100),
            ..Default::default()
        };
        self.client.get_instance_billing(&q).await.expect("billing")
    }
}

fn code(e: barrack_api::ApiError) -> ErrorCode {
    e.code
}

// ---- rules.md §2: the VM state machine ----------------------------------------------

#[tokio::test]
async fn vm_lifecycle_follows_the_state_machine() {
    let e = env(Seed::Empty).await;
    let id = e
        .deploy("lifecycle", RegionEnum::Canada1, GpuModelEnum::RtxA6000, 1)
        .await;
    assert_eq!(e.status(&id).await, VMStatus::Creating);
    // Nothing is allowed while CREATING.
    assert_eq!(
        code(e.client.stop_instance(&id).await.unwrap_err()),
        ErrorCode::Conflict
    );
    e.advance(2.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Active);
    let vm = e.client.get_instance(&id).await.unwrap().instance;
    assert!(vm.server_uuid.is_some() && vm.public_ip.is_some() && vm.private_ip.is_some());

    // Stop: STOPPING → SHUTOFF. Start is refused on ACTIVE, Hibernate on SHUTOFF.
    let err = e.client.start_instance(&id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("already running"), "{}", err.message);
    assert_eq!(
        e.client.stop_instance(&id).await.unwrap().status,
        Some(VMStatus::Stopping)
    );
    e.advance(1.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Shutoff);
    assert_eq!(
        code(e.client.hibernate_instance(&id).await.unwrap_err()),
        ErrorCode::Conflict
    );
    assert_eq!(
        code(e.client.reboot_instance(&id).await.unwrap_err()),
        ErrorCode::Conflict
    );

    // Start → ACTIVE; reboot → REBOOTING → ACTIVE.
    assert_eq!(
        e.client.start_instance(&id).await.unwrap().status,
        Some(VMStatus::Starting)
    );
    e.advance(1.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Active);
    assert_eq!(
        e.client.reboot_instance(&id).await.unwrap().status,
        Some(VMStatus::Rebooting)
    );
    e.advance(1.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Active);

    // Hibernate → HIBERNATED; only Restore and Delete allowed there.
    e.client.hibernate_instance(&id).await.unwrap();
    assert_eq!(e.status(&id).await, VMStatus::Hibernating);
    e.advance(2.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Hibernated);
    let err = e.client.start_instance(&id).await.unwrap_err();
    assert!(err.message.contains("Restore"), "{}", err.message);
    e.client.restore_instance(&id).await.unwrap();
    assert_eq!(e.status(&id).await, VMStatus::Restoring);
    e.advance(2.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Active);

    // Delete → DELETING → DELETED, and gone from the list.
    e.client.delete_instance(&id).await.unwrap();
    assert_eq!(e.status(&id).await, VMStatus::Deleting);
    e.advance(1.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Deleted);
    let list = e
        .client
        .list_instances(&InstanceListQuery::default())
        .await
        .unwrap();
    assert!(list.instances.iter().all(|v| v.id != id));
}

#[tokio::test]
async fn error_state_allows_only_delete() {
    let e = env(Seed::Empty).await;
    let id = e
        .deploy("broken", RegionEnum::Us1, GpuModelEnum::L40, 1)
        .await;
    e.admin(
        &format!("instances/{id}/status"),
        json!({"status": "ERROR"}),
    )
    .await;
    assert_eq!(e.status(&id).await, VMStatus::Error);
    assert_eq!(
        code(e.client.start_instance(&id).await.unwrap_err()),
        ErrorCode::Conflict
    );
    e.client
        .delete_instance(&id)
        .await
        .expect("an ERROR VM can be deleted");
}

// ---- admin controls the Billing page's tests need ------------------------------------

#[tokio::test]
async fn admin_pauses_the_clock_and_seeds_billing_records() {
    let e = env(Seed::Sandbox).await;
    let paused = e.admin("clock", json!({"scale": 0.0})).await;
    assert_eq!(paused["scale"], 0.0);
    let q = BillingQuery::default();
    let before = e.client.get_instance_billing(&q).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let again = e.client.get_instance_billing(&q).await.unwrap();
    assert_eq!(
        before.summary.total_cost, again.summary.total_cost,
        "paused: nothing accrues"
    );
    // Advancing a paused clock still moves it (and billing with it).
    e.advance(60.0).await;
    let later = e.client.get_instance_billing(&q).await.unwrap();
    assert!(later.summary.total_cost > again.summary.total_cost);
    let seeded = e.admin("seed", json!({"billing_records": 5000})).await;
    let total = seeded["billing_records"].as_u64().unwrap();
    assert!(total >= 5000, "{seeded}");
    let page = e
        .client
        .get_instance_billing(&BillingQuery {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.total, total);
    assert_eq!(page.records.len(), 100);
}

// ---- rules.md §2.4, §15, §16: billing ----------------------------------------------

#[tokio::test]
async fn billing_accrues_per_minute_by_state() {
    let e = env(Seed::Empty).await;
    e.admin("balance", json!({"amount": 1000.0})).await;
    // 4 × H100-SXM5-80GB, advanced, USD: 2.49 × 4 = 9.96/h = 0.166/min (rules.md §16).
    let id = e
        .deploy(
            "billed",
            RegionEnum::Canada1,
            GpuModelEnum::H100Sxm5_80gb,
            4,
        )
        .await;
    let start = e.balance().await;
    e.advance(1.0).await;
    assert_eq!(e.balance().await, start, "CREATING is free");
    e.advance(1.5).await; // ACTIVE since minute 2
    let before = e.balance().await;
    e.advance(60.0).await;
    let spent = before - e.balance().await;
    assert!((spent - 9.96).abs() < 0.2, "one hour ACTIVE cost {spent}");
    let bills = e.bills(&id).await;
    let open = bills
        .records
        .iter()
        .find(|r| r.end_time.is_none())
        .expect("an open record");
    assert!(
        (open.per_minute_rate - 0.166).abs() < 1e-9,
        "{}",
        open.per_minute_rate
    );
    assert_eq!(open.status, BillingStatus::Active);
    assert_eq!(open.currency, CurrencyEnum::Usd);

    // SHUTOFF still bills the full rate.
    e.client.stop_instance(&id).await.unwrap();
    e.advance(1.0).await;
    assert_eq!(e.status(&id).await, VMStatus::Shutoff);
    let before = e.balance().await;
    e.advance(30.0).await;
    let spent = before - e.balance().await;
    assert!(
        (spent - 4.98).abs() < 0.2,
        "30 minutes SHUTOFF cost {spent}"
    );

    // HIBERNATED bills the hibernation rate only (0.01/h).
    e.client.start_instance(&id).await.unwrap();
    e.advance(1.0).await;
    e.client.hibernate_instance(&id).await.unwrap();
    e.advance(2.0).await;
    assert_eq!(e.status(&id).await, VMStatus::Hibernated);
    let before = e.balance().await;
    e.advance(600.0).await;
    let spent = before - e.balance().await;
    assert!(
        (spent - 0.1).abs() < 0.011,
        "10 hours hibernated cost {spent}"
    );
    let bills = e.bills(&id).await;
    assert!(bills.summary.hibernated_count >= 1);
    assert!(bills.summary.completed_count >= 2);
    let sum: f64 = bills.records.iter().map(|r| r.total_cost).sum();
    assert!((sum - bills.summary.total_cost).abs() < 1e-6);
}

#[tokio::test]
async fn storage_bills_hourly_from_the_pricing_table() {
    let e = env(Seed::Empty).await;
    let vol = e
        .client
        .create_volume(&CreateVolumeRequest {
            name: "store".into(),
            region: RegionEnum::Norway1,
            size_gb: 1000,
            volume_type: Some(VolumeTypeEnum::Nvme),
            ..Default::default()
        })
        .await
        .unwrap()
        .volume;
    e.advance(1.0).await;
    let before = e.balance().await;
    e.advance(60.0).await;
    let spent = before - e.balance().await;
    // NVMe (advanced): 0.3 per TB per hour.
    assert!(
        (spent - 0.3).abs() < 0.01,
        "1 TB NVMe for an hour cost {spent}"
    );
    let q = BillingQuery {
        resource_id: Some(vol.id.clone()),
        ..Default::default()
    };
    let bills = e.client.get_volume_billing(&q).await.unwrap();
    assert_eq!(bills.records.len(), 1);
    assert_eq!(bills.summary.total_size_gb, 1000.0);
}

#[tokio::test]
async fn running_out_of_credits_hibernates_running_vms() {
    let e = env(Seed::Empty).await;
    e.admin("balance", json!({"amount": 10.0})).await;
    let id = e
        .deploy(
            "spender",
            RegionEnum::Canada1,
            GpuModelEnum::H100Sxm5_80gb,
            1,
        )
        .await; // 2.49/h
    e.advance(2.5).await;
    assert_eq!(e.status(&id).await, VMStatus::Active);
    e.advance(6.0 * 60.0).await; // 10 USD lasts about 4 hours
    assert_eq!(e.status(&id).await, VMStatus::Hibernated);
    let balance = e.balance().await;
    assert!(
        balance <= 0.0 && balance > -0.2,
        "hibernated when credits ran out, balance {balance}"
    );
    let err = e.client.start_instance(&id).await.unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "a hibernated VM is restored, not started"
    );
}

#[tokio::test]
async fn deploy_needs_credits_and_stock() {
    let e = env(Seed::Empty).await;
    e.admin("balance", json!({"amount": 1.0})).await;
    let req = e
        .deploy_req("poor", RegionEnum::Canada1, GpuModelEnum::H100Sxm5_80gb, 1)
        .await;
    let err = e.client.deploy_instance(&req).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InsufficientCredits);
    assert!(
        err.message.contains("Insufficient Credits"),
        "{}",
        err.message
    );

    e.admin("balance", json!({"amount": 500.0})).await;
    e.admin(
        "stock",
        json!({"region": "US-1", "gpu_model": "L40", "available": 2}),
    )
    .await;
    let stock = |s: GPUStocksResponse| {
        s.stocks
            .iter()
            .find(|i| i.gpu_model == GpuModelEnum::L40 && i.region == RegionEnum::Us1)
            .map(|i| i.available)
    };
    e.deploy("first", RegionEnum::Us1, GpuModelEnum::L40, 2)
        .await;
    let q = GpuStocksQuery {
        region: Some(RegionEnum::Us1),
        ..Default::default()
    };
    assert_eq!(stock(e.client.get_gpu_stocks(&q).await.unwrap()), Some(0));
    let req = e
        .deploy_req("second", RegionEnum::Us1, GpuModelEnum::L40, 1)
        .await;
    let err = e.client.deploy_instance(&req).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("Not enough"), "{}", err.message);
}

// ---- rules.md §3, §4: snapshots and images ----------------------------------------

#[tokio::test]
async fn snapshots_and_images_follow_their_rules() {
    let e = env(Seed::Empty).await;
    e.admin("balance", json!({"amount": 500.0})).await;
    let id = e
        .deploy("source", RegionEnum::Canada1, GpuModelEnum::RtxA6000, 1)
        .await;
    let snap_req = |name: &str| CreateSnapshotRequest {
        instance_id: id.clone(),
        name: name.into(),
        ..Default::default()
    };
    // Only ACTIVE VMs can be snapshotted.
    assert_eq!(
        code(
            e.client
                .create_snapshot(&snap_req("early"))
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );
    e.advance(2.5).await;
    let snap = e
        .client
        .create_snapshot(&snap_req("base"))
        .await
        .unwrap()
        .snapshot;
    assert_eq!(snap.status, SnapshotStatus::Creating);
    assert_eq!(snap.region, RegionEnum::Canada1);
    // Names are unique in the account.
    assert_eq!(
        code(
            e.client
                .create_snapshot(&snap_req("BASE"))
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );
    // Not restorable, nor an image source, until SUCCESS.
    let restore = RestoreSnapshotRequest::default();
    assert_eq!(
        code(
            e.client
                .restore_snapshot(&snap.id, &restore)
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );
    let img_req = CreateImageFromSnapshotRequest {
        snapshot_id: snap.id.clone(),
        name: "img".into(),
        description: None,
    };
    assert_eq!(
        code(e.client.create_image(&img_req).await.unwrap_err()),
        ErrorCode::Conflict
    );
    e.advance(3.5).await;
    assert_eq!(
        e.client
            .get_snapshot(&snap.id)
            .await
            .unwrap()
            .snapshot
            .status,
        SnapshotStatus::Success
    );

    // Restore: a new VM named {snapshot}-restored, in the snapshot's region, with new IPs.
    let source = e.client.get_instance(&id).await.unwrap().instance;
    let restored = e.client.restore_snapshot(&snap.id, &restore).await.unwrap();
    let vm = restored.instance.expect("the new VM");
    assert_eq!(vm.name, "base-restored");
    assert_eq!(vm.region, RegionEnum::Canada1);
    assert_ne!(vm.id, id);
    assert_ne!(vm.private_ip, source.private_ip);
    // A snapshot being restored cannot be deleted.
    assert_eq!(
        code(e.client.delete_snapshot(&snap.id).await.unwrap_err()),
        ErrorCode::Conflict
    );

    // An image is made in the snapshot's region and boots VMs only there.
    let image = e.client.create_image(&img_req).await.unwrap().image;
    assert_eq!(image.region, RegionEnum::Canada1);
    assert_eq!(image.status, ImageStatus::Creating);
    e.advance(3.5).await;
    let mut elsewhere = e
        .deploy_req("elsewhere", RegionEnum::Norway1, GpuModelEnum::RtxA6000, 1)
        .await;
    elsewhere.boot_source = BootSource {
        kind: BootSourceType::CustomImage,
        id: image.id.clone(),
    };
    let err = e.client.deploy_instance(&elsewhere).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message.contains("CANADA-1") && err.message.contains("snapshot"),
        "{}",
        err.message
    );
    let mut here = elsewhere.clone();
    here.name = "here".into();
    here.region = RegionEnum::Canada1;
    let deployed = e
        .client
        .deploy_instance(&here)
        .await
        .expect("deploys from the image in its region");
    assert_eq!(
        deployed.instance.unwrap().image.kind,
        BootSourceType::CustomImage
    );

    // Deleting the snapshot (after the restore) leaves its image and VMs alone.
    e.advance(3.0).await;
    e.client.delete_snapshot(&snap.id).await.unwrap();
    assert_eq!(
        e.client.get_image(&image.id).await.unwrap().image.status,
        ImageStatus::Available
    );
    assert_eq!(e.status(&vm.id).await, VMStatus::Active);
}

#[tokio::test]
async fn snapshot_as_image_is_a_boot_source() {
    let e = env(Seed::Empty).await;
    let id = e.deploy("src", RegionEnum::Us1, GpuModelEnum::A40, 1).await;
    e.advance(2.5).await;
    let req = CreateSnapshotRequest {
        instance_id: id,
        name: "golden".into(),
        description: None,
        is_image: true,
    };
    let snap = e.client.create_snapshot(&req).await.unwrap().snapshot;
    assert!(snap.is_image);
    e.advance(3.5).await;
    let mut d = e
        .deploy_req("from-golden", RegionEnum::Us1, GpuModelEnum::A40, 1)
        .await;
    d.boot_source = BootSource {
        kind: BootSourceType::CustomImage,
        id: snap.id,
    };
    e.client
        .deploy_instance(&d)
        .await
        .expect("a snapshot created as image boots a VM");
}

// ---- rules.md §5, §12: volumes and region scoping -----------------------------------

#[tokio::test]
async fn volumes_are_region_bound_and_guarded() {
    let e = env(Seed::Empty).await;
    e.admin("balance", json!({"amount": 500.0})).await;
    let vm = e
        .deploy("vm", RegionEnum::Canada1, GpuModelEnum::RtxA6000, 1)
        .await;
    let mk = |name: &str, region: RegionEnum, size: u64| CreateVolumeRequest {
        name: name.into(),
        region,
        size_gb: size,
        ..Default::default()
    };
    // The pricing endpoint's 100 GB minimum wins over the platform page's 10 GB (§16).
    let err = e
        .client
        .create_volume(&mk("small", RegionEnum::Canada1, 50))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("size_gb"));
    let far = e
        .client
        .create_volume(&mk("far", RegionEnum::Norway1, 100))
        .await
        .unwrap()
        .volume;
    let near = e
        .client
        .create_volume(&mk("near", RegionEnum::Canada1, 200))
        .await
        .unwrap()
        .volume;
    assert_eq!(near.status, VolumeStatus::Creating);
    assert_eq!(
        code(
            e.client
                .create_volume(&mk("NEAR", RegionEnum::Canada1, 100))
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );
    e.advance(2.5).await;
    let attach = |ids: Vec<String>| AttachVolumesRequest { volume_ids: ids };
    // Another region: refused.
    let err = e
        .client
        .attach_volumes(&vm, &attach(vec![far.id.clone()]))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("NORWAY-1"), "{}", err.message);
    e.client
        .attach_volumes(&vm, &attach(vec![near.id.clone()]))
        .await
        .unwrap();
    assert_eq!(
        e.client.get_volume(&near.id).await.unwrap().volume.status,
        VolumeStatus::Attached
    );
    // Attached volumes cannot be deleted; a stopped VM cannot detach.
    assert_eq!(
        code(e.client.delete_volume(&near.id).await.unwrap_err()),
        ErrorCode::Conflict
    );
    e.client.stop_instance(&vm).await.unwrap();
    e.advance(1.5).await;
    assert_eq!(
        code(
            e.client
                .detach_volumes(&vm, &attach(vec![near.id.clone()]))
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );
    e.client.start_instance(&vm).await.unwrap();
    e.advance(1.5).await;
    e.client
        .detach_volumes(&vm, &attach(vec![near.id.clone()]))
        .await
        .unwrap();
    e.client.delete_volume(&near.id).await.unwrap();
    // Resize only grows.
    let err = e
        .client
        .resize_volume(&far.id, &ResizeVolumeRequest { size_gb: 100 })
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("size_gb"));
}

#[tokio::test]
async fn boot_volume_is_in_use_and_cannot_be_detached() {
    let e = env(Seed::Empty).await;
    e.admin("balance", json!({"amount": 500.0})).await;
    let os = e.os_image(RegionEnum::Us1).await;
    let boot = e
        .client
        .create_volume(&CreateVolumeRequest {
            name: "boot".into(),
            region: RegionEnum::Us1,
            size_gb: 100,
            bootable: true,
            os_image_id: Some(os),
            ..Default::default()
        })
        .await
        .unwrap()
        .volume;
    e.advance(1.5).await;
    let mut d = e
        .deploy_req("vol-booted", RegionEnum::Us1, GpuModelEnum::RtxA6000, 1)
        .await;
    d.boot_source = BootSource {
        kind: BootSourceType::Volume,
        id: boot.id.clone(),
    };
    let vm = e.client.deploy_instance(&d).await.unwrap().instance_id;
    e.advance(2.5).await;
    assert_eq!(
        e.client
            .get_volume(&boot.id)
            .await
            .unwrap()
            .volume
            .instance_id
            .as_deref(),
        Some(vm.as_str())
    );
    let err = e
        .client
        .detach_volumes(
            &vm,
            &AttachVolumesRequest {
                volume_ids: vec![boot.id.clone()],
            },
        )
        .await
        .unwrap_err();
    assert!(err.message.contains("boot volume"), "{}", err.message);
}

#[tokio::test]
async fn volumes_and_snapshots_need_a_profile_and_a_minimum_balance() {
    let e = env(Seed::Empty).await;
    let req = CreateVolumeRequest {
        name: "v".into(),
        region: RegionEnum::Us1,
        size_gb: 100,
        ..Default::default()
    };
    e.admin("balance", json!({"amount": 0.5})).await;
    assert_eq!(
        code(e.client.create_volume(&req).await.unwrap_err()),
        ErrorCode::InsufficientCredits
    );
    e.admin("balance", json!({"amount": 50.0})).await;
    e.admin("profile", json!({"complete": false})).await;
    let err = e.client.create_volume(&req).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("profile"));
    assert!(err.message.contains("complete profile"), "{}", err.message);
}

// ---- rules.md §6, §7: firewalls and SSH keys ------------------------------------------

#[tokio::test]
async fn firewall_rules_quota_regions_and_attachment() {
    let e = env(Seed::Empty).await;
    let fw = |n: usize, region: RegionEnum| CreateFirewallRequest {
        name: format!("fw{n}"),
        description: None,
        region,
    };
    let first = e
        .client
        .create_firewall(&fw(0, RegionEnum::Canada1))
        .await
        .unwrap()
        .firewall;
    for n in 1..25 {
        e.client
            .create_firewall(&fw(n, RegionEnum::Us1))
            .await
            .unwrap();
    }
    let err = e
        .client
        .create_firewall(&fw(25, RegionEnum::Us1))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("25"), "{}", err.message);
    e.advance(1.0).await;

    // Rule validation is the shared module's: ports on ICMP refused, IPv6 range with IPv4 refused.
    let (status, body) = e
        .raw(reqwest::Method::POST, &format!("firewalls/{}/rules/", first.id), Some(r#"{"direction":"ingress","protocol":"icmp","ethertype":"IPv4","remote_ip_prefix":"0.0.0.0/0","port_range_min":1,"port_range_max":2}"#))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["field"], "port_range_min");
    let (status, body) = e
        .raw(reqwest::Method::POST, &format!("firewalls/{}/rules/", first.id), Some(r#"{"direction":"ingress","protocol":"tcp","ethertype":"IPv4","remote_ip_prefix":"2001:db8::/32","port_range_min":22,"port_range_max":22}"#))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["field"], "remote_ip_prefix");
    let ssh = VMSecurityRuleRequest {
        direction: DirectionEnum::Ingress,
        protocol: ProtocolEnum::Tcp,
        ethertype: EthertypeEnum::IPv4,
        remote_ip_prefix: "0.0.0.0/0".into(),
        port_range_min: Some(22),
        port_range_max: Some(22),
    };
    e.client.add_firewall_rule(&first.id, &ssh).await.unwrap();
    assert_eq!(
        code(
            e.client
                .add_firewall_rule(&first.id, &ssh)
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );

    // Attach: only ACTIVE VMs of the firewall's region.
    let canada = e
        .deploy("c", RegionEnum::Canada1, GpuModelEnum::RtxA6000, 1)
        .await;
    let us = e
        .deploy("u", RegionEnum::Us1, GpuModelEnum::RtxA6000, 1)
        .await;
    let attach = |ids: &[&str]| AttachFirewallRequest {
        instance_ids: ids.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(
        code(
            e.client
                .attach_firewall(&first.id, &attach(&[&canada]))
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict,
        "CREATING VM"
    );
    e.advance(2.5).await;
    assert_eq!(
        code(
            e.client
                .attach_firewall(&first.id, &attach(&[&us]))
                .await
                .unwrap_err()
        ),
        ErrorCode::Validation,
        "other region"
    );
    let att = e
        .client
        .attach_firewall(&first.id, &attach(&[&canada]))
        .await
        .unwrap();
    assert_eq!(att.attachments[0].status, AttachmentStatus::Attaching);
    e.advance(1.0).await;
    let fws = e.client.get_instance_firewalls(&canada).await.unwrap();
    assert_eq!(
        fws.firewalls[0].attachment_status,
        AttachmentStatus::Success
    );
    // Detached while ATTACHING and attached again: the first attach's event (due after
    // 0.5 min) must not mark the new attachment ready early.
    let detach = DetachFirewallRequest {
        instance_ids: vec![canada.clone()],
    };
    e.client.detach_firewall(&first.id, &detach).await.unwrap();
    e.client
        .attach_firewall(&first.id, &attach(&[&canada]))
        .await
        .unwrap();
    e.client.detach_firewall(&first.id, &detach).await.unwrap();
    e.advance(0.3).await;
    e.client
        .attach_firewall(&first.id, &attach(&[&canada]))
        .await
        .unwrap();
    e.advance(0.3).await;
    let fws = e.client.get_instance_firewalls(&canada).await.unwrap();
    assert_eq!(
        fws.firewalls[0].attachment_status,
        AttachmentStatus::Attaching,
        "the earlier attach's event marked the new attachment ready"
    );
    e.advance(0.3).await;
    let fws = e.client.get_instance_firewalls(&canada).await.unwrap();
    assert_eq!(
        fws.firewalls[0].attachment_status,
        AttachmentStatus::Success
    );
    // An attached firewall cannot be deleted; detaching (attach with the rest) allows it.
    assert_eq!(
        code(e.client.delete_firewall(&first.id).await.unwrap_err()),
        ErrorCode::Conflict
    );
    e.client
        .attach_firewall(&first.id, &attach(&[]))
        .await
        .unwrap();
    e.client.delete_firewall(&first.id).await.unwrap();
}

#[tokio::test]
async fn ssh_keys_quota_uniqueness_and_use() {
    let e = env(Seed::Empty).await;
    let generated = e
        .client
        .create_ssh_key(&CreateSSHKeyRequest {
            name: "gen".into(),
            public_key: None,
        })
        .await
        .unwrap();
    let private = generated
        .private_key
        .expect("a generated key comes with its private key, once");
    assert!(private.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
    assert!(generated.ssh_key.public_key.starts_with("ssh-rsa "));
    assert!(generated
        .ssh_key
        .fingerprint
        .as_deref()
        .is_some_and(|f| f.starts_with("SHA256:")));
    let again = e.client.get_ssh_key(&generated.ssh_key.id).await.unwrap();
    assert!(
        !serde_json::to_string(&again)
            .unwrap()
            .contains("PRIVATE KEY"),
        "never shown again"
    );
    assert_eq!(
        code(
            e.client
                .create_ssh_key(&CreateSSHKeyRequest {
                    name: "gen".into(),
                    public_key: None
                })
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );
    // No spaces in key names (refused by the server too, with the field named).
    let (status, body) = e
        .raw(
            reqwest::Method::POST,
            "ssh-keys/",
            Some(r#"{"name":"my key"}"#),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["field"], "name");

    // A key in use cannot be deleted.
    let mut d = e
        .deploy_req("user", RegionEnum::Us1, GpuModelEnum::RtxA6000, 1)
        .await;
    d.ssh_key_ids = vec![generated.ssh_key.id.clone()];
    e.client.deploy_instance(&d).await.unwrap();
    assert_eq!(
        code(
            e.client
                .delete_ssh_key(&generated.ssh_key.id)
                .await
                .unwrap_err()
        ),
        ErrorCode::Conflict
    );

    // 25 keys at most.
    let have = e.client.list_ssh_keys().await.unwrap().ssh_keys.len();
    for n in have..25 {
        e.client
            .create_ssh_key(&CreateSSHKeyRequest {
                name: format!("k{n}"),
                public_key: None,
            })
            .await
            .unwrap();
    }
    let err = e
        .client
        .create_ssh_key(&CreateSSHKeyRequest {
            name: "k26".into(),
            public_key: None,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
}

// ---- rules.md §8: names and fields -----------------------------------------------------

#[tokio::test]
async fn names_and_bodies_are_checked_with_the_field_named() {
    let e = env(Seed::Empty).await;
    let long = "x".repeat(51);
    let (status, body) = e
        .raw(
            reqwest::Method::POST,
            "firewalls/",
            Some(&format!(r#"{{"name":"{long}","region":"US-1"}}"#)),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["field"], "name");
    assert!(body["message"].as_str().unwrap().contains("50"));
    let (status, body) = e
        .raw(
            reqwest::Method::POST,
            "firewalls/",
            Some(r#"{"name":"ok","region":"MARS-1"}"#),
        )
        .await;
    assert_eq!((status, body["field"].as_str()), (422, Some("region")));
    let (status, body) = e
        .raw(reqwest::Method::POST, "firewalls/", Some("{not json"))
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = e
        .raw(
            reqwest::Method::POST,
            "volumes/",
            Some(r#"{"name":"v","region":"US-1","size_gb":"lots"}"#),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["field"], "size_gb");
    let (status, _) = e.raw(reqwest::Method::GET, "no-such-thing/", None).await;
    assert_eq!(status, 404);
    // A duplicate VM name is refused.
    e.deploy("same", RegionEnum::Us1, GpuModelEnum::A40, 1)
        .await;
    let req = e
        .deploy_req("same", RegionEnum::Us1, GpuModelEnum::A40, 1)
        .await;
    assert_eq!(
        code(e.client.deploy_instance(&req).await.unwrap_err()),
        ErrorCode::Conflict
    );
    // Wrong key: 401; both header forms are accepted.
    let resp = reqwest::Client::new()
        .get(format!("{}balance/", e.sim.url()))
        .header("X-API-Key", &e.sim.api_key)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let resp = reqwest::Client::new()
        .get(format!("{}balance/", e.sim.url()))
        .bearer_auth("sk-wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
}

// ---- the sandbox seed, persistence, the binary ----------------------------------------

#[tokio::test]
async fn sandbox_seed_has_every_kind_of_resource() {
    let e = env(Seed::Sandbox).await;
    let vms = e
        .client
        .list_instances(&InstanceListQuery::default())
        .await
        .unwrap()
        .instances;
    for s in [VMStatus::Active, VMStatus::Shutoff, VMStatus::Hibernated] {
        assert!(vms.iter().any(|v| v.status == s), "a {s} VM");
    }
    let page = RegionPageQuery::default();
    assert_eq!(
        e.client
            .list_snapshots(&page)
            .await
            .unwrap()
            .snapshots
            .len(),
        1
    );
    assert_eq!(
        e.client.list_images(&page).await.unwrap().images[0].status,
        ImageStatus::Available
    );
    assert!(e.client.list_volumes(&page).await.unwrap().volumes.len() >= 2);
    assert_eq!(
        e.client
            .list_firewalls(&page)
            .await
            .unwrap()
            .firewalls
            .len(),
        1
    );
    assert_eq!(e.client.list_ssh_keys().await.unwrap().ssh_keys.len(), 2);
    assert_eq!(e.client.list_scripts().await.unwrap().scripts.len(), 1);
    assert!(e.balance().await > 100.0);
    let bills = e
        .client
        .get_instance_billing(&BillingQuery::default())
        .await
        .unwrap();
    assert!(bills.summary.total_cost > 0.0);
}

#[tokio::test]
async fn state_file_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    // The sandbox seed leaves optional fields empty: null in the file.
    let cfg = SimConfig {
        state_file: Some(path.clone()),
        seed: Seed::Sandbox,
        ..Default::default()
    };
    let sim = barrack_sim::start(cfg.clone()).await.unwrap();
    let key = sim.api_key.clone();
    let client = Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(key.clone()))
        .build()
        .unwrap();
    client
        .create_script(&CreateScriptRequest {
            name: "kept".into(),
            content: "echo hi".into(),
            description: None,
        })
        .await
        .unwrap();
    sim.stop().await;
    assert!(
        !dir.path().join(".state.json.tmp").exists(),
        "written atomically, no leftovers"
    );
    let sim = barrack_sim::start(cfg).await.unwrap();
    assert_eq!(sim.api_key, key, "the same account comes back");
    let client = Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(key))
        .build()
        .unwrap();
    let scripts = client.list_scripts().await.unwrap().scripts;
    assert!(scripts.iter().any(|s| s.name == "kept"), "{scripts:?}");
    let vms = client
        .list_instances(&Default::default())
        .await
        .unwrap()
        .instances;
    assert_eq!(vms.len(), 3, "the sandbox's VMs come back too");
}

#[test]
fn binary_prints_url_and_key_first() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_barrack-sim"))
        .args(["--port", "0", "--seed", "sandbox"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("barrack-sim runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let first: Value = serde_json::from_str(&line).expect("first line is JSON");
    let url = first["url"].as_str().unwrap().to_owned();
    let key = first["api_key"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/api/"),
        "{url}"
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let balance = rt.block_on(async {
        let c = Client::builder()
            .base_url(url)
            .api_key(ApiKey::new(key))
            .build()
            .unwrap();
        c.get_balance().await
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(balance.expect("it serves the API").primary() > 0.0);
}

// ---- completeness: every rule of rules.md listed here has its own test ------------------

/// (rules.md section, the rule, the test above that covers it).
const RULES: &[(&str, &str, &str)] = &[
    ("§2.2", "VM transitions Deploy/Start/Stop/Reboot/Hibernate/Restore/Delete", "vm_lifecycle_follows_the_state_machine"),
    ("§2.1", "ERROR is not billed and can only be deleted", "error_state_allows_only_delete"),
    ("§2.4", "per-minute billing by state: ACTIVE/SHUTOFF full, HIBERNATED reduced, transitional free", "billing_accrues_per_minute_by_state"),
    ("§2.4/§15", "volume storage billed hourly from the pricing table", "storage_bills_hourly_from_the_pricing_table"),
    ("§10", "zero balance hibernates running VMs", "running_out_of_credits_hibernates_running_vms"),
    ("§10", "Insufficient Credits on deploy", "deploy_needs_credits_and_stock"),
    ("§11", "GPU count limited by stock", "deploy_needs_credits_and_stock"),
    ("§3", "snapshots of ACTIVE VMs only, unique names, restore from SUCCESS only into a new VM, delete blocked while restoring", "snapshots_and_images_follow_their_rules"),
    ("§4", "images from SUCCESS snapshots, in the snapshot's region, deploy only there", "snapshots_and_images_follow_their_rules"),
    ("§3", "Create as Image makes the snapshot a boot source", "snapshot_as_image_is_a_boot_source"),
    ("§5/§12", "volumes region-bound; attach/detach on ACTIVE VMs; delete only detached; resize grows", "volumes_are_region_bound_and_guarded"),
    ("§5", "a bootable volume in use is attached and the boot volume cannot be detached", "boot_volume_is_in_use_and_cannot_be_detached"),
    ("§9", "minimum balance and complete profile for volumes", "volumes_and_snapshots_need_a_profile_and_a_minimum_balance"),
    ("§6", "25 firewalls, rule validation, region match, ACTIVE-only attach, delete only detached", "firewall_rules_quota_regions_and_attachment"),
    ("§7", "25 SSH keys, unique names without spaces, key in use not deletable, private key once", "ssh_keys_quota_uniqueness_and_use"),
    ("§8", "names 1-50 of the allowed characters, fields named in errors", "names_and_bodies_are_checked_with_the_field_named"),
];

#[test]
fn every_listed_rule_has_its_test() {
    let source = include_str!("rules.rs");
    for (section, rule, test) in RULES {
        assert!(
            source.contains(&format!("async fn {test}()"))
                || source.contains(&format!("fn {test}()")),
            "{section} {rule}: no test named {test}"
        );
    }
}
