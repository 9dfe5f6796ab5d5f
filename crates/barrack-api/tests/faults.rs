//! The client against an in-process barrack-sim with injected faults: which failures are
//! retried (idempotent reads only), which are not (writes, auth, decode errors), how
//! `Retry-After` is honoured, and which `ErrorCode` each failure maps to.
//!
//! Each test starts its own emulator, so faults and request counts never leak between
//! tests. Request counts come from the emulator's admin endpoint (`GET /admin/requests`),
//! which counts every request an operation's route received, faults included.

use barrack_api::types::{
    BootSource, BootSourceType, CreateSSHKeyRequest, DeploymentRequest, GpuModelEnum,
    InstanceListQuery, PricingRequest, RegionEnum, RegionQuery, TierEnum, VMStatus,
};
use barrack_api::{ApiError, ApiKey, Client, ErrorCode, RetryPolicy};
use barrack_sim::{RunningSim, Seed, SimConfig};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Helpers

const MAX_RETRIES: u32 = 3;
const PUBLIC_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK+FNNJ0Y0ft0zSV2ZfOuBz4nZp4KqJvB9zYypalXOJS x";

fn policy() -> RetryPolicy {
    RetryPolicy {
        max_retries: MAX_RETRIES,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        max_retry_after: Duration::from_secs(5),
        max_total_wait: Duration::from_secs(10),
    }
}

async fn sim_with(seed: Seed) -> RunningSim {
    barrack_sim::start(SimConfig {
        seed,
        ..SimConfig::default()
    })
    .await
    .expect("the emulator starts")
}

async fn sim() -> RunningSim {
    sim_with(Seed::Empty).await
}

fn client_with(sim: &RunningSim, key: &str, timeout: Duration) -> Client {
    Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(key))
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(1))
        .retry(policy())
        .build()
        .expect("client builds")
}

fn client(sim: &RunningSim) -> Client {
    client_with(sim, &sim.api_key, Duration::from_secs(1))
}

/// A thin wrapper of the emulator's admin endpoint.
struct Admin {
    http: reqwest::Client,
    base: String,
}

impl Admin {
    fn new(sim: &RunningSim) -> Self {
        Admin {
            http: reqwest::Client::new(),
            base: sim.admin_url(),
        }
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("admin POST {path}: {e}"));
        let status = resp.status();
        let value: Value = resp.json().await.expect("admin answers JSON");
        assert!(status.is_success(), "admin POST {path} {body}: {value}");
        value
    }

    async fn fault(&self, fault: Value) {
        self.post("faults", fault).await;
    }

    async fn clear_faults(&self) {
        self.http
            .delete(format!("{}faults", self.base))
            .send()
            .await
            .expect("admin DELETE faults")
            .error_for_status()
            .expect("faults cleared");
    }

    async fn reset_counts(&self) {
        self.http
            .delete(format!("{}requests", self.base))
            .send()
            .await
            .expect("admin DELETE requests")
            .error_for_status()
            .expect("counts reset");
    }

    /// How many requests the emulator received for an operation (snake_case name).
    async fn count(&self, op: &str) -> u64 {
        let counts: Value = self
            .http
            .get(format!("{}requests", self.base))
            .send()
            .await
            .expect("admin GET requests")
            .json()
            .await
            .expect("request counts are JSON");
        counts.get(op).and_then(Value::as_u64).unwrap_or(0)
    }
}

/// A fresh emulator with `fault` injected, and its admin endpoint.
async fn sim_with_fault(fault: Value) -> (RunningSim, Admin) {
    let sim = sim().await;
    let admin = Admin::new(&sim);
    admin.fault(fault).await;
    (sim, admin)
}

/// Listing the VMs fails; the error.
async fn list_fails(sim: &RunningSim) -> ApiError {
    client(sim).list_instances(&list_query()).await.unwrap_err()
}

/// `op` was tried once and retried as often as the policy allows.
async fn assert_every_attempt_sent(admin: &Admin, op: &str) {
    assert_eq!(admin.count(op).await, u64::from(MAX_RETRIES) + 1, "{op}");
}

fn list_query() -> InstanceListQuery {
    InstanceListQuery::default()
}

/// A deployment the emulator accepts (once faults are out of the way): a fresh imported
/// SSH key and the first OS image of NORWAY-1.
async fn valid_deployment(client: &Client, name: &str) -> DeploymentRequest {
    let key = client
        .create_ssh_key(&CreateSSHKeyRequest {
            name: format!("{name}-key"),
            public_key: Some(PUBLIC_KEY.to_owned()),
        })
        .await
        .expect("SSH key created");
    let images = client
        .list_os_images(&RegionQuery {
            region: Some(RegionEnum::Norway1),
        })
        .await
        .expect("OS images listed");
    let image = images.images.first().expect("NORWAY-1 has an OS image");
    DeploymentRequest {
        name: name.to_owned(),
        region: RegionEnum::Norway1,
        gpu_model: GpuModelEnum::RtxA6000,
        gpu_count: 1,
        boot_source: BootSource {
            kind: BootSourceType::OsImage,
            id: image.id.clone(),
        },
        ssh_key_ids: vec![key.ssh_key.id],
        ..DeploymentRequest::default()
    }
}

#[track_caller]
fn assert_code(err: &ApiError, code: ErrorCode) {
    assert_eq!(err.code, code, "unexpected error: {err:?}");
}

// ---------------------------------------------------------------------------------------
// Retries of reads

#[tokio::test]
async fn get_is_retried_on_503_then_succeeds() {
    let (sim, admin) = sim_with_fault(
        json!({"op": "list_instances", "kind": "status", "status": 503, "times": 2}),
    )
    .await;
    let list = client(&sim)
        .list_instances(&list_query())
        .await
        .expect("the third attempt succeeds");
    assert!(list.success);
    assert_eq!(admin.count("list_instances").await, 3);
    sim.stop().await;
}

#[tokio::test]
async fn get_gives_up_after_max_retries_on_persistent_500() {
    let (sim, admin) =
        sim_with_fault(json!({"op": "list_instances", "kind": "status", "status": 500})).await;
    let err = list_fails(&sim).await;
    assert_code(&err, ErrorCode::Server);
    assert_eq!(err.status, Some(500));
    assert!(err.request_id.is_some(), "{err:?}");
    assert_every_attempt_sent(&admin, "list_instances").await;
    sim.stop().await;
}

#[tokio::test]
async fn retry_after_is_waited_for_then_the_read_succeeds() {
    let (sim, admin) = sim_with_fault(
        json!({"op": "get_balance", "kind": "status", "status": 429, "retry_after": 1, "times": 1}),
    )
    .await;
    let started = Instant::now();
    let balance = client(&sim).get_balance().await.expect("second attempt");
    let elapsed = started.elapsed();
    assert!(balance.success);
    assert!(
        elapsed >= Duration::from_millis(900),
        "Retry-After: 1 was not honoured: answered after {elapsed:?}"
    );
    assert_eq!(admin.count("get_balance").await, 2);
    sim.stop().await;
}

#[tokio::test]
async fn retry_after_longer_than_the_limit_is_returned_at_once() {
    let (sim, admin) = sim_with_fault(
        json!({"op": "get_balance", "kind": "status", "status": 429, "retry_after": 10}),
    )
    .await;
    let started = Instant::now();
    let err = client(&sim).get_balance().await.unwrap_err();
    let elapsed = started.elapsed();
    assert_code(&err, ErrorCode::RateLimited);
    assert_eq!(err.status, Some(429));
    assert_eq!(err.retry_after, Some(Duration::from_secs(10)));
    assert_eq!(admin.count("get_balance").await, 1);
    // Not waited for: nowhere near the 10 s the server asked for.
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    sim.stop().await;
}

#[tokio::test]
async fn dropped_connection_on_get_is_retried() {
    let (sim, admin) =
        sim_with_fault(json!({"op": "list_instances", "kind": "drop", "times": 1})).await;
    let list = client(&sim)
        .list_instances(&list_query())
        .await
        .expect("the retry succeeds");
    assert!(list.success);
    assert_eq!(admin.count("list_instances").await, 2);
    sim.stop().await;
}

#[tokio::test]
async fn persistent_drop_on_get_is_a_network_error() {
    let (sim, admin) = sim_with_fault(json!({"op": "list_instances", "kind": "drop"})).await;
    let err = list_fails(&sim).await;
    assert_code(&err, ErrorCode::Network);
    assert_eq!(err.status, None);
    assert_every_attempt_sent(&admin, "list_instances").await;
    sim.stop().await;
}

#[tokio::test]
async fn slow_answer_is_a_timeout() {
    let (sim, admin) =
        sim_with_fault(json!({"op": "list_instances", "kind": "latency", "ms": 1500})).await;
    let client = client_with(&sim, &sim.api_key, Duration::from_millis(300));
    let started = Instant::now();
    let err = client.list_instances(&list_query()).await.unwrap_err();
    let elapsed = started.elapsed();
    assert_code(&err, ErrorCode::Timeout);
    assert_eq!(err.status, None);
    // A time-out is transient, so the read was tried max_retries + 1 times, each cut at 300 ms.
    assert_every_attempt_sent(&admin, "list_instances").await;
    assert!(elapsed >= Duration::from_millis(1200), "took {elapsed:?}");
    admin.clear_faults().await;
    sim.stop().await;
}

// ---------------------------------------------------------------------------------------
// Writes are sent exactly once

#[tokio::test]
async fn deploy_is_not_retried_on_503() {
    let sim = sim().await;
    let admin = Admin::new(&sim);
    let client = client(&sim);
    let body = valid_deployment(&client, "no-retry-503").await;
    admin
        .fault(json!({"op": "deploy_instance", "kind": "status", "status": 503}))
        .await;
    let err = client.deploy_instance(&body).await.unwrap_err();
    assert_code(&err, ErrorCode::Server);
    assert_eq!(err.status, Some(503));
    assert_eq!(admin.count("deploy_instance").await, 1);
    // The body was valid: without the fault the same request deploys.
    admin.clear_faults().await;
    let deployed = client.deploy_instance(&body).await.expect("deploys");
    assert!(!deployed.instance_id.is_empty());
    sim.stop().await;
}

#[tokio::test]
async fn post_pricing_is_not_retried_on_503() {
    let (sim, admin) =
        sim_with_fault(json!({"op": "post_pricing", "kind": "status", "status": 503})).await;
    let err = client(&sim)
        .post_pricing(&PricingRequest::default())
        .await
        .unwrap_err();
    assert_code(&err, ErrorCode::Server);
    assert_eq!(admin.count("post_pricing").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn deploy_is_not_retried_on_a_dropped_connection() {
    let sim = sim().await;
    let admin = Admin::new(&sim);
    let client = client(&sim);
    let body = valid_deployment(&client, "no-retry-drop").await;
    admin
        .fault(json!({"op": "deploy_instance", "kind": "drop"}))
        .await;
    let err = client.deploy_instance(&body).await.unwrap_err();
    assert_code(&err, ErrorCode::Network);
    assert_eq!(admin.count("deploy_instance").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn post_pricing_is_not_retried_on_a_dropped_connection() {
    let (sim, admin) = sim_with_fault(json!({"op": "post_pricing", "kind": "drop"})).await;
    let err = client(&sim)
        .post_pricing(&PricingRequest::default())
        .await
        .unwrap_err();
    assert_code(&err, ErrorCode::Network);
    assert_eq!(admin.count("post_pricing").await, 1);
    sim.stop().await;
}

// ---------------------------------------------------------------------------------------
// Bodies the client cannot read, and bodies it reads leniently

#[tokio::test]
async fn truncated_body_is_a_decode_error() {
    let sim = sim_with(Seed::Sandbox).await;
    let admin = Admin::new(&sim);
    admin
        .fault(json!({"op": "list_instances", "kind": "truncate", "times": 1}))
        .await;
    let err = list_fails(&sim).await;
    assert_code(&err, ErrorCode::Decode);
    assert!(
        err.message.contains("it began: {\""),
        "the message should quote the body: {}",
        err.message
    );
    // A body that cannot be read is not a transient failure: not retried.
    assert_eq!(admin.count("list_instances").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn malformed_body_is_a_decode_error() {
    let (sim, admin) =
        sim_with_fault(json!({"op": "get_balance", "kind": "malformed", "times": 1})).await;
    let err = client(&sim).get_balance().await.unwrap_err();
    assert_code(&err, ErrorCode::Decode);
    assert!(
        err.message.contains("<html>502 Bad Gateway</html>"),
        "the message should quote the body: {}",
        err.message
    );
    assert_eq!(admin.count("get_balance").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn unknown_enum_values_decode_as_other() {
    let sim = sim_with(Seed::Sandbox).await;
    let admin = Admin::new(&sim);
    let client = client(&sim);
    admin
        .fault(json!({"op": "list_instances", "kind": "unknown_enum", "times": 1}))
        .await;
    let list = client
        .list_instances(&list_query())
        .await
        .expect("unknown enum values are no error");
    assert!(list.success);
    assert_eq!(list.instances.len(), 3, "the sandbox has three VMs");
    for vm in &list.instances {
        assert_eq!(
            vm.status,
            VMStatus::Other("QUANTUM_STATUS".into()),
            "{vm:?}"
        );
        assert_eq!(vm.region, RegionEnum::Other("QUANTUM_REGION".into()));
        assert_eq!(vm.tier, Some(TierEnum::Other("QUANTUM_TIER".into())));
        assert_eq!(
            vm.flavor.gpu_model,
            GpuModelEnum::Other("QUANTUM_GPU_MODEL".into())
        );
        assert!(!vm.id.is_empty() && !vm.name.is_empty());
    }
    // The fault was used up: the next answer carries known values again.
    let list = client.list_instances(&list_query()).await.unwrap();
    assert!(list.instances.iter().all(|vm| !vm.status.is_other()));
    sim.stop().await;
}

// ---------------------------------------------------------------------------------------
// Errors the server reports

#[tokio::test]
async fn wrong_key_is_unauthorized_and_not_retried() {
    let sim = sim().await;
    let admin = Admin::new(&sim);
    let client = client_with(&sim, "sk-sim-not-a-key", Duration::from_secs(1));
    let err = client.list_instances(&list_query()).await.unwrap_err();
    assert_code(&err, ErrorCode::Unauthorized);
    assert_eq!(err.status, Some(401));
    assert_eq!(admin.count("list_instances").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn missing_instance_is_not_found() {
    let sim = sim().await;
    let admin = Admin::new(&sim);
    let err = client(&sim).get_instance("BRK-999999D").await.unwrap_err();
    assert_code(&err, ErrorCode::NotFound);
    assert_eq!(err.status, Some(404));
    assert!(err.message.contains("BRK-999999D"), "{}", err.message);
    assert_eq!(admin.count("get_instance").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn deploy_without_credit_is_insufficient_credits() {
    let sim = sim().await;
    let admin = Admin::new(&sim);
    let client = client(&sim);
    let body = valid_deployment(&client, "no-credit").await;
    admin.post("balance", json!({"amount": 0})).await;
    admin.reset_counts().await;
    let err = client.deploy_instance(&body).await.unwrap_err();
    assert_code(&err, ErrorCode::InsufficientCredits);
    assert!(err.request_id.is_some(), "{err:?}");
    assert_eq!(admin.count("deploy_instance").await, 1);
    sim.stop().await;
}

#[tokio::test]
async fn stopping_a_stopped_vm_is_a_conflict() {
    let sim = sim_with(Seed::Sandbox).await;
    let admin = Admin::new(&sim);
    let client = client(&sim);
    let list = client.list_instances(&list_query()).await.unwrap();
    let stopped = list
        .instances
        .iter()
        .find(|vm| vm.status == VMStatus::Shutoff)
        .expect("the sandbox has a SHUTOFF VM");
    let err = client.stop_instance(&stopped.id).await.unwrap_err();
    assert_code(&err, ErrorCode::Conflict);
    assert_eq!(err.status, Some(409));
    assert!(
        err.message.starts_with("Cannot stop") && err.message.contains(&stopped.name),
        "the server's message is kept: {}",
        err.message
    );
    let request_id = err.request_id.as_deref().unwrap_or_default();
    assert!(!request_id.is_empty(), "{err:?}");
    assert_eq!(admin.count("stop_instance").await, 1);
    sim.stop().await;
}
