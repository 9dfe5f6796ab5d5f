//! Every operation of the endpoint table, round-tripped client → barrack-sim over real HTTP
//! on 127.0.0.1, with the typed answers checked for content (states, echoes, relations,
//! billing figures), not just for `Ok`.
//!
//! One test per resource family, each with its own emulator. The emulator's clock is
//! frozen (time scale 1e-6) and moved only through `POST /admin/clock`, so every
//! transition and every billed minute is deterministic and nothing sleeps.
//!
//! Each family lists the operations it covers; at its end it asks the emulator
//! (`GET /admin/requests`) whether each of them was really sent. [`FAMILIES`] gathers the
//! lists, and `every_operation_has_a_round_trip` fails, naming the operation, when the
//! endpoint table gains an operation that no family covers.

use barrack_api::types::*;
use barrack_api::{ApiError, ApiKey, Client, ErrorCode, Op, ENDPOINTS};
use barrack_sim::{RunningSim, SimConfig};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------
// Coverage

const ACCOUNT_OPS: &[Op] = &[
    Op::GetBalance,
    Op::GetGpuStocks,
    Op::GetGpuSpecs,
    Op::ListRegions,
    Op::GetPricing,
    Op::PostPricing,
    Op::ListOsImages,
];

const INSTANCE_OPS: &[Op] = &[
    Op::DeployInstance,
    Op::ListInstances,
    Op::GetInstance,
    Op::GetInstanceBilling,
    Op::StartInstance,
    Op::StopInstance,
    Op::RebootInstance,
    Op::HibernateInstance,
    Op::RestoreInstance,
    Op::ToggleInstancePublicIp,
    Op::AddInstanceSecurityRule,
    Op::RemoveInstanceSecurityRule,
    Op::DeleteInstance,
    Op::GetHibernatedInstancesCount,
];

const FIREWALL_OPS: &[Op] = &[
    Op::ListFirewalls,
    Op::GetFirewall,
    Op::GetFirewallProtocols,
    Op::ListFirewallEligibleInstances,
    Op::CreateFirewall,
    Op::DeleteFirewall,
    Op::AddFirewallRule,
    Op::RemoveFirewallRule,
    Op::AttachFirewall,
    Op::DetachFirewall,
    Op::GetInstanceFirewalls,
];

const KEY_AND_SCRIPT_OPS: &[Op] = &[
    Op::ListSshKeys,
    Op::CreateSshKey,
    Op::GetSshKey,
    Op::DeleteSshKey,
    Op::ListScripts,
    Op::GetScript,
    Op::CreateScript,
    Op::UpdateScript,
    Op::DeleteScript,
    Op::DeleteScripts,
];

const SNAPSHOT_AND_IMAGE_OPS: &[Op] = &[
    Op::CreateSnapshot,
    Op::ListSnapshots,
    Op::GetSnapshot,
    Op::DeleteSnapshot,
    Op::RestoreSnapshot,
    Op::GetSnapshotBilling,
    Op::ListSnapshotEligibleInstances,
    Op::ListImages,
    Op::GetImage,
    Op::DeleteImage,
    Op::CreateImage,
    Op::GetSnapshotImages,
    Op::GetSnapshotImagesBatch,
];

const AI_OPS: &[Op] = &[
    Op::AiChat,
    Op::AiModels,
    Op::AiUsageSummary,
    Op::AiUsageHistory,
];

const VOLUME_OPS: &[Op] = &[
    Op::AttachVolumes,
    Op::DetachVolumes,
    Op::CloneVolume,
    Op::ResizeVolume,
    Op::GetVolumeBilling,
    Op::ListVolumeTypes,
    Op::ListVolumes,
    Op::CreateVolume,
    Op::GetVolume,
    Op::DeleteVolume,
];

/// Which test answers for which operations.
const FAMILIES: &[(&str, &[Op])] = &[
    ("account_and_catalog", ACCOUNT_OPS),
    ("instance_lifecycle", INSTANCE_OPS),
    ("firewalls", FIREWALL_OPS),
    ("ssh_keys_and_scripts", KEY_AND_SCRIPT_OPS),
    ("snapshots_and_images", SNAPSHOT_AND_IMAGE_OPS),
    ("ai", AI_OPS),
    ("volumes", VOLUME_OPS),
];

/// Every operation with a round trip below: the family lists together.
fn covered() -> Vec<Op> {
    FAMILIES
        .iter()
        .flat_map(|(_, ops)| ops.iter().copied())
        .collect()
}

#[test]
fn every_operation_has_a_round_trip() {
    let covered = covered();
    let missing: Vec<Op> = ENDPOINTS
        .iter()
        .map(|e| e.op)
        .filter(|op| !covered.contains(op))
        .collect();
    assert!(
        missing.is_empty(),
        "operations of barrack_api::ENDPOINTS without a round-trip test in tests/roundtrip.rs \
         (add a round trip to a family test and its family list): {missing:?}"
    );

    // Each op is checked as sent by one test only.
    let mut by_family: BTreeMap<Op, Vec<&str>> = BTreeMap::new();
    for (family, ops) in FAMILIES {
        for op in *ops {
            by_family.entry(*op).or_default().push(family);
        }
    }
    let twice: Vec<_> = by_family.iter().filter(|(_, f)| f.len() > 1).collect();
    assert!(
        twice.is_empty(),
        "ops claimed by several families: {twice:?}"
    );
    assert_eq!(
        covered.len(),
        ENDPOINTS.len(),
        "the families must cover exactly the table's operations"
    );

    let stale: Vec<Op> = covered
        .iter()
        .filter(|op| !ENDPOINTS.iter().any(|e| e.op == **op))
        .copied()
        .collect();
    assert!(
        stale.is_empty(),
        "the families name ops not in the table: {stale:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Harness

/// A fresh emulator and a client of it.
struct Env {
    sim: RunningSim,
    api: Client,
    http: reqwest::Client,
}

const START_BALANCE: f64 = 500.0;

impl Env {
    async fn new() -> Env {
        let sim = barrack_sim::start(SimConfig {
            // Frozen: only `advance` moves the clock.
            time_scale: 1e-6,
            ..SimConfig::default()
        })
        .await
        .expect("the emulator starts");
        let api = Client::builder()
            .base_url(sim.url())
            .api_key(ApiKey::new(sim.api_key.clone()))
            .build()
            .expect("the client builds");
        let env = Env {
            sim,
            api,
            http: reqwest::Client::new(),
        };
        env.admin("balance", json!({ "amount": START_BALANCE }))
            .await;
        env
    }

    /// `POST /admin/<path>` on this account.
    async fn admin(&self, path: &str, body: Value) -> Value {
        let resp = self
            .http
            .post(format!("{}{path}", self.sim.admin_url()))
            .bearer_auth(&self.sim.api_key)
            .json(&body)
            .send()
            .await
            .expect("admin request");
        assert!(
            resp.status().is_success(),
            "admin {path}: {}",
            resp.status()
        );
        resp.json().await.expect("admin answer")
    }

    /// Moves the emulator's clock forward; due transitions and billing follow.
    async fn advance(&self, minutes: f64) {
        self.admin("clock", json!({ "advance_minutes": minutes }))
            .await;
    }

    /// Fails unless every op of `ops` reached the emulator's API.
    async fn assert_sent(&self, ops: &[Op]) {
        let counts: BTreeMap<String, u64> = self
            .http
            .get(format!("{}requests", self.sim.admin_url()))
            .send()
            .await
            .expect("admin requests")
            .json()
            .await
            .expect("request counts");
        let unsent: Vec<Op> = ops
            .iter()
            .filter(|op| {
                let name = serde_json::to_value(op).unwrap();
                counts.get(name.as_str().unwrap()).copied().unwrap_or(0) == 0
            })
            .copied()
            .collect();
        assert!(unsent.is_empty(), "never sent to the emulator: {unsent:?}");
    }

    async fn import_key(&self, name: &str) -> String {
        self.api
            .create_ssh_key(&CreateSSHKeyRequest {
                name: name.into(),
                public_key: Some(ED25519_PUBLIC.into()),
            })
            .await
            .expect("import key")
            .ssh_key
            .id
    }

    /// Deploys an RTX-A6000 x1 from the region's first OS image; the VM is CREATING.
    async fn deploy(&self, name: &str, region: RegionEnum, key_id: &str) -> VMInstance {
        let os = self
            .api
            .list_os_images(&RegionQuery {
                region: Some(region.clone()),
            })
            .await
            .expect("os images")
            .images
            .into_iter()
            .next()
            .expect("an OS image in the region");
        let resp = self
            .api
            .deploy_instance(&DeploymentRequest {
                name: name.into(),
                region: region.clone(),
                gpu_model: GpuModelEnum::RtxA6000,
                gpu_count: 1,
                boot_source: BootSource {
                    kind: BootSourceType::OsImage,
                    id: os.id.clone(),
                },
                ssh_key_ids: vec![key_id.into()],
                public_ip: true,
                ..Default::default()
            })
            .await
            .expect("deploy");
        assert!(resp.success);
        assert!(resp.instance_id.starts_with("BRK-"), "{}", resp.instance_id);
        let vm = resp.instance.expect("deploy answers with the instance");
        assert_eq!(vm.id, resp.instance_id);
        assert_eq!(vm.name, name);
        assert_eq!(vm.status, VMStatus::Creating);
        assert_eq!(vm.region, region);
        assert_eq!(vm.flavor.gpu_model, GpuModelEnum::RtxA6000);
        assert_eq!(vm.flavor.gpu_count, 1);
        assert_eq!(vm.image.id, os.id);
        assert_eq!(vm.image.kind, BootSourceType::OsImage);
        assert_eq!(vm.ssh_key_ids, vec![key_id.to_owned()]);
        vm
    }

    async fn status(&self, vm_id: &str) -> VMStatus {
        self.api
            .get_instance(vm_id)
            .await
            .expect("get instance")
            .instance
            .status
    }

    async fn stop(self) {
        self.sim.stop().await;
    }
}

/// A real ed25519 public key (`ssh-keygen -t ed25519`), and its `ssh-keygen -l` fingerprint.
const ED25519_PUBLIC: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILk1gkpNBDJqgmrXdtOSnUVIxDSWsW8a6ZPEJaLfSEfn roundtrip@test";
const ED25519_FINGERPRINT: &str = "SHA256:COU/e540qtgZ6pvMI4u5bsw9f4lLt13rB5APJ4tN5iQ";

#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-6,
        "expected {expected}, got {actual}"
    );
}

#[track_caller]
fn assert_code<T: std::fmt::Debug>(result: Result<T, ApiError>, code: ErrorCode) -> ApiError {
    let e = result.expect_err("the emulator should refuse this");
    assert_eq!(e.code, code, "{e}");
    assert!(
        e.status.is_some(),
        "refused by the server, not the client: {e}"
    );
    e
}

fn by_region(region: RegionEnum) -> RegionPageQuery {
    RegionPageQuery {
        region: Some(region),
        ..Default::default()
    }
}

fn for_resource(id: &str) -> BillingQuery {
    BillingQuery {
        resource_id: Some(id.into()),
        ..Default::default()
    }
}

fn tcp_rule(port: u16, from: &str) -> VMSecurityRuleRequest {
    VMSecurityRuleRequest {
        direction: DirectionEnum::Ingress,
        protocol: ProtocolEnum::Tcp,
        ethertype: EthertypeEnum::IPv4,
        remote_ip_prefix: from.into(),
        port_range_min: Some(port),
        port_range_max: Some(port),
    }
}

// ---------------------------------------------------------------------------------------
// Balance, stock, specs, regions, pricing, OS images

#[tokio::test]
async fn account_and_catalog() {
    let env = Env::new().await;
    let api = &env.api;

    env.admin("balance", json!({ "amount": 123.45 })).await;
    let balance = api.get_balance().await.unwrap();
    assert!(balance.success);
    assert_eq!(balance.currency, CurrencyEnum::Usd);
    assert_close(balance.primary(), 123.45);
    let account_id = balance.account_id.clone().expect("account id");
    assert!(account_id.starts_with("BRK-"), "{account_id}");
    assert!(balance.profile_complete);

    // Stock: filters, configurations per GPU count, and admin changes seen through the API.
    let a6000_in_canada = GpuStocksQuery {
        region: Some(RegionEnum::Canada1),
        gpu_model: Some(GpuModelEnum::RtxA6000),
    };
    let stocks = api.get_gpu_stocks(&a6000_in_canada).await.unwrap();
    assert_eq!(stocks.stocks.len(), 1, "{stocks:?}");
    let item = &stocks.stocks[0];
    assert_eq!(item.region, RegionEnum::Canada1);
    assert_eq!(item.gpu_model, GpuModelEnum::RtxA6000);
    assert_eq!(item.tier, Some(TierEnum::Legacy));
    assert_eq!(item.available, 32);
    let configs: Vec<(u32, u32)> = item
        .configurations
        .iter()
        .map(|c| (c.gpu_count, c.available))
        .collect();
    // RTX-A6000 allows at most 4 GPUs per VM (documented pricing).
    assert_eq!(configs, vec![(1, 32), (2, 16), (4, 8)]);
    let everywhere = api
        .get_gpu_stocks(&GpuStocksQuery::default())
        .await
        .unwrap();
    let regions: BTreeSet<&str> = everywhere
        .stocks
        .iter()
        .map(|s| s.region.as_str())
        .collect();
    assert_eq!(regions.len(), 3);
    assert_eq!(everywhere.stocks.len(), 3 * 9);
    env.admin(
        "stock",
        json!({"region": "CANADA-1", "gpu_model": "RTX-A6000", "available": 3}),
    )
    .await;
    let after = api.get_gpu_stocks(&a6000_in_canada).await.unwrap();
    assert_eq!(after.stocks[0].available, 3);
    assert_eq!(after.stocks[0].configurations[1].available, 1);
    assert_eq!(after.stocks[0].configurations[2].available, 0);

    let specs = api.get_gpu_specs().await.unwrap();
    assert_eq!(specs.specs.len(), 9);
    assert_eq!(specs.metadata.total_models, 9);
    let h100 = specs
        .specs
        .iter()
        .find(|s| s.gpu_model == GpuModelEnum::H100Sxm5_80gb)
        .expect("H100 SXM5 specs");
    assert_eq!(h100.memory_gb, 80);
    assert!(h100.nvlink);
    assert_eq!(h100.specs.architecture.as_deref(), Some("Hopper"));
    assert!(h100.specs.vcpus_per_gpu > 0 && h100.specs.ram_gb_per_gpu > 0);

    let regions = api.list_regions().await.unwrap();
    let names: Vec<RegionEnum> = regions.regions.iter().map(|r| r.name.clone()).collect();
    assert_eq!(
        names,
        vec![RegionEnum::Norway1, RegionEnum::Canada1, RegionEnum::Us1]
    );
    assert!(regions.regions.iter().all(|r| r.available));

    // Pricing: the same table by GET (query) and POST (body), with the documented prices.
    let req = PricingRequest {
        currency: Some(CurrencyEnum::Usd),
        resource_type: Some(ResourceTypeEnum::Gpus),
        ..Default::default()
    };
    let got = api.get_pricing(&req).await.unwrap();
    let posted = api.post_pricing(&req).await.unwrap();
    for p in [&got, &posted] {
        let data = &p.pricing_data;
        let a6000 = data
            .gpu_price(&TierEnum::Legacy, &GpuModelEnum::RtxA6000)
            .expect("A6000 price");
        assert_eq!(a6000.in_currency(&CurrencyEnum::Usd), Some(0.69));
        assert_eq!(a6000.max_count, Some(4));
        let h100 = data
            .gpu_price(&TierEnum::Advanced, &GpuModelEnum::H100Sxm5_80gb)
            .expect("H100 price");
        assert_eq!(h100.in_currency(&CurrencyEnum::Eur), Some(2.69));
        assert_eq!(data.volume_minimum_size_gb(), Some(100));
        let snap = data.snapshot_price().expect("snapshot price");
        assert_eq!(snap.fixed_size_gb, Some(100));
        assert_eq!(snap.in_currency(&CurrencyEnum::Usd), Some(0.1));
        let (tier, nvme) = data.volume_price(&VolumeTypeEnum::Nvme).expect("NVMe");
        assert_eq!(tier, TierEnum::Advanced);
        assert_eq!(nvme.in_currency(&CurrencyEnum::Inr), Some(30.0));
        assert_eq!(data.metadata.supported_currencies.len(), 3);
        assert_eq!(
            data.metadata.authenticated_user.as_deref(),
            Some(account_id.as_str())
        );
    }
    assert_eq!(got.pricing_data.gpus, posted.pricing_data.gpus);
    assert_eq!(got.pricing_data.volumes, posted.pricing_data.volumes);
    assert_eq!(got.pricing_data.snapshots, posted.pricing_data.snapshots);

    let canada = api
        .list_os_images(&RegionQuery {
            region: Some(RegionEnum::Canada1),
        })
        .await
        .unwrap();
    assert_eq!(canada.images.len(), 4);
    assert!(canada
        .images
        .iter()
        .all(|i| i.region == RegionEnum::Canada1));
    assert!(canada.images.iter().any(|i| i.docker));
    assert!(canada
        .images
        .iter()
        .all(|i| i.default_user.as_deref() == Some("ubuntu") && i.name.contains("CUDA")));
    let all = api.list_os_images(&RegionQuery::default()).await.unwrap();
    assert_eq!(all.images.len(), 12);
    let ids: BTreeSet<&str> = all.images.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), 12, "OS image ids are unique across regions");

    env.assert_sent(ACCOUNT_OPS).await;
    env.stop().await;
}

// ---------------------------------------------------------------------------------------
// Instances: deploy, power states, public IP, security rules, billing, delete

#[tokio::test]
async fn instance_lifecycle() {
    let env = Env::new().await;
    let api = &env.api;
    let key = env.import_key("lifecycle").await;

    // t = 0: deploy.
    let vm = env.deploy("train-1", RegionEnum::Canada1, &key).await;
    let id = vm.id.clone();
    assert!(vm.public_ip_enabled && vm.public_ip.is_some());
    assert_eq!(env.status(&id).await, VMStatus::Creating);
    // Transitional: power actions are refused.
    assert_code(api.stop_instance(&id).await, ErrorCode::Conflict);

    // t = 2.5: ACTIVE since t = 2, with a server UUID.
    env.advance(2.5).await;
    let active = api.get_instance(&id).await.unwrap().instance;
    assert_eq!(active.status, VMStatus::Active);
    assert!(active.server_uuid.is_some());
    assert_eq!(active.flavor.storage_gb, 100);

    let all = api
        .list_instances(&InstanceListQuery::default())
        .await
        .unwrap();
    assert_eq!(all.total, 1);
    assert_eq!(all.instances[0].id, id);
    let running = api
        .list_instances(&InstanceListQuery {
            status: Some(VMStatus::Active),
            region: Some(RegionEnum::Canada1),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(running.instances.len(), 1);
    let elsewhere = api
        .list_instances(&InstanceListQuery {
            region: Some(RegionEnum::Norway1),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(elsewhere.total, 0);

    // The key now reports its user and cannot be deleted.
    let used = api.get_ssh_key(&key).await.unwrap().ssh_key;
    assert_eq!(used.used_by, vec![id.clone()]);
    assert_code(api.delete_ssh_key(&key).await, ErrorCode::Conflict);

    // Public IP off and on again.
    let off = api
        .toggle_instance_public_ip(&id, &TogglePublicIpRequest { enabled: false })
        .await
        .unwrap();
    assert_eq!(off.instance_id, id);
    assert!(!off.public_ip_enabled);
    assert_eq!(off.public_ip, None);
    assert_eq!(
        api.get_instance(&id).await.unwrap().instance.public_ip,
        None
    );
    let on = api
        .toggle_instance_public_ip(&id, &TogglePublicIpRequest { enabled: true })
        .await
        .unwrap();
    assert!(on.public_ip_enabled);
    let ip = on.public_ip.expect("a public IP");
    assert!(ip.starts_with("203.0.113."), "{ip}");
    assert_eq!(
        api.get_instance(&id).await.unwrap().instance.public_ip,
        Some(ip)
    );

    // Security rule: add, see, refuse a duplicate, remove.
    let rule = tcp_rule(8080, "198.51.100.0/24");
    let added = api.add_instance_security_rule(&id, &rule).await.unwrap();
    assert_eq!(added.instance_id, id);
    assert!(!added.rule.id.is_empty());
    assert_eq!(VMSecurityRuleRequest::from_rule(&added.rule), rule);
    let rules = api.get_instance(&id).await.unwrap().instance.security_rules;
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].id, added.rule.id);
    assert_eq!(rules[0].port_range_min, Some(8080));
    assert_code(
        api.add_instance_security_rule(&id, &rule).await,
        ErrorCode::Conflict,
    );
    let removed = api
        .remove_instance_security_rule(&id, &added.rule.id)
        .await
        .unwrap();
    assert_eq!(removed.instance_id, id);
    assert_eq!(removed.rule_id, added.rule.id);
    assert!(api
        .get_instance(&id)
        .await
        .unwrap()
        .instance
        .security_rules
        .is_empty());
    assert_code(
        api.remove_instance_security_rule(&id, &added.rule.id).await,
        ErrorCode::NotFound,
    );

    // t = 2.5 → 4: reboot.
    let reboot = api.reboot_instance(&id).await.unwrap();
    assert_eq!(reboot.instance_id, id);
    assert_eq!(reboot.status, Some(VMStatus::Rebooting));
    assert_eq!(env.status(&id).await, VMStatus::Rebooting);
    env.advance(1.5).await;
    assert_eq!(env.status(&id).await, VMStatus::Active);

    // t = 4 → 5.5: stop.
    let stop = api.stop_instance(&id).await.unwrap();
    assert_eq!(stop.status, Some(VMStatus::Stopping));
    assert_eq!(env.status(&id).await, VMStatus::Stopping);
    env.advance(1.5).await;
    assert_eq!(env.status(&id).await, VMStatus::Shutoff);
    assert_code(api.hibernate_instance(&id).await, ErrorCode::Conflict);

    // t = 5.5 → 7: start; ACTIVE from 6.5.
    let start = api.start_instance(&id).await.unwrap();
    assert_eq!(start.status, Some(VMStatus::Starting));
    env.advance(1.5).await;
    assert_eq!(env.status(&id).await, VMStatus::Active);

    // t = 7 → 17 running, then hibernate; HIBERNATED from 19.
    env.advance(10.0).await;
    let hib = api.hibernate_instance(&id).await.unwrap();
    assert_eq!(hib.status, Some(VMStatus::Hibernating));
    assert_eq!(api.get_hibernated_instances_count().await.unwrap().count, 0);
    env.advance(2.5).await;
    let hibernated = api.get_instance(&id).await.unwrap().instance;
    assert_eq!(hibernated.status, VMStatus::Hibernated);
    let count = api.get_hibernated_instances_count().await.unwrap();
    assert_eq!(count.count, 1);
    assert_eq!(count.instances.len(), 1);
    let recent = &count.instances[0];
    assert_eq!(recent.instance_id, id);
    assert_eq!(recent.name, "train-1");
    assert_eq!(recent.region, RegionEnum::Canada1);
    assert_eq!(recent.gpu_model, GpuModelEnum::RtxA6000);
    assert_eq!(recent.hibernated_at, hibernated.status_changed_at);
    assert_close(count.billing.hourly_rate, 0.01);
    assert_close(count.billing.total_hourly_cost, 0.01);
    assert_eq!(count.billing.currency, CurrencyEnum::Usd);
    assert_code(api.start_instance(&id).await, ErrorCode::Conflict);

    // t = 19.5 → 29.5 hibernated, then restore; ACTIVE from 31.5.
    env.advance(10.0).await;
    let restore = api.restore_instance(&id).await.unwrap();
    assert_eq!(restore.status, Some(VMStatus::Restoring));
    assert_eq!(env.status(&id).await, VMStatus::Restoring);
    env.advance(2.5).await;
    assert_eq!(env.status(&id).await, VMStatus::Active);
    assert_eq!(api.get_hibernated_instances_count().await.unwrap().count, 0);

    // Billing: the 10.5 minutes running (t = 6.5–17) bill 10 whole minutes at the full
    // rate, the 10.5 hibernated minutes (t = 19–29.5) 10 at USD 0.01/h.
    let bill = api.get_instance_billing(&for_resource(&id)).await.unwrap();
    assert!(bill.success);
    assert_eq!(bill.currency, Some(CurrencyEnum::Usd));
    assert_eq!(bill.total as usize, bill.records.len());
    assert!(bill.records.iter().all(|r| r.instance_id == id
        && r.vm_name == "train-1"
        && r.gpu_type == GpuModelEnum::RtxA6000
        && r.gpu_count == 1));
    let open: Vec<&BillingRecord> = bill
        .records
        .iter()
        .filter(|r| r.end_time.is_none())
        .collect();
    assert_eq!(open.len(), 1, "only the running record is open");
    assert_eq!(open[0].status, BillingStatus::Active);
    assert_eq!(bill.summary.active_count, 1);
    assert_eq!(bill.summary.hibernated_count, 0);
    assert_eq!(bill.summary.completed_count, bill.total - 1);
    let full_rate = 0.69 / 60.0;
    let long_run = bill
        .records
        .iter()
        .find(|r| r.total_duration_minutes == 10.0 && r.per_minute_rate > 0.001)
        .expect("the 10-minute running record");
    assert_close(long_run.per_minute_rate, full_rate);
    assert_close(long_run.total_cost, 10.0 * full_rate);
    assert_eq!(long_run.status, BillingStatus::Completed);
    let hib_rec = bill
        .records
        .iter()
        .find(|r| {
            r.description
                .as_deref()
                .unwrap_or("")
                .starts_with("Hibernation")
        })
        .expect("the hibernation record");
    assert_close(hib_rec.per_minute_rate, 0.01 / 60.0);
    assert_eq!(hib_rec.total_duration_minutes, 10.0);
    assert_close(hib_rec.total_cost, 10.0 * 0.01 / 60.0);
    let sum: f64 = bill.records.iter().map(|r| r.total_cost).sum();
    assert_close(bill.summary.total_cost, sum);
    assert_close(
        bill.summary.total_cost,
        10.0 * full_rate + 10.0 * 0.01 / 60.0,
    );
    // What was billed is what left the balance (the balance is shown to the cent).
    let balance = api.get_balance().await.unwrap().primary();
    assert!(
        (START_BALANCE - bill.summary.total_cost - balance).abs() < 0.006,
        "balance {balance}, billed {}",
        bill.summary.total_cost
    );

    // Delete: DELETING, then DELETED and gone from the default list.
    let del = api.delete_instance(&id).await.unwrap();
    assert_eq!(del.instance_id, id);
    assert_eq!(del.status, Some(VMStatus::Deleting));
    env.advance(1.5).await;
    assert_eq!(env.status(&id).await, VMStatus::Deleted);
    let after = api
        .list_instances(&InstanceListQuery::default())
        .await
        .unwrap();
    assert_eq!(after.total, 0);
    let deleted = api
        .list_instances(&InstanceListQuery {
            status: Some(VMStatus::Deleted),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(deleted.instances.len(), 1);
    let closed = api.get_instance_billing(&for_resource(&id)).await.unwrap();
    assert!(closed.records.iter().all(|r| r.end_time.is_some()));
    // The key is free again.
    assert_eq!(api.delete_ssh_key(&key).await.unwrap().id, Some(key));

    env.assert_sent(INSTANCE_OPS).await;
    env.stop().await;
}

// ---------------------------------------------------------------------------------------
// Firewalls

#[tokio::test]
async fn firewalls() {
    let env = Env::new().await;
    let api = &env.api;
    let key = env.import_key("fw").await;

    let protocols = api.get_firewall_protocols().await.unwrap().protocols;
    let ports: BTreeMap<&str, bool> = protocols
        .iter()
        .map(|p| (p.value.as_str(), p.supports_ports))
        .collect();
    assert_eq!(
        ports,
        BTreeMap::from([("icmp", false), ("tcp", true), ("udp", true)])
    );

    let created = api
        .create_firewall(&CreateFirewallRequest {
            name: "web-ssh".into(),
            description: Some("SSH from anywhere".into()),
            region: RegionEnum::Canada1,
        })
        .await
        .unwrap()
        .firewall;
    let fw = created.id.clone();
    assert_eq!(created.status, FirewallStatus::Creating);
    assert_eq!(created.region, RegionEnum::Canada1);
    assert_eq!(created.description.as_deref(), Some("SSH from anywhere"));
    assert!(created.rules.is_empty() && created.attachments.is_empty());

    let vm = env.deploy("fw-target", RegionEnum::Canada1, &key).await.id;
    let far = env.deploy("fw-far", RegionEnum::Norway1, &key).await.id;
    // Still CREATING: listed as not eligible, with the reason; other regions filtered out.
    let early = api
        .list_firewall_eligible_instances(&RegionQuery {
            region: Some(RegionEnum::Canada1),
        })
        .await
        .unwrap()
        .instances;
    assert_eq!(early.len(), 1);
    assert_eq!(early[0].id, vm);
    assert!(!early[0].eligible);
    assert!(
        early[0]
            .reason
            .as_deref()
            .unwrap_or("")
            .contains("CREATING"),
        "{:?}",
        early[0].reason
    );
    assert_code(
        api.attach_firewall(
            &fw,
            &AttachFirewallRequest {
                instance_ids: vec![vm.clone()],
            },
        )
        .await,
        ErrorCode::Conflict,
    );

    env.advance(2.5).await;
    let ready = api.get_firewall(&fw).await.unwrap().firewall;
    assert_eq!(ready.status, FirewallStatus::Success);
    assert_eq!(ready.name, "web-ssh");
    let eligible = api
        .list_firewall_eligible_instances(&RegionQuery {
            region: Some(RegionEnum::Canada1),
        })
        .await
        .unwrap()
        .instances;
    assert_eq!(eligible.len(), 1);
    assert!(eligible[0].eligible);
    assert_eq!(eligible[0].status, VMStatus::Active);
    assert!(eligible[0].server_uuid.is_some());
    assert_eq!(eligible[0].reason, None);

    let ssh = api
        .add_firewall_rule(&fw, &tcp_rule(22, "0.0.0.0/0"))
        .await
        .unwrap();
    assert_eq!(ssh.firewall_id, fw);
    assert_eq!(ssh.rule.port_range_min, Some(22));
    assert_eq!(ssh.rule.protocol, ProtocolEnum::Tcp);
    let ping = api
        .add_firewall_rule(
            &fw,
            &VMSecurityRuleRequest {
                direction: DirectionEnum::Ingress,
                protocol: ProtocolEnum::Icmp,
                ethertype: EthertypeEnum::IPv6,
                remote_ip_prefix: "::/0".into(),
                port_range_min: None,
                port_range_max: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(ping.rule.ethertype, EthertypeEnum::IPv6);
    assert_eq!(ping.rule.port_range_min, None);
    assert_code(
        api.add_firewall_rule(&fw, &tcp_rule(22, "0.0.0.0/0")).await,
        ErrorCode::Conflict,
    );
    let rule_ids: Vec<String> = api
        .get_firewall(&fw)
        .await
        .unwrap()
        .firewall
        .rules
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(rule_ids, vec![ssh.rule.id.clone(), ping.rule.id.clone()]);

    // Attach: another region is refused; the ACTIVE VM here is ATTACHING, then SUCCESS.
    assert_code(
        api.attach_firewall(
            &fw,
            &AttachFirewallRequest {
                instance_ids: vec![far.clone()],
            },
        )
        .await,
        ErrorCode::Validation,
    );
    let attached = api
        .attach_firewall(
            &fw,
            &AttachFirewallRequest {
                instance_ids: vec![vm.clone()],
            },
        )
        .await
        .unwrap();
    assert_eq!(attached.firewall_id, fw);
    assert_eq!(attached.attachments.len(), 1);
    assert_eq!(attached.attachments[0].instance_id, vm);
    assert_eq!(attached.attachments[0].instance_name, "fw-target");
    assert_eq!(attached.attachments[0].instance_status, VMStatus::Active);
    assert_eq!(attached.attachments[0].status, AttachmentStatus::Attaching);
    env.advance(1.0).await;
    let on_vm = api.get_instance_firewalls(&vm).await.unwrap();
    assert_eq!(on_vm.instance_id, vm);
    assert_eq!(on_vm.firewalls.len(), 1);
    let seen = &on_vm.firewalls[0];
    assert_eq!(seen.firewall_id, fw);
    assert_eq!(seen.name, "web-ssh");
    assert_eq!(seen.status, FirewallStatus::Success);
    assert_eq!(seen.attachment_status, AttachmentStatus::Success);
    assert_eq!(seen.rules_count, 2);
    assert_eq!(
        api.get_instance(&vm).await.unwrap().instance.firewall_ids,
        vec![fw.clone()]
    );
    assert!(api
        .get_instance_firewalls(&far)
        .await
        .unwrap()
        .firewalls
        .is_empty());

    let here = api
        .list_firewalls(&by_region(RegionEnum::Canada1))
        .await
        .unwrap();
    assert_eq!(here.total, 1);
    assert_eq!(here.firewalls[0].id, fw);
    assert_eq!(here.firewalls[0].attachments.len(), 1);
    let there = api
        .list_firewalls(&by_region(RegionEnum::Norway1))
        .await
        .unwrap();
    assert_eq!(there.total, 0);

    let removed = api.remove_firewall_rule(&fw, &ssh.rule.id).await.unwrap();
    assert_eq!(removed.firewall_id, fw);
    assert_eq!(removed.rule_id, ssh.rule.id);
    let left = api.get_firewall(&fw).await.unwrap().firewall.rules;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, ping.rule.id);
    assert_eq!(
        api.get_instance_firewalls(&vm).await.unwrap().firewalls[0].rules_count,
        1
    );

    // Attached firewalls cannot be deleted. Detaching (the inferred operation) needs a VM,
    // one the firewall protects, and leaves the others attached.
    assert_code(api.delete_firewall(&fw).await, ErrorCode::Conflict);
    let second = env.deploy("fw-second", RegionEnum::Canada1, &key).await.id;
    env.advance(2.5).await;
    let both = AttachFirewallRequest {
        instance_ids: vec![vm.clone(), second.clone()],
    };
    assert_eq!(
        api.attach_firewall(&fw, &both)
            .await
            .unwrap()
            .attachments
            .len(),
        2
    );
    let detach = |ids: &[&str]| DetachFirewallRequest {
        instance_ids: ids.iter().map(|id| id.to_string()).collect(),
    };
    // An empty list or a blank id is refused before sending (the body validates itself).
    for bad in [detach(&[]), detach(&[" "])] {
        let refused = api.detach_firewall(&fw, &bad).await.unwrap_err();
        assert_eq!(
            (refused.code, refused.field.as_deref()),
            (ErrorCode::Validation, Some("instance_ids"))
        );
    }
    assert_code(
        api.detach_firewall(&fw, &detach(&[&far])).await,
        ErrorCode::Validation,
    );
    let detached = api.detach_firewall(&fw, &detach(&[&second])).await.unwrap();
    assert_eq!(detached.firewall_id, fw);
    let left: Vec<&str> = detached
        .attachments
        .iter()
        .map(|a| a.instance_id.as_str())
        .collect();
    assert_eq!(left, vec![vm.as_str()]);
    assert!(api
        .get_instance(&second)
        .await
        .unwrap()
        .instance
        .firewall_ids
        .is_empty());
    // Attaching the empty list (the complete set afterwards) detaches the rest.
    let detached = api
        .attach_firewall(&fw, &AttachFirewallRequest::default())
        .await
        .unwrap();
    assert!(detached.attachments.is_empty());
    assert!(api
        .get_instance_firewalls(&vm)
        .await
        .unwrap()
        .firewalls
        .is_empty());
    assert!(api
        .get_instance(&vm)
        .await
        .unwrap()
        .instance
        .firewall_ids
        .is_empty());
    assert!(api
        .get_firewall(&fw)
        .await
        .unwrap()
        .firewall
        .attachments
        .is_empty());

    let deleted = api.delete_firewall(&fw).await.unwrap();
    assert!(deleted.success);
    assert_eq!(deleted.id.as_deref(), Some(fw.as_str()));
    assert_code(api.get_firewall(&fw).await, ErrorCode::NotFound);
    assert_eq!(
        api.list_firewalls(&RegionPageQuery::default())
            .await
            .unwrap()
            .total,
        0
    );

    env.assert_sent(FIREWALL_OPS).await;
    env.stop().await;
}

// ---------------------------------------------------------------------------------------
// SSH keys and startup scripts

#[tokio::test]
async fn ssh_keys_and_scripts() {
    let env = Env::new().await;
    let api = &env.api;

    let imported = api
        .create_ssh_key(&CreateSSHKeyRequest {
            name: "laptop".into(),
            public_key: Some(ED25519_PUBLIC.into()),
        })
        .await
        .unwrap();
    assert!(imported.success);
    assert_eq!(imported.private_key, None);
    let laptop = imported.ssh_key;
    assert_eq!(laptop.name, "laptop");
    assert_eq!(laptop.public_key, ED25519_PUBLIC);
    assert_eq!(laptop.fingerprint.as_deref(), Some(ED25519_FINGERPRINT));
    assert!(laptop.used_by.is_empty());
    assert_code(
        api.create_ssh_key(&CreateSSHKeyRequest {
            name: "laptop-again".into(),
            public_key: Some(ED25519_PUBLIC.into()),
        })
        .await,
        ErrorCode::Conflict,
    );

    let generated = api
        .create_ssh_key(&CreateSSHKeyRequest {
            name: "generated".into(),
            public_key: None,
        })
        .await
        .unwrap();
    let private = generated
        .private_key
        .expect("a generated key comes with its private half");
    assert!(
        private.starts_with("-----BEGIN RSA PRIVATE KEY-----"),
        "{}",
        &private[..40.min(private.len())]
    );
    assert!(private
        .trim_end()
        .ends_with("-----END RSA PRIVATE KEY-----"));
    let gen_key = generated.ssh_key;
    // "ssh-rsa" and the base64 of its own length-prefixed type name.
    assert!(
        gen_key.public_key.starts_with("ssh-rsa AAAAB3NzaC1yc2E"),
        "{}",
        gen_key.public_key
    );
    assert!(gen_key
        .fingerprint
        .as_deref()
        .is_some_and(|f| f.starts_with("SHA256:")));
    assert_ne!(gen_key.fingerprint, laptop.fingerprint);

    let got = api.get_ssh_key(&laptop.id).await.unwrap().ssh_key;
    assert_eq!(got, laptop);
    let got = api.get_ssh_key(&gen_key.id).await.unwrap().ssh_key;
    assert_eq!(got.public_key, gen_key.public_key);

    let listed = api.list_ssh_keys().await.unwrap().ssh_keys;
    let names: BTreeSet<&str> = listed.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["generated", "laptop"]));

    let deleted = api.delete_ssh_key(&laptop.id).await.unwrap();
    assert_eq!(deleted.id.as_deref(), Some(laptop.id.as_str()));
    assert_code(api.get_ssh_key(&laptop.id).await, ErrorCode::NotFound);
    let listed = api.list_ssh_keys().await.unwrap().ssh_keys;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, gen_key.id);

    // Scripts.
    let mut ids = Vec::new();
    for (name, content) in [
        ("install-deps", "#!/bin/bash\napt-get install -y git\n"),
        ("mount-data", "#!/bin/bash\nmount /dev/vdb /data\n"),
        ("warm-cache", "#!/bin/bash\necho warm\n"),
    ] {
        let created = api
            .create_script(&CreateScriptRequest {
                name: name.into(),
                content: content.into(),
                description: Some(format!("{name} at boot")),
            })
            .await
            .unwrap()
            .script;
        assert_eq!(created.name, name);
        assert_eq!(created.content, content);
        assert_eq!(created.description, Some(format!("{name} at boot")));
        ids.push(created.id);
    }
    assert_code(
        api.create_script(&CreateScriptRequest {
            name: "INSTALL-DEPS".into(),
            content: "echo".into(),
            description: None,
        })
        .await,
        ErrorCode::Conflict,
    );
    let got = api.get_script(&ids[0]).await.unwrap().script;
    assert_eq!(got.name, "install-deps");
    assert_eq!(got.content, "#!/bin/bash\napt-get install -y git\n");

    let updated = api
        .update_script(
            &ids[0],
            &UpdateScriptRequest {
                content: Some("#!/bin/bash\napt-get install -y git curl\n".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .script;
    assert_eq!(updated.id, ids[0]);
    assert_eq!(updated.name, "install-deps", "unchanged fields stay");
    assert_eq!(updated.description.as_deref(), Some("install-deps at boot"));
    assert_eq!(
        updated.content,
        "#!/bin/bash\napt-get install -y git curl\n"
    );
    assert_eq!(api.get_script(&ids[0]).await.unwrap().script, updated);

    let listed = api.list_scripts().await.unwrap().scripts;
    let listed_ids: BTreeSet<&str> = listed.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(listed_ids, ids.iter().map(String::as_str).collect());

    let one = api.delete_script(&ids[0]).await.unwrap();
    assert_eq!(one.id.as_deref(), Some(ids[0].as_str()));
    assert_code(api.get_script(&ids[0]).await, ErrorCode::NotFound);
    let bulk = api
        .delete_scripts(&DeleteScriptsRequest {
            ids: vec![ids[1].clone(), ids[2].clone(), ids[0].clone()],
        })
        .await
        .unwrap();
    assert_eq!(bulk.deleted, vec![ids[1].clone(), ids[2].clone()]);
    assert_eq!(bulk.not_found, vec![ids[0].clone()]);
    assert!(api.list_scripts().await.unwrap().scripts.is_empty());

    env.assert_sent(KEY_AND_SCRIPT_OPS).await;
    env.stop().await;
}

// ---------------------------------------------------------------------------------------
// Snapshots and custom images

#[tokio::test]
async fn snapshots_and_images() {
    let env = Env::new().await;
    let api = &env.api;
    let key = env.import_key("snap").await;
    let norway = || RegionQuery {
        region: Some(RegionEnum::Norway1),
    };

    // t = 0: deploy; a CREATING VM is not eligible.
    let vm = env.deploy("source-vm", RegionEnum::Norway1, &key).await;
    assert!(api
        .list_snapshot_eligible_instances(&norway())
        .await
        .unwrap()
        .instances
        .is_empty());
    assert_code(
        api.create_snapshot(&CreateSnapshotRequest {
            instance_id: vm.id.clone(),
            name: "too-early".into(),
            ..Default::default()
        })
        .await,
        ErrorCode::Conflict,
    );

    // t = 2.5: ACTIVE, eligible in its region only.
    env.advance(2.5).await;
    let eligible = api
        .list_snapshot_eligible_instances(&norway())
        .await
        .unwrap()
        .instances;
    assert_eq!(eligible.len(), 1);
    assert_eq!(eligible[0].id, vm.id);
    assert_eq!(eligible[0].status, VMStatus::Active);
    assert!(api
        .list_snapshot_eligible_instances(&RegionQuery {
            region: Some(RegionEnum::Us1),
        })
        .await
        .unwrap()
        .instances
        .is_empty());

    let created = api
        .create_snapshot(&CreateSnapshotRequest {
            instance_id: vm.id.clone(),
            name: "base-snap".into(),
            description: Some("drivers installed".into()),
            is_image: false,
        })
        .await
        .unwrap()
        .snapshot;
    let snap = created.id.clone();
    assert_eq!(created.status, SnapshotStatus::Creating);
    assert_eq!(created.instance_id, vm.id);
    assert_eq!(created.instance_name.as_deref(), Some("source-vm"));
    assert_eq!(created.region, RegionEnum::Norway1);
    assert_eq!(created.description.as_deref(), Some("drivers installed"));
    assert!(
        created.size_gb > 0.0 && created.size_gb < 100.0,
        "{}",
        created.size_gb
    );
    let cfg = created
        .vm_config
        .clone()
        .expect("the source VM's configuration");
    assert_eq!(cfg.gpu_model, Some(GpuModelEnum::RtxA6000));
    assert_eq!(cfg.gpu_count, Some(1));
    assert_eq!(cfg.region, RegionEnum::Norway1);
    // Not yet SUCCESS: no image, no restore.
    assert_code(
        api.create_image(&CreateImageFromSnapshotRequest {
            snapshot_id: snap.clone(),
            name: "early-image".into(),
            description: None,
        })
        .await,
        ErrorCode::Conflict,
    );
    assert_code(
        api.restore_snapshot(&snap, &RestoreSnapshotRequest::default())
            .await,
        ErrorCode::Conflict,
    );
    // The VM keeps running while the snapshot is taken.
    assert_eq!(env.status(&vm.id).await, VMStatus::Active);

    // t = 6: SUCCESS since 5.5 (billing from then on).
    env.advance(3.5).await;
    let done = api.get_snapshot(&snap).await.unwrap().snapshot;
    assert_eq!(done.status, SnapshotStatus::Success);
    assert_eq!(done.name, "base-snap");
    assert_eq!(done.size_gb, created.size_gb);
    let listed = api
        .list_snapshots(&by_region(RegionEnum::Norway1))
        .await
        .unwrap();
    assert_eq!(listed.total, 1);
    assert_eq!(listed.snapshots[0].id, snap);
    assert_eq!(
        api.list_snapshots(&by_region(RegionEnum::Canada1))
            .await
            .unwrap()
            .total,
        0
    );

    // Restore into a new VM named "{snapshot}-restored".
    let restored = api
        .restore_snapshot(&snap, &RestoreSnapshotRequest::default())
        .await
        .unwrap();
    assert_eq!(restored.snapshot_id, snap);
    assert_ne!(restored.instance_id, vm.id);
    let new_vm = restored.instance.expect("the new VM");
    assert_eq!(new_vm.id, restored.instance_id);
    assert_eq!(new_vm.name, "base-snap-restored");
    assert_eq!(new_vm.status, VMStatus::Creating);
    assert_eq!(new_vm.region, RegionEnum::Norway1);
    assert_eq!(new_vm.image.id, snap);
    assert_eq!(new_vm.flavor.gpu_model, GpuModelEnum::RtxA6000);
    assert_eq!(new_vm.ssh_key_ids, vec![key.clone()]);
    // Same default name again: taken.
    assert_code(
        api.restore_snapshot(&snap, &RestoreSnapshotRequest::default())
            .await,
        ErrorCode::Conflict,
    );
    // A snapshot being restored cannot be deleted.
    assert_code(api.delete_snapshot(&snap).await, ErrorCode::Conflict);
    env.advance(2.5).await; // t = 8.5
    assert_eq!(env.status(&new_vm.id).await, VMStatus::Active);

    // Image from the SUCCESS snapshot; AVAILABLE after 3 minutes (t = 12).
    let image = api
        .create_image(&CreateImageFromSnapshotRequest {
            snapshot_id: snap.clone(),
            name: "base-image".into(),
            description: Some("for training VMs".into()),
        })
        .await
        .unwrap()
        .image;
    let image_id = image.id.clone();
    assert_eq!(image.status, ImageStatus::Creating);
    assert_eq!(image.snapshot_id.as_deref(), Some(snap.as_str()));
    assert_eq!(image.snapshot_name.as_deref(), Some("base-snap"));
    assert_eq!(image.region, RegionEnum::Norway1);
    assert_eq!(image.size_gb, created.size_gb);
    env.advance(3.5).await;
    let ready = api.get_image(&image_id).await.unwrap().image;
    assert_eq!(ready.status, ImageStatus::Available);
    assert_eq!(ready.name, "base-image");
    assert_eq!(ready.description.as_deref(), Some("for training VMs"));
    let images = api
        .list_images(&by_region(RegionEnum::Norway1))
        .await
        .unwrap();
    assert_eq!(images.total, 1);
    assert_eq!(images.images[0].id, image_id);
    assert_eq!(
        api.list_images(&by_region(RegionEnum::Us1))
            .await
            .unwrap()
            .total,
        0
    );

    let rel = api.get_snapshot_images(&snap).await.unwrap();
    assert_eq!(rel.snapshot_id, snap);
    assert_eq!(rel.snapshot_name.as_deref(), Some("base-snap"));
    assert_eq!(rel.images.len(), 1);
    assert_eq!(rel.images[0].id, image_id);
    let unknown = "BRK-999999S".to_owned();
    let batch = api
        .get_snapshot_images_batch(&GetBatchSnapshotImageRelationshipsRequest {
            snapshot_ids: vec![snap.clone(), unknown.clone()],
        })
        .await
        .unwrap()
        .relationships;
    assert_eq!(batch.len(), 2);
    assert_eq!(batch[0].snapshot_id, snap);
    assert_eq!(batch[0].snapshot_name.as_deref(), Some("base-snap"));
    assert_eq!(batch[0].images.len(), 1);
    assert_eq!(batch[0].images[0].id, image_id);
    assert_eq!(batch[1].snapshot_id, unknown);
    assert!(batch[1].images.is_empty());

    // t = 22: the snapshot has been billed from 5.5, i.e. 16 whole minutes at the fixed
    // 100 GB price of USD 0.10/h.
    env.advance(10.0).await;
    let bill = api
        .get_snapshot_billing(&for_resource(&snap))
        .await
        .unwrap();
    assert_eq!(bill.total, 1);
    assert_eq!(bill.tier, Some(TierEnum::Legacy));
    let rec = &bill.records[0];
    assert_eq!(rec.snapshot_id, snap);
    assert_eq!(rec.snapshot_name, "base-snap");
    assert_eq!(rec.size_gb, 100);
    assert_eq!(rec.status, BillingStatus::Active);
    assert_eq!(rec.end_time, None);
    assert_eq!(rec.total_duration_minutes, 16.0);
    assert_close(rec.per_minute_rate, 0.1 / 60.0);
    assert_close(rec.total_cost, 16.0 * 0.1 / 60.0);
    assert_eq!(bill.summary.active_count, 1);
    assert_eq!(bill.summary.total_size_gb, 100.0);
    assert_close(bill.summary.total_cost, rec.total_cost);

    let del_img = api.delete_image(&image_id).await.unwrap();
    assert_eq!(del_img.id.as_deref(), Some(image_id.as_str()));
    assert_code(api.get_image(&image_id).await, ErrorCode::NotFound);
    assert_eq!(
        api.list_images(&RegionPageQuery::default())
            .await
            .unwrap()
            .total,
        0
    );
    assert!(api
        .get_snapshot_images(&snap)
        .await
        .unwrap()
        .images
        .is_empty());

    let del = api.delete_snapshot(&snap).await.unwrap();
    assert_eq!(del.id.as_deref(), Some(snap.as_str()));
    assert_code(api.get_snapshot(&snap).await, ErrorCode::NotFound);
    let closed = api
        .get_snapshot_billing(&for_resource(&snap))
        .await
        .unwrap();
    assert_eq!(closed.records.len(), 1);
    assert!(closed.records[0].end_time.is_some());
    assert_eq!(closed.records[0].status, BillingStatus::Completed);
    assert_eq!(closed.records[0].total_duration_minutes, 16.0);
    assert_eq!(closed.summary.active_count, 0);
    // The restored VM does not depend on the snapshot.
    assert_eq!(env.status(&new_vm.id).await, VMStatus::Active);

    env.assert_sent(SNAPSHOT_AND_IMAGE_OPS).await;
    env.stop().await;
}

// ---------------------------------------------------------------------------------------
// AI

#[tokio::test]
async fn ai() {
    let env = Env::new().await;
    let api = &env.api;

    let models = api.ai_models().await.unwrap().models;
    assert_eq!(models.len(), 3);
    assert!(models.iter().all(|m| m.currency == Some(CurrencyEnum::Usd)
        && m.input_price_per_1k.is_some_and(|p| p > 0.0)
        && m.context_length.is_some_and(|c| c > 0)));
    let small = models
        .iter()
        .find(|m| m.id == "llama-3.1-8b-instruct")
        .expect("the 8B model");
    let big = models
        .iter()
        .find(|m| m.id == "llama-3.1-70b-instruct")
        .expect("the 70B model");

    let empty = api.ai_usage_summary().await.unwrap();
    assert_eq!(empty.total_requests, 0);
    assert!(empty.by_model.is_empty());

    let ask = |model: &str, question: &str| ChatCompletionsRequest {
        model: model.into(),
        messages: vec![
            ChatMessage {
                role: "system".into(),
                content: "You answer questions about Barrack.".into(),
            },
            ChatMessage {
                role: "user".into(),
                content: question.into(),
            },
        ],
        max_tokens: None,
        temperature: Some(0.2),
    };
    let first = api
        .ai_chat(&ask(&small.id, "How does hibernation work?"))
        .await
        .unwrap();
    assert_eq!(first.model, small.id);
    assert_eq!(first.choices.len(), 1);
    let reply = &first.choices[0];
    assert_eq!(reply.message.role, "assistant");
    assert!(
        reply.message.content.contains("Hibernation"),
        "{}",
        reply.message.content
    );
    assert!(reply.message.content.contains("How does hibernation work?"));
    assert_eq!(reply.finish_reason.as_deref(), Some("stop"));
    let u = &first.usage;
    assert!(u.prompt_tokens > 0 && u.completion_tokens > 0);
    assert_eq!(u.total_tokens, u.prompt_tokens + u.completion_tokens);
    let price = small.input_price_per_1k.unwrap();
    assert_close(first.cost, u.total_tokens as f64 * price / 1000.0);
    assert_eq!(first.currency, Some(CurrencyEnum::Usd));

    let second = api
        .ai_chat(&ask(&big.id, "What does a snapshot cost?"))
        .await
        .unwrap();
    assert_eq!(second.model, big.id);
    assert_ne!(second.id, first.id);
    assert_code(
        api.ai_chat(&ask("no-such-model", "hello")).await,
        ErrorCode::Validation,
    );

    let summary = api.ai_usage_summary().await.unwrap();
    assert_eq!(summary.total_requests, 2);
    assert_eq!(
        summary.total_tokens,
        first.usage.total_tokens + second.usage.total_tokens
    );
    assert_close(summary.total_cost, first.cost + second.cost);
    assert_eq!(summary.by_model.len(), 2);
    let small_usage = summary
        .by_model
        .iter()
        .find(|m| m.model == small.id)
        .expect("usage of the 8B model");
    assert_eq!(small_usage.requests, 1);
    assert_eq!(small_usage.tokens, first.usage.total_tokens);

    // History: newest first, one per page.
    let page1 = api.ai_usage_history(&PageQuery::new(1, 1)).await.unwrap();
    assert_eq!(page1.total, 2);
    assert_eq!(page1.total_pages, 2);
    assert_eq!(page1.transactions.len(), 1);
    assert_eq!(page1.transactions[0].id, second.id);
    assert_eq!(page1.transactions[0].model, big.id);
    let page2 = api.ai_usage_history(&PageQuery::new(2, 1)).await.unwrap();
    assert_eq!(page2.transactions.len(), 1);
    let tx = &page2.transactions[0];
    assert_eq!(tx.id, first.id);
    assert_eq!(tx.prompt_tokens, first.usage.prompt_tokens);
    assert_eq!(tx.completion_tokens, first.usage.completion_tokens);
    assert_close(tx.cost, first.cost);

    env.assert_sent(AI_OPS).await;
    env.stop().await;
}

// ---------------------------------------------------------------------------------------
// Volumes

#[tokio::test]
async fn volumes() {
    let env = Env::new().await;
    let api = &env.api;
    let key = env.import_key("vol").await;

    let types = api.list_volume_types().await.unwrap().volume_types;
    let offered: BTreeSet<&str> = types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(offered, BTreeSet::from(["HDD", "NVMe", "SSD"]));
    let ssd = types
        .iter()
        .find(|t| t.name == VolumeTypeEnum::Ssd)
        .unwrap();
    assert_eq!(ssd.tier, Some(TierEnum::Legacy));
    assert_eq!(ssd.min_size_gb, Some(100));

    let empty = api.list_volumes(&RegionPageQuery::default()).await.unwrap();
    assert_eq!(empty.total, 0);
    assert_eq!(empty.next_name.as_deref(), Some("volume1"));

    // Under the pricing endpoint's 100 GB minimum: refused by the server, naming the field.
    let e = assert_code(
        api.create_volume(&CreateVolumeRequest {
            name: "tiny".into(),
            region: RegionEnum::Canada1,
            size_gb: 50,
            ..Default::default()
        })
        .await,
        ErrorCode::Validation,
    );
    assert_eq!(e.field.as_deref(), Some("size_gb"));

    // t = 0: create; AVAILABLE from t = 1.
    let created = api
        .create_volume(&CreateVolumeRequest {
            name: "volume1".into(),
            region: RegionEnum::Canada1,
            size_gb: 150,
            volume_type: Some(VolumeTypeEnum::Ssd),
            bootable: false,
            os_image_id: None,
        })
        .await
        .unwrap()
        .volume;
    let vol = created.id.clone();
    assert_eq!(created.status, VolumeStatus::Creating);
    assert_eq!(created.size_gb, 150);
    assert_eq!(created.region, RegionEnum::Canada1);
    assert_eq!(created.volume_type, VolumeTypeEnum::Ssd);
    assert_eq!(created.tier, Some(TierEnum::Legacy));
    assert!(!created.bootable);
    assert_eq!(created.instance_id, None);
    let listed = api
        .list_volumes(&by_region(RegionEnum::Canada1))
        .await
        .unwrap();
    assert_eq!(listed.total, 1);
    assert_eq!(listed.next_name.as_deref(), Some("volume2"));
    assert_eq!(
        api.list_volumes(&by_region(RegionEnum::Us1))
            .await
            .unwrap()
            .total,
        0
    );

    let vm = env.deploy("vol-host", RegionEnum::Canada1, &key).await.id;
    let just_vol = AttachVolumesRequest {
        volume_ids: vec![vol.clone()],
    };
    // The VM is still CREATING.
    assert_code(
        api.attach_volumes(&vm, &just_vol).await,
        ErrorCode::Conflict,
    );

    // t = 2.5: volume AVAILABLE, VM ACTIVE.
    env.advance(2.5).await;
    assert_eq!(
        api.get_volume(&vol).await.unwrap().volume.status,
        VolumeStatus::Available
    );
    let attached = api.attach_volumes(&vm, &just_vol).await.unwrap();
    assert_eq!(attached.instance_id, vm);
    assert_eq!(attached.volumes.len(), 1);
    assert_eq!(attached.volumes[0].volume_id, vol);
    assert_eq!(attached.volumes[0].volume_name, "volume1");
    assert_eq!(attached.volumes[0].size_gb, 150);
    let seen = api.get_volume(&vol).await.unwrap().volume;
    assert_eq!(seen.status, VolumeStatus::Attached);
    assert_eq!(seen.instance_id.as_deref(), Some(vm.as_str()));
    assert_eq!(seen.instance_name.as_deref(), Some("vol-host"));
    assert_eq!(seen.instance_status, Some(VMStatus::Active));
    let on_vm = api.get_instance(&vm).await.unwrap().instance.volumes;
    assert_eq!(on_vm.len(), 1);
    assert_eq!(on_vm[0].volume_id, vol);
    assert_code(api.delete_volume(&vol).await, ErrorCode::Conflict);
    assert_code(
        api.attach_volumes(&vm, &just_vol).await,
        ErrorCode::Conflict,
    );

    let detached = api.detach_volumes(&vm, &just_vol).await.unwrap();
    assert_eq!(detached.instance_id, vm);
    assert!(detached.volumes.is_empty());
    let free = api.get_volume(&vol).await.unwrap().volume;
    assert_eq!(free.status, VolumeStatus::Available);
    assert_eq!(free.instance_id, None);
    assert!(api
        .get_instance(&vm)
        .await
        .unwrap()
        .instance
        .volumes
        .is_empty());
    assert_code(
        api.detach_volumes(&vm, &just_vol).await,
        ErrorCode::Conflict,
    );

    // Clone: same size, type and region; AVAILABLE after a minute (t = 4).
    let clone = api
        .clone_volume(
            &vol,
            &CloneVolumeRequest {
                name: "volume1-copy".into(),
            },
        )
        .await
        .unwrap()
        .volume;
    let copy = clone.id.clone();
    assert_ne!(copy, vol);
    assert_eq!(clone.name, "volume1-copy");
    assert_eq!(clone.status, VolumeStatus::Creating);
    assert_eq!(clone.size_gb, 150);
    assert_eq!(clone.region, RegionEnum::Canada1);
    assert_eq!(clone.volume_type, VolumeTypeEnum::Ssd);
    env.advance(1.5).await;
    assert_eq!(
        api.get_volume(&copy).await.unwrap().volume.status,
        VolumeStatus::Available
    );

    // Resize at t = 4: grow only.
    let grown = api
        .resize_volume(&vol, &ResizeVolumeRequest { size_gb: 300 })
        .await
        .unwrap()
        .volume;
    assert_eq!(grown.id, vol);
    assert_eq!(grown.size_gb, 300);
    assert_eq!(api.get_volume(&vol).await.unwrap().volume.size_gb, 300);
    let e = assert_code(
        api.resize_volume(&vol, &ResizeVolumeRequest { size_gb: 200 })
            .await,
        ErrorCode::Validation,
    );
    assert_eq!(e.field.as_deref(), Some("size_gb"));

    // t = 14. The original: 150 GB for t = 1–4 (3 minutes), then 300 GB from t = 4 (10 so
    // far), at USD 0.10 per TB per hour.
    env.advance(10.0).await;
    let bill = api.get_volume_billing(&for_resource(&vol)).await.unwrap();
    assert_eq!(bill.total, 2);
    assert_eq!(bill.currency, Some(CurrencyEnum::Usd));
    let (now, before) = (&bill.records[0], &bill.records[1]);
    assert!(bill
        .records
        .iter()
        .all(|r| r.volume_id == vol && r.volume_name == "volume1"));
    assert_eq!(now.size_gb, 300);
    assert_eq!(now.end_time, None);
    assert_eq!(now.status, BillingStatus::Available);
    assert_eq!(now.total_duration_minutes, 10.0);
    assert_close(now.per_minute_rate, 0.1 * 0.3 / 60.0);
    assert_close(now.total_cost, 10.0 * 0.1 * 0.3 / 60.0);
    assert_eq!(before.size_gb, 150);
    assert!(before.end_time.is_some());
    assert_eq!(before.status, BillingStatus::Completed);
    assert_eq!(before.total_duration_minutes, 3.0);
    assert_close(before.total_cost, 3.0 * 0.1 * 0.15 / 60.0);
    assert_eq!(bill.summary.active_count, 1);
    assert_eq!(bill.summary.total_size_gb, 300.0);
    assert_close(bill.summary.total_cost, now.total_cost + before.total_cost);
    let everything = api
        .get_volume_billing(&BillingQuery::default())
        .await
        .unwrap();
    assert_eq!(
        everything.total, 3,
        "two records of the original, one of the clone"
    );
    assert_eq!(everything.summary.total_size_gb, 450.0);

    for id in [&copy, &vol] {
        let del = api.delete_volume(id).await.unwrap();
        assert_eq!(del.id.as_deref(), Some(id.as_str()));
        assert_code(api.get_volume(id).await, ErrorCode::NotFound);
    }
    let gone = api.list_volumes(&RegionPageQuery::default()).await.unwrap();
    assert_eq!(gone.total, 0);
    assert_eq!(gone.next_name.as_deref(), Some("volume1"));
    let closed = api
        .get_volume_billing(&BillingQuery::default())
        .await
        .unwrap();
    assert!(closed.records.iter().all(|r| r.end_time.is_some()));
    assert_eq!(closed.summary.active_count, 0);

    env.assert_sent(VOLUME_OPS).await;
    env.stop().await;
}
