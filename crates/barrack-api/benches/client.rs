//! Benchmarks of the client (`cargo bench -p barrack-api`; criterion prints the figures).
//!
//! - `decode/instance_billing_5000`: one instance billing page of 5,000 records (the
//!   documented `BillingRecord` shape, varied per record) through the lenient decoder the
//!   client uses, `barrack_api::decode::from_slice`, as bytes/s and records/s; plus plain
//!   `serde_json::from_slice` of the same bytes as a baseline for the cost of leniency.
//! - `list_2000_instances`: 2,000 VMs listed 20 per page (100 pages) from an in-process
//!   barrack-sim that adds 50 ms to every request, with `Client::all_pages` fetching 1
//!   (sequential), 8 and 16 pages at a time.
//!
//! Sample sizes and times are kept small so the whole run takes about two minutes; the
//! sequential listing alone is 100 × 50 ms ≈ 5 s per iteration.

use barrack_api::types::{InstanceBillingResponse, InstanceListQuery, ListVMsResponse};
use barrack_api::{ApiKey, Client};
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Duration;

// ---------------------------------------------------------------------------------------
// Decoding

const BILLING_RECORDS: usize = 5_000;

/// The documented record (api/examples/get-instance-billing-response-200.json), varied so
/// that no two records are the same: ids, names, models, tiers, end times, costs.
fn billing_record(i: usize) -> Value {
    const MODELS: [&str; 4] = ["H100-SXM5-80GB", "A100-PCIe-80GB", "RTX-A6000", "L40"];
    let model = MODELS[i % MODELS.len()];
    let gpus = 1u32 << (i % 4);
    let minutes = 30 + (i * 37) % 10_000;
    let rate = 0.166 / 4.0 * f64::from(gpus) + (i % 7) as f64 * 0.001;
    let active = i.is_multiple_of(5);
    let end_time = if active {
        Value::Null
    } else {
        json!(format!("2025-02-{:02}T{:02}:15:00Z", 1 + i % 28, i % 24))
    };
    json!({
        "billing_id": format!("BRK-{:06}DB", 100_000 + i),
        "instance_id": format!("BRK-{:06}D", 100_000 + i),
        "vm_name": format!("ml-training-server-{i}"),
        "gpu_type": model,
        "gpu_count": gpus,
        "tier": if i.is_multiple_of(2) { "advanced" } else { "legacy" },
        "start_time": format!("2025-01-{:02}T10:30:00Z", 1 + i % 28),
        "end_time": end_time,
        "total_duration_minutes": minutes,
        "per_minute_rate": rate,
        "total_cost": (minutes as f64 * rate * 100.0).round() / 100.0,
        "currency": "USD",
        "status": if active { "active" } else { "completed" },
        "description": format!("Deployment billing - {minutes} minutes for {model} x{gpus} (ml-training-server-{i})"),
    })
}

fn billing_page(records: usize) -> Vec<u8> {
    let body = json!({
        "success": true,
        "records": (0..records).map(billing_record).collect::<Vec<_>>(),
        "summary": {
            "totalMinutes": 19110,
            "activeCount": 3,
            "completedCount": 12,
            "hibernatedCount": 1,
            "averageUsage": 1124.12,
            "totalCost": 1810.95
        },
        "total": records,
        "page": 1,
        "limit": records,
        "total_pages": 1,
        "currency": "USD"
    });
    serde_json::to_vec(&body).expect("serializes")
}

fn decode_billing(c: &mut Criterion) {
    let body = billing_page(BILLING_RECORDS);
    // Check once that the page decodes in full before timing it.
    let decoded: InstanceBillingResponse =
        barrack_api::decode::from_slice(&body).expect("the generated page decodes");
    assert_eq!(decoded.records.len(), BILLING_RECORDS);
    assert!(decoded.records.iter().all(|r| !r.gpu_type.is_other()));
    println!(
        "decode/instance_billing_5000: body is {} bytes ({:.2} MiB, {} records)",
        body.len(),
        body.len() as f64 / (1024.0 * 1024.0),
        BILLING_RECORDS
    );

    let mut group = c.benchmark_group("decode/instance_billing_5000");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("lenient_bytes", |b| {
        b.iter(|| {
            barrack_api::decode::from_slice::<InstanceBillingResponse>(black_box(&body)).unwrap()
        })
    });
    group.throughput(Throughput::Elements(BILLING_RECORDS as u64));
    group.bench_function("lenient_records", |b| {
        b.iter(|| {
            barrack_api::decode::from_slice::<InstanceBillingResponse>(black_box(&body)).unwrap()
        })
    });
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("serde_json_baseline_bytes", |b| {
        b.iter(|| serde_json::from_slice::<InstanceBillingResponse>(black_box(&body)).unwrap())
    });
    group.finish();
}

// ---------------------------------------------------------------------------------------
// Listing against the emulator

const INSTANCES: u32 = 2_000;
const PAGE_LIMIT: u32 = 20;
const LATENCY_MS: u64 = 50;

async fn admin_post(http: &reqwest::Client, url: String, body: Value) {
    let resp = http
        .post(&url)
        .json(&body)
        .send()
        .await
        .expect("admin call");
    assert!(resp.status().is_success(), "{url}: {}", resp.status());
}

async fn list_count(http: &reqwest::Client, admin: &str) -> u64 {
    let counts: Value = http
        .get(format!("{admin}requests"))
        .send()
        .await
        .expect("admin call")
        .json()
        .await
        .expect("counts");
    counts["list_instances"].as_u64().unwrap_or(0)
}

async fn list_all(client: &Client, concurrency: usize) -> usize {
    let items = client
        .all_pages::<ListVMsResponse, _, _>(PAGE_LIMIT, concurrency, |page| {
            let client = client.clone();
            async move {
                client
                    .list_instances(&InstanceListQuery {
                        page: page.page,
                        limit: page.limit,
                        ..InstanceListQuery::default()
                    })
                    .await
            }
        })
        .await
        .expect("all pages listed");
    items.len()
}

fn list_instances(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let sim = rt
        .block_on(barrack_sim::start(barrack_sim::SimConfig::default()))
        .expect("the emulator starts");
    let admin = sim.admin_url();
    let http = reqwest::Client::new();
    let client = Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(sim.api_key.clone()))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");

    rt.block_on(async {
        admin_post(
            &http,
            format!("{admin}seed"),
            json!({"instances": INSTANCES}),
        )
        .await;
        admin_post(
            &http,
            format!("{admin}faults"),
            json!({"kind": "latency", "ms": LATENCY_MS}),
        )
        .await;
        // Check once: every instance arrives, in exactly 100 requests.
        let before = list_count(&http, &admin).await;
        assert_eq!(list_all(&client, 8).await, INSTANCES as usize);
        let requests = list_count(&http, &admin).await - before;
        assert_eq!(u64::from(INSTANCES / PAGE_LIMIT), requests);
        println!(
            "list_2000_instances: {INSTANCES} instances, {requests} pages of {PAGE_LIMIT}, \
             {LATENCY_MS} ms added per request"
        );
    });

    let mut group = c.benchmark_group("list_2000_instances");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(u64::from(INSTANCES)));
    for concurrency in [1usize, 8, 16] {
        group.bench_with_input(
            BenchmarkId::new("all_pages_concurrency", concurrency),
            &concurrency,
            |b, &n| {
                b.to_async(&rt)
                    .iter(|| async { black_box(list_all(&client, n).await) })
            },
        );
    }
    group.finish();
    rt.block_on(sim.stop());
}

criterion_group!(benches, decode_billing, list_instances);
criterion_main!(benches);
