//! No panic, overflow or non-finite figure from extreme server numbers (issue 13): every
//! request, query and response type of the endpoint table decodes (or refuses) bodies
//! whose values are replaced by u64::MAX, ±1e308, negatives, "NaN", "inf", 400-digit
//! numbers, the calendar's ends…; and `costs`, `spend` (accruals split at midnight, the
//! windows, the 30 days, top resources, still billing, CSV) and the runway stay finite on
//! the decoded results.
//!
//! The bodies mutated are each type's default, the documentation's examples, and what
//! barrack-sim's sandbox answers to every list and read without a path parameter; the
//! types are the ones the operations' declarations name, so a new operation's are covered.

use barrack_api::decode::from_slice;
use barrack_api::types::*;
use barrack_api::{costs, deploy, spend, ApiError, Method, ENDPOINTS};
use chrono::{DateTime, FixedOffset, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

type Decode = fn(&[u8]) -> bool;

/// Every type the operations name (barrack-api's `declared_types`, from operations.rs):
/// its decoder and its default as JSON.
fn types() -> BTreeMap<&'static str, (Decode, Value)> {
    barrack_api::ops::declared_types()
        .into_iter()
        .map(|t| (t.name, (t.decode_and_encode, (t.default_json)())))
        .collect()
}

/// Extreme numbers, as JSON numbers and as the strings a lenient decoder also reads.
fn extremes() -> Vec<Value> {
    let mut v = vec![
        json!(u64::MAX),
        json!(i64::MIN),
        json!(i64::MAX),
        json!(1e308),
        json!(-1e308),
        json!(f64::MAX),
        json!(5e-324),
        json!(-1),
        json!(-0.5),
        json!(0),
        json!(9007199254740993u64),
        json!(4294967296u64),
        json!(true),
    ];
    for s in [
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "1e308",
        "-1e308",
        "18446744073709551615",
        "18446744073709551616",
        "-18446744073709551616",
        "-1",
        "",
        " ",
        "0x10",
        "1_000",
        "9999-12-31T23:59:59Z",
        "+262142-12-31T23:59:59Z",
        "-262143-01-01T00:00:00Z",
        "0000-01-01T00:00:00",
        "1970-01-01T00:00:00+23:59",
    ] {
        v.push(json!(s));
    }
    v.push(json!("9".repeat(400)));
    v.push(json!(format!("-{}", "9".repeat(400))));
    v
}

/// Arrays cut to their first three items: the values inside matter, not how many.
fn trimmed(mut v: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Array(a) => {
                a.truncate(3);
                a.iter_mut().for_each(walk);
            }
            Value::Object(m) => m.values_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

/// JSON pointers of every leaf (numbers, strings, booleans, nulls).
fn leaves(v: &Value) -> Vec<String> {
    fn walk(v: &Value, here: String, out: &mut Vec<String>) {
        match v {
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{here}/{i}"), out)
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    walk(x, format!("{here}/{k}"), out)
                }
            }
            _ => out.push(here),
        }
    }
    let mut out = Vec::new();
    walk(v, String::new(), &mut out);
    out
}

fn with(body: &Value, pointer: &str, value: &Value) -> Vec<u8> {
    let mut b = body.clone();
    if let Some(slot) = b.pointer_mut(pointer) {
        *slot = value.clone();
    }
    serde_json::to_vec(&b).unwrap()
}

/// Every leaf that holds a number (or a numeric string) set to the same value.
fn all_numbers(body: &Value, value: &Value) -> Vec<u8> {
    fn walk(v: &mut Value, to: &Value) {
        match v {
            Value::Number(_) => *v = to.clone(),
            Value::String(s) if s.trim().parse::<f64>().is_ok() => *v = to.clone(),
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, to)),
            Value::Object(m) => m.values_mut().for_each(|x| walk(x, to)),
            _ => {}
        }
    }
    let mut b = body.clone();
    walk(&mut b, value);
    serde_json::to_vec(&b).unwrap()
}

/// What the sandbox emulator answers to every GET without a path parameter, and to the
/// documented pricing request: realistic bodies with their lists filled.
fn sim_bodies() -> BTreeMap<&'static str, Value> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let sim = barrack_sim::start(barrack_sim::SimConfig {
            seed: barrack_sim::Seed::Sandbox,
            ..Default::default()
        })
        .await
        .unwrap();
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let mut out = BTreeMap::new();
        for ep in ENDPOINTS {
            if !ep.path_params().is_empty() || ep.op == barrack_api::Op::AiChat {
                continue;
            }
            let url = format!("{}{}", sim.url(), ep.path);
            let rb = match ep.method {
                Method::Get => http.get(url),
                Method::Post if ep.op == barrack_api::Op::PostPricing => http
                    .post(url)
                    .header("content-type", "application/json")
                    .body(include_str!("testdata/post-pricing-request.json")),
                _ => continue,
            };
            let resp = rb.bearer_auth(&sim.api_key).send().await.unwrap();
            if resp.status().is_success() {
                out.insert(ep.response, trimmed(resp.json().await.unwrap()));
            }
        }
        sim.stop().await;
        out
    })
}

fn testdata(name: &str) -> Value {
    let path = format!("{}/tests/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// (type name, body) pairs to mutate.
fn corpus() -> Vec<(&'static str, Value)> {
    let types = types();
    let mut out: Vec<(&'static str, Value)> =
        types.iter().map(|(n, (_, d))| (*n, d.clone())).collect();
    out.push((
        "PricingResponse",
        testdata("post-pricing-response-200.json"),
    ));
    out.push(("PricingRequest", testdata("post-pricing-request.json")));
    out.push((
        "InstanceBillingResponse",
        testdata("get-instance-billing-response-200.json"),
    ));
    out.push((
        "VolumeHourlyBillingResponse",
        testdata("get-volume-billing-response-200.json"),
    ));
    out.push((
        "RemoveVMSecurityRuleResponse",
        testdata("schema-RemoveVMSecurityRuleResponse-example.json"),
    ));
    out.extend(sim_bodies());
    out
}

#[test]
fn every_decoder_survives_every_extreme_in_every_place() {
    let types = types();
    let extremes = extremes();
    let (mut bodies, mut decodes) = (0usize, 0usize);
    for (name, body) in corpus() {
        let decode = types[name].0;
        bodies += 1;
        for pointer in leaves(&body) {
            for x in &extremes {
                let _ = decode(&with(&body, &pointer, x));
                decodes += 1;
            }
        }
        for x in &extremes {
            let _ = decode(&all_numbers(&body, x));
            decodes += 1;
        }
    }
    eprintln!(
        "extreme_numbers: {bodies} bodies, {} extreme values, {decodes} decodes without a panic",
        extremes.len()
    );
    assert!(decodes > 10_000, "only {decodes} decodes");
}

// ---- Money on extreme numbers -------------------------------------------------------------

/// The money inputs, as bodies: the sandbox's VMs, volumes, snapshots, balance and billing
/// records, and the documented pricing table.
struct Money {
    bodies: Vec<(&'static str, Value)>,
}

fn money() -> Money {
    let sim = sim_bodies();
    let names = [
        "ListVMsResponse",
        "GetVolumesWithNextNameResponse",
        "ListSnapshotsResponse",
        "CreditBalanceResponse",
        "InstanceBillingResponse",
        "VolumeHourlyBillingResponse",
        "SnapshotBillingResponse",
    ];
    let mut bodies: Vec<(&'static str, Value)> = names
        .iter()
        .map(|n| {
            (
                *n,
                sim.get(n)
                    .cloned()
                    .unwrap_or_else(|| panic!("the sim answers {n}")),
            )
        })
        .collect();
    bodies.push((
        "PricingResponse",
        testdata("post-pricing-response-200.json"),
    ));
    Money { bodies }
}

#[track_caller]
fn finite(what: &str, x: f64) {
    assert!(x.is_finite(), "{what} = {x}");
}

/// The money inputs, decoded (a body that does not decode counts as empty).
#[derive(Clone, Default)]
struct Inputs {
    vms: ListVMsResponse,
    vols: GetVolumesWithNextNameResponse,
    snaps: ListSnapshotsResponse,
    balance: CreditBalanceResponse,
    ib: InstanceBillingResponse,
    vb: VolumeHourlyBillingResponse,
    sb: SnapshotBillingResponse,
    pricing: PricingResponse,
}

impl Inputs {
    fn decode(bodies: &[(&str, Vec<u8>)]) -> Inputs {
        let mut i = Inputs::default();
        for (name, body) in bodies {
            i.set(name, body);
        }
        i
    }

    /// Replaces the input `name` by `body` decoded.
    fn set(&mut self, name: &str, body: &[u8]) {
        fn d<T: serde::de::DeserializeOwned + Default>(b: &[u8]) -> T {
            from_slice(b).unwrap_or_default()
        }
        match name {
            "ListVMsResponse" => self.vms = d(body),
            "GetVolumesWithNextNameResponse" => self.vols = d(body),
            "ListSnapshotsResponse" => self.snaps = d(body),
            "CreditBalanceResponse" => self.balance = d(body),
            "InstanceBillingResponse" => self.ib = d(body),
            "VolumeHourlyBillingResponse" => self.vb = d(body),
            "SnapshotBillingResponse" => self.sb = d(body),
            "PricingResponse" => self.pricing = d(body),
            other => panic!("not a money input: {other}"),
        }
    }
}

/// Runs every money function on the bodies and checks every figure is finite.
fn money_figures(bodies: &[(&str, Vec<u8>)]) {
    figures_of(&Inputs::decode(bodies));
}

fn figures_of(inputs: &Inputs) {
    let Inputs {
        vms,
        vols,
        snaps,
        balance,
        ib,
        vb,
        sb,
        pricing,
    } = inputs;
    let p = &pricing.pricing_data;
    for currency in [CurrencyEnum::Usd, CurrencyEnum::Eur, CurrencyEnum::Inr] {
        let burn = costs::burn_rate(
            &vms.instances,
            &vols.volumes,
            &snaps.snapshots,
            p,
            &currency,
        );
        for (w, x) in [
            ("instances", burn.instances),
            ("volumes", burn.volumes),
            ("snapshots", burn.snapshots),
            ("total", burn.total),
        ] {
            finite(w, x);
        }
        for vm in &vms.instances {
            finite("vm rate", costs::vm_rate_now(vm, p, &currency));
        }
        if let Some(h) = costs::runway_hours(balance.primary(), burn.total) {
            finite("runway", h);
        }
        for s in spend::still_billing(
            &vms.instances,
            &vols.volumes,
            &snaps.snapshots,
            p,
            &currency,
        ) {
            finite("still billing per day", s.per_day);
        }
        finite(
            "savings",
            spend::hibernation_savings_per_day(&vms.instances, p, &currency),
        );
        for vm in &vms.instances {
            for count in [0, 1, u32::MAX] {
                if let Some(q) = deploy::quote(
                    p,
                    &vm.flavor.gpu_model,
                    None,
                    count,
                    &currency,
                    balance.primary(),
                ) {
                    for x in [
                        q.per_gpu_hour,
                        q.per_hour,
                        q.per_minute,
                        q.per_day,
                        q.balance,
                    ] {
                        finite("quote", x);
                    }
                    if let Some(h) = q.runway_hours {
                        finite("quote runway", h);
                    }
                }
            }
        }
    }
    let all = spend::accruals(&ib.records, &vb.records, &sb.records);
    let now: DateTime<Utc> = "2026-03-29T00:30:00Z".parse().unwrap();
    let zones = [
        FixedOffset::east_opt(14 * 3600).unwrap(),
        FixedOffset::west_opt(12 * 3600).unwrap(),
        FixedOffset::east_opt(0).unwrap(),
    ];
    for tz in &zones {
        let w = spend::windows(&all, tz, now);
        for x in [w.today, w.week, w.month] {
            finite("window", x);
        }
        for d in spend::daily(&all, tz, now, 30) {
            for x in [d.instances, d.volumes, d.snapshots] {
                finite("day", x);
            }
        }
    }
    for t in spend::top_resources(&all, 8) {
        finite("top", t.cost);
    }
    let _ = spend::instance_records_csv(&ib.records);
    let _ = spend::volume_records_csv(&vb.records);
    let _ = spend::snapshot_records_csv(&sb.records);
}

#[test]
fn money_stays_finite_whatever_one_value_is() {
    let m = money();
    let extremes = extremes();
    let plain: Vec<(&str, Vec<u8>)> = m
        .bodies
        .iter()
        .map(|(n, b)| (*n, serde_json::to_vec(b).unwrap()))
        .collect();
    let base = Inputs::decode(&plain);
    let mut runs = 0usize;
    for (name, body) in &m.bodies {
        let mutated = leaves(body)
            .into_iter()
            .flat_map(|pointer| extremes.iter().map(move |x| (pointer.clone(), x)))
            .map(|(pointer, x)| with(body, &pointer, x))
            .chain(extremes.iter().map(|x| all_numbers(body, x)));
        for bytes in mutated {
            let mut inputs = base.clone();
            inputs.set(name, &bytes);
            figures_of(&inputs);
            runs += 1;
        }
    }
    eprintln!("extreme_numbers: money figures computed finite in {runs} runs");
    assert!(runs > 1_000, "only {runs} runs");
}

#[test]
fn huge_durations_split_at_midnight_without_overflow() {
    for minutes in [
        json!(1e308),
        json!(u64::MAX),
        json!("1e308"),
        json!(-1e308),
        json!(5e-324),
    ] {
        let body = json!({"records": [{
            "instance_id": "i-1", "vm_name": "big", "total_cost": 1e308,
            "start_time": "2026-03-28T23:59:00Z", "end_time": "2026-03-29T00:01:00Z",
            "total_duration_minutes": minutes,
        }, {
            "instance_id": "i-2", "vm_name": "end", "total_cost": 5.0,
            "start_time": "9999-12-31T23:00:00Z", "total_duration_minutes": minutes,
        }]});
        let r: InstanceBillingResponse = from_slice(body.to_string().as_bytes()).unwrap();
        money_figures(&[("InstanceBillingResponse", body.to_string().into_bytes())]);
        let all = spend::accruals(&r.records, &[], &[]);
        assert!(!all.is_empty(), "{minutes}");
        for a in &all {
            assert!(a.end >= a.start);
            finite("cost", a.cost);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Many values changed at once, in every money body together.
    #[test]
    fn money_stays_finite_whatever_many_values_are(
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..24)
    ) {
        let m = money_cached();
        let extremes = extremes();
        let mut bodies: Vec<(&str, Value)> = m.bodies.clone();
        for (which, leaf, x) in picks {
            let i = which.index(bodies.len());
            let ls = leaves(&bodies[i].1);
            if ls.is_empty() { continue; }
            let pointer = &ls[leaf.index(ls.len())];
            if let Some(slot) = bodies[i].1.pointer_mut(pointer) {
                *slot = extremes[x.index(extremes.len())].clone();
            }
        }
        let raw: Vec<(&str, Vec<u8>)> = bodies.iter().map(|(n, b)| (*n, serde_json::to_vec(b).unwrap())).collect();
        money_figures(&raw);
        for (name, body) in &raw {
            types()[name].0(body);
        }
        let _ = ApiError::from_response(429, &raw[0].1, None);
    }
}

fn money_cached() -> &'static Money {
    static M: std::sync::OnceLock<Money> = std::sync::OnceLock::new();
    M.get_or_init(money)
}
