//! Random requests — plausible field names with random values, random path ids, random
//! JSON — never crash the emulator: every answer is a JSON body with a non-500 status,
//! and the emulator still serves afterwards.

use barrack_api::ENDPOINTS;
use barrack_sim::{Seed, SimConfig};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const FIELDS: &[&str] = &[
    "name",
    "region",
    "gpu_model",
    "gpu_count",
    "tier",
    "boot_source",
    "ssh_key_ids",
    "public_ip",
    "security_rules",
    "jupyter",
    "cloud_init",
    "startup_script_id",
    "volume_ids",
    "firewall_ids",
    "instance_id",
    "snapshot_id",
    "snapshot_ids",
    "description",
    "is_image",
    "size_gb",
    "bootable",
    "os_image_id",
    "volume_type",
    "enabled",
    "direction",
    "protocol",
    "ethertype",
    "remote_ip_prefix",
    "port_range_min",
    "port_range_max",
    "public_key",
    "content",
    "ids",
    "instance_ids",
    "model",
    "messages",
    "max_tokens",
    "currency",
    "resource_type",
    "volume_size_gb",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u32..200).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        "[a-zA-Z0-9 ._/-]{0,60}".prop_map(Value::String),
        prop_oneof![
            Just("US-1"),
            Just("CANADA-1"),
            Just("NORWAY-1"),
            Just("H100-SXM5-80GB"),
            Just("RTX-A6000"),
            Just("ingress"),
            Just("tcp"),
            Just("icmp"),
            Just("IPv4"),
            Just("IPv6"),
            Just("0.0.0.0/0"),
            Just("::/0"),
            Just("os_image"),
            Just("volume"),
            Just("custom_image"),
            Just("SSD"),
            Just("NVMe"),
            Just("llama-3.1-8b-instruct"),
            Just("advanced"),
        ]
        .prop_map(|s| json!(s)),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(FIELDS), inner), 0..5).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn body() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        prop::collection::vec((prop::sample::select(FIELDS), value()), 0..10).prop_map(|kv| Some(
            Value::Object(
                kv.into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<Map<_, _>>()
            )
            .to_string()
        )),
        value().prop_map(|v| Some(v.to_string())),
        ".{0,40}".prop_map(Some),
    ]
}

#[test]
fn random_requests_never_crash_the_emulator() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(barrack_sim::start(SimConfig {
            seed: Seed::Sandbox,
            time_scale: 600.0,
            ..Default::default()
        }))
        .unwrap();
    let http = reqwest::Client::new();
    // Real ids from the seed, so some requests reach deep into the handlers.
    let state: Value = rt.block_on(async {
        http.get(format!("{}state", sim.admin_url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    let mut ids: Vec<String> = vec![
        "BRK-999999D".into(),
        "".into(),
        "%2F..%2F".into(),
        "x".repeat(300),
    ];
    for group in [
        "instances",
        "volumes",
        "snapshots",
        "images",
        "firewalls",
        "ssh_keys",
        "scripts",
    ] {
        if let Some(m) = state[group].as_object() {
            ids.extend(m.keys().cloned());
        }
    }
    let config = ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let sent = std::sync::atomic::AtomicUsize::new(0);
    proptest!(config, |(ep in 0..ENDPOINTS.len(), id_a in prop::sample::select(ids.clone()), id_b in prop::sample::select(ids.clone()), body in body(), query in "[a-z_]{0,8}=[A-Za-z0-9-]{0,8}")| {
        sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let e = &ENDPOINTS[ep];
        let mut path = e.path.to_owned();
        for (i, p) in e.path_params().iter().enumerate() {
            let id = if i == 0 { &id_a } else { &id_b };
            let id = if id.is_empty() { "none" } else { id.as_str() };
            path = path.replace(&format!("{{{p}}}"), id);
        }
        let url = format!("{}{path}?{query}", sim.url());
        let method = reqwest::Method::from_bytes(e.method.as_str().as_bytes()).unwrap();
        let (status, text) = rt.block_on(async {
            let mut rb = http.request(method, &url).bearer_auth(&sim.api_key);
            if let Some(b) = &body {
                rb = rb.header("content-type", "application/json").body(b.clone());
            }
            let resp = rb.send().await.expect("the emulator answers");
            (resp.status().as_u16(), resp.text().await.unwrap_or_default())
        });
        prop_assert!(status != 500, "{} {url} body {body:?} → 500 {text}", e.method.as_str());
        let parsed: Result<Value, _> = serde_json::from_str(&text);
        prop_assert!(parsed.is_ok(), "{} {url} → non-JSON {text}", e.method.as_str());
    });
    assert!(sent.into_inner() >= 400, "every case was sent");
    let alive = rt.block_on(async {
        http.get(format!("{}balance/", sim.url()))
            .bearer_auth(&sim.api_key)
            .send()
            .await
            .map(|r| r.status().as_u16())
    });
    assert_eq!(alive.ok(), Some(200), "the emulator still serves");
}
