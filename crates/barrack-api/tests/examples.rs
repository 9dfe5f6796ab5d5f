//! Every documented example body (tests/testdata/, copied verbatim from the API
//! documentation's examples) decodes into its type through the lenient path the client
//! uses, `barrack_api::decode::from_slice`, with the documented values intact. Plus the
//! tolerances the design promises: integers as floats or strings, unknown fields, unknown
//! enum values, snake_case summary spellings, `"success": 1`, nulls.

use barrack_api::decode::{from_slice, Timestamp};
use barrack_api::types::{
    BillingStatus, CurrencyEnum, Envelope, GpuModelEnum, InstanceBillingResponse, PageInfo,
    Paginated, PricingRequest, PricingResponse, RemoveVMSecurityRuleResponse, ResourceTypeEnum,
    TierEnum, VolumeHourlyBillingResponse, VolumeTypeEnum,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------
// Helpers

fn testdata_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata")
}

fn example(name: &str) -> Vec<u8> {
    let path = testdata_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn example_value(name: &str) -> Value {
    serde_json::from_slice(&example(name)).expect("example is valid JSON")
}

fn decode<T: DeserializeOwned>(name: &str) -> T {
    from_slice(&example(name)).unwrap_or_else(|e| panic!("{name} does not decode: {e}"))
}

/// Decodes a (modified) JSON value through the byte path the client uses.
fn decode_value<T: DeserializeOwned>(value: &Value) -> T {
    let bytes = serde_json::to_vec(value).unwrap();
    from_slice(&bytes).unwrap_or_else(|e| panic!("{value} does not decode: {e}"))
}

#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

/// The charge every kind of billing record carries, in USD: minutes, rate per minute, cost,
/// status and description (a macro: each record kind is its own type).
macro_rules! assert_usd_charge {
    ($r:expr, $minutes:expr, $rate:expr, $cost:expr, $status:expr, $description:expr) => {{
        let r = &$r;
        assert_close(r.total_duration_minutes, $minutes);
        assert_close(r.per_minute_rate, $rate);
        assert_close(r.total_cost, $cost);
        assert_eq!(r.currency, CurrencyEnum::Usd);
        assert_eq!(r.status, $status);
        assert_eq!(r.description.as_deref(), Some($description));
    }};
}

/// The paging of the documented billing examples: page 1 of 1, 20 a page, `total` records.
fn first_of_one_page(total: u64) -> PageInfo {
    PageInfo {
        total,
        page: 1,
        limit: 20,
        total_pages: 1,
    }
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap_or_else(|| panic!("not a timestamp: {s}"))
}

const PRICING_RESPONSE: &str = "post-pricing-response-200.json";
const PRICING_REQUEST: &str = "post-pricing-request.json";
const PRICING_REQUEST_CURL: &str = "post-pricing-request-curl.txt";
const INSTANCE_BILLING: &str = "get-instance-billing-response-200.json";
const VOLUME_BILLING: &str = "get-volume-billing-response-200.json";
const REMOVE_RULE: &str = "schema-RemoveVMSecurityRuleResponse-example.json";

// ---------------------------------------------------------------------------------------
// The table: every .json file of tests/testdata/ and the type it decodes into.

type DecodeFn = fn(&[u8]) -> Result<(), serde_json::Error>;

fn decodes_as<T: DeserializeOwned>(body: &[u8]) -> Result<(), serde_json::Error> {
    from_slice::<T>(body).map(drop)
}

/// File name → decode function. Each entry also has a dedicated test below that checks
/// the decoded values; a new example file must be added here (see
/// `every_example_file_has_a_decode_test`).
const EXAMPLES: &[(&str, DecodeFn)] = &[
    (PRICING_RESPONSE, decodes_as::<PricingResponse>),
    (PRICING_REQUEST, decodes_as::<PricingRequest>),
    (INSTANCE_BILLING, decodes_as::<InstanceBillingResponse>),
    (VOLUME_BILLING, decodes_as::<VolumeHourlyBillingResponse>),
    (REMOVE_RULE, decodes_as::<RemoveVMSecurityRuleResponse>),
];

#[test]
fn every_example_file_has_a_decode_test() {
    let mut json_files = Vec::new();
    for entry in std::fs::read_dir(testdata_dir()).expect("tests/testdata exists") {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            json_files.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    json_files.sort();
    assert!(!json_files.is_empty(), "no example bodies found");

    let missing: Vec<&String> = json_files
        .iter()
        .filter(|f| !EXAMPLES.iter().any(|(name, _)| name == f))
        .collect();
    assert!(
        missing.is_empty(),
        "example bodies without a decode test (add them to EXAMPLES): {missing:?}"
    );

    let stale: Vec<&str> = EXAMPLES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !json_files.iter().any(|f| f == name))
        .collect();
    assert!(
        stale.is_empty(),
        "EXAMPLES lists files that are not in tests/testdata: {stale:?}"
    );

    for (name, decode) in EXAMPLES {
        if let Err(e) = decode(&example(name)) {
            panic!("{name} does not decode: {e}");
        }
    }
}

#[test]
fn testdata_matches_the_shared_examples_when_present() {
    // The shared folder is not part of a user's clone; when it is there, the copy must
    // still be verbatim.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/barrack/api/examples");
    let Ok(entries) = std::fs::read_dir(&shared) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let copy = testdata_dir().join(&name);
        assert!(copy.exists(), "{name} is missing from tests/testdata");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&copy).unwrap(),
            "tests/testdata/{name} differs from the shared example"
        );
    }
}

// ---------------------------------------------------------------------------------------
// post-pricing-response-200.json

#[test]
fn pricing_response_decodes_with_documented_values() {
    let resp: PricingResponse = decode(PRICING_RESPONSE);
    assert!(resp.success);
    assert!(Envelope::success(&resp));
    assert_eq!(
        resp.message.as_deref(),
        Some("Pricing information retrieved successfully")
    );
    assert_eq!(Envelope::request_id(&resp), Some("a1b2c3d4"));

    let data = &resp.pricing_data;

    // GPUs.
    let h100 = data
        .gpu_price(&TierEnum::Advanced, &GpuModelEnum::H100Sxm5_80gb)
        .expect("H100-SXM5-80GB is priced in the advanced tier");
    assert_close(h100.in_currency(&CurrencyEnum::Usd).unwrap(), 2.49);
    assert_close(h100.in_currency(&CurrencyEnum::Eur).unwrap(), 2.69);
    assert_close(h100.in_currency(&CurrencyEnum::Inr).unwrap(), 209.0);
    assert_eq!(h100.max_count, Some(8));
    assert_eq!(h100.unit.as_deref(), Some("per GPU per hour"));
    assert_eq!(h100.fixed_size_gb, None);
    assert_eq!(
        h100.in_currency(&CurrencyEnum::Other("GBP".into())),
        None,
        "no price in an unlisted currency"
    );

    let nvlink = data
        .gpu_price(&TierEnum::Legacy, &GpuModelEnum::H100PcieNvlink80gb)
        .unwrap();
    assert_close(nvlink.in_currency(&CurrencyEnum::Usd).unwrap(), 2.29);
    assert_eq!(nvlink.max_count, Some(8));

    let a6000 = data
        .gpu_price(&TierEnum::Legacy, &GpuModelEnum::RtxA6000)
        .unwrap();
    assert_close(a6000.in_currency(&CurrencyEnum::Usd).unwrap(), 0.69);
    assert_eq!(a6000.max_count, Some(4));

    let b300 = data
        .gpu_price(&TierEnum::Advanced, &GpuModelEnum::B300_262gb)
        .unwrap();
    assert_close(b300.in_currency(&CurrencyEnum::Usd).unwrap(), 5.79);
    assert_close(b300.in_currency(&CurrencyEnum::Inr).unwrap(), 499.0);

    // Not offered in that tier / not offered at all.
    assert!(data
        .gpu_price(&TierEnum::Legacy, &GpuModelEnum::H100Sxm5_80gb)
        .is_none());
    assert!(data
        .gpu_price(&TierEnum::Advanced, &GpuModelEnum::L40)
        .is_none());

    assert_eq!(
        data.tiers_of(&GpuModelEnum::H100Sxm5_80gb),
        vec![TierEnum::Advanced]
    );
    assert_eq!(
        data.tiers_of(&GpuModelEnum::RtxA6000),
        vec![TierEnum::Legacy]
    );
    assert_eq!(
        data.tiers_of(&GpuModelEnum::H100PcieNvlink80gb),
        vec![TierEnum::Legacy]
    );
    assert!(data.tiers_of(&GpuModelEnum::A40).is_empty());
    assert_eq!(
        data.gpus.description.as_deref(),
        Some("GPU pricing by model and tier")
    );

    // Volumes.
    let (tier, ssd) = data.volume_price(&VolumeTypeEnum::Ssd).unwrap();
    assert_eq!(tier, TierEnum::Legacy);
    assert_close(ssd.in_currency(&CurrencyEnum::Usd).unwrap(), 0.1);
    assert_close(ssd.in_currency(&CurrencyEnum::Inr).unwrap(), 10.0);
    assert_eq!(ssd.unit.as_deref(), Some("per TB per hour"));
    let (tier, hdd) = data.volume_price(&VolumeTypeEnum::Hdd).unwrap();
    assert_eq!(tier, TierEnum::Advanced);
    assert_close(hdd.in_currency(&CurrencyEnum::Usd).unwrap(), 0.08);
    let (tier, nvme) = data.volume_price(&VolumeTypeEnum::Nvme).unwrap();
    assert_eq!(tier, TierEnum::Advanced);
    assert_close(nvme.in_currency(&CurrencyEnum::Usd).unwrap(), 0.3);
    assert_close(nvme.in_currency(&CurrencyEnum::Eur).unwrap(), 0.35);
    assert!(data
        .volume_price(&VolumeTypeEnum::Other("tape".into()))
        .is_none());
    assert_eq!(data.volumes.minimum_size_gb, Some(100));
    assert_eq!(data.volume_minimum_size_gb(), Some(100));

    // Snapshots.
    let snap = data.snapshot_price().expect("snapshot price");
    assert_close(snap.in_currency(&CurrencyEnum::Usd).unwrap(), 0.1);
    assert_close(snap.in_currency(&CurrencyEnum::Eur).unwrap(), 0.1);
    assert_close(snap.in_currency(&CurrencyEnum::Inr).unwrap(), 10.0);
    assert_eq!(snap.fixed_size_gb, Some(100));
    assert_eq!(snap.unit.as_deref(), Some("per hour (fixed 100GB)"));

    // Metadata.
    let meta = &data.metadata;
    assert_eq!(meta.timestamp, 1702234567);
    assert_eq!(
        Timestamp::from_unix(meta.timestamp as f64)
            .unwrap()
            .to_string(),
        "2023-12-10T18:56:07Z"
    );
    assert_eq!(
        meta.supported_tiers,
        vec![TierEnum::Legacy, TierEnum::Advanced]
    );
    assert_eq!(
        meta.supported_currencies,
        vec![CurrencyEnum::Usd, CurrencyEnum::Eur, CurrencyEnum::Inr]
    );
    assert_eq!(meta.volume_minimum_size_gb, Some(100));
    assert_eq!(meta.authenticated_user.as_deref(), Some("my_api_key"));
    assert_eq!(meta.authentication_type.as_deref(), Some("api_key"));
}

#[test]
fn pricing_helpers_match_tier_and_model_case_insensitively() {
    // The docs mix `advanced` and `Advanced`: the lookups must not care.
    let mut v = example_value(PRICING_RESPONSE);
    let gpus = v["pricing_data"]["gpus"]["pricing"]
        .as_object_mut()
        .unwrap();
    let advanced = gpus.remove("advanced").unwrap();
    gpus.insert("Advanced".into(), advanced);
    let advanced = gpus["Advanced"].as_object_mut().unwrap();
    let h100 = advanced.remove("H100-SXM5-80GB").unwrap();
    advanced.insert("h100-sxm5-80gb".into(), h100);

    let resp: PricingResponse = decode_value(&v);
    let p = resp
        .pricing_data
        .gpu_price(&TierEnum::Advanced, &GpuModelEnum::H100Sxm5_80gb)
        .expect("found despite case differences");
    assert_close(p.in_currency(&CurrencyEnum::Usd).unwrap(), 2.49);
    assert_eq!(
        resp.pricing_data.tiers_of(&GpuModelEnum::H100Sxm5_80gb),
        vec![TierEnum::Advanced]
    );
}

// ---------------------------------------------------------------------------------------
// post-pricing-request.json (and the curl sample that carries the same body)

#[test]
fn pricing_request_decodes_and_reencodes_to_the_same_fields() {
    let req: PricingRequest = decode(PRICING_REQUEST);
    assert_eq!(req.tier, Some(TierEnum::Legacy));
    assert_eq!(req.currency, Some(CurrencyEnum::Usd));
    assert_eq!(req.resource_type, Some(ResourceTypeEnum::Volumes));
    assert_eq!(req.volume_size_gb, Some(100));
    assert_eq!(req.volume_type, Some(VolumeTypeEnum::Ssd));
    // The documentation's placeholder: an unknown model, kept verbatim.
    assert_eq!(req.gpu_model, Some(GpuModelEnum::Other("string".into())));
    assert_eq!(req.gpu_count, Some(1));

    let original = example_value(PRICING_REQUEST);
    let encoded = serde_json::to_value(&req).unwrap();
    let (orig, enc) = (original.as_object().unwrap(), encoded.as_object().unwrap());
    for (field, value) in orig {
        assert_eq!(
            enc.get(field),
            Some(value),
            "field {field} after re-encoding"
        );
    }
    assert_eq!(encoded, original, "no extra fields on re-encoding");

    // And decoding the re-encoded body gives the same request.
    let again: PricingRequest = from_slice(&serde_json::to_vec(&req).unwrap()).unwrap();
    assert_eq!(again, req);
}

#[test]
fn pricing_request_skips_absent_fields_when_encoding() {
    let req = PricingRequest {
        resource_type: Some(ResourceTypeEnum::Gpus),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        json!({"resource_type": "gpus"})
    );
}

#[test]
fn curl_sample_body_is_the_pricing_request_example() {
    let curl = String::from_utf8(example(PRICING_REQUEST_CURL)).unwrap();
    assert!(curl.contains("--request POST 'https://barrack.ai/api/pricing/?"));
    let start = curl.find("--data-raw '").expect("curl sample has a body") + "--data-raw '".len();
    let end = curl.rfind('\'').unwrap();
    let body = &curl[start..end];
    let from_curl: PricingRequest = from_slice(body.as_bytes()).unwrap();
    let from_json: PricingRequest = decode(PRICING_REQUEST);
    assert_eq!(from_curl, from_json);
}

// ---------------------------------------------------------------------------------------
// get-instance-billing-response-200.json

#[test]
fn instance_billing_response_decodes_with_documented_values() {
    let resp: InstanceBillingResponse = decode(INSTANCE_BILLING);
    assert!(resp.success);
    assert_eq!(resp.message, None);
    assert_eq!(resp.request_id, None);
    assert_eq!(resp.currency, Some(CurrencyEnum::Usd));
    assert_eq!(resp.page_info(), first_of_one_page(17));

    assert_eq!(resp.records.len(), 1);
    let r = &resp.records[0];
    assert_eq!(r.billing_id, "BRK-123456DB");
    assert_eq!(r.instance_id, "BRK-123456D");
    assert_eq!(r.vm_name, "ml-training-server");
    assert_eq!(r.gpu_type, GpuModelEnum::H100Sxm5_80gb);
    assert_eq!(r.gpu_count, 4);
    assert_eq!(r.tier, Some(TierEnum::Advanced));
    let start = r.start_time.expect("start_time");
    assert_eq!(start, ts("2025-01-15T10:30:00Z"));
    assert_eq!(start.to_string(), "2025-01-15T10:30:00Z");
    assert_eq!(r.end_time, None, "end_time: null is absent");
    assert_usd_charge!(
        r,
        7200.0,
        0.166,
        1195.2,
        BillingStatus::Active,
        "Deployment billing - 7200 minutes for H100-SXM5-80GB x4 (ml-training-server)"
    );

    // camelCase on the wire.
    let s = &resp.summary;
    assert_close(s.total_minutes, 19110.0);
    assert_eq!(s.active_count, 3);
    assert_eq!(s.completed_count, 12);
    assert_eq!(s.hibernated_count, 1);
    assert_close(s.average_usage, 1124.12);
    assert_close(s.total_cost, 1810.95);

    assert_eq!(resp.clone().into_items(), resp.records);
}

// ---------------------------------------------------------------------------------------
// get-volume-billing-response-200.json

#[test]
fn volume_billing_response_decodes_with_documented_values() {
    let resp: VolumeHourlyBillingResponse = decode(VOLUME_BILLING);
    assert!(resp.success);
    assert_eq!(resp.currency, Some(CurrencyEnum::Usd));
    assert_eq!(resp.page_info(), first_of_one_page(1));

    assert_eq!(resp.records.len(), 1);
    let r = &resp.records[0];
    assert_eq!(r.billing_id, "VBILL_a1b2c3d4e5");
    assert_eq!(r.volume_id, "BRK-123456V");
    assert_eq!(r.volume_name, "storage1");
    assert_eq!(r.size_gb, 1000);
    // Capitalised on the wire.
    assert_eq!(r.tier, Some(TierEnum::Advanced));
    // Zone-less timestamps are taken as UTC.
    assert_eq!(r.start_time, Some(ts("2025-01-15T10:00:00Z")));
    assert_eq!(r.end_time, Some(ts("2025-01-15T18:00:00Z")));
    assert_eq!(r.start_time.unwrap().to_string(), "2025-01-15T10:00:00Z");
    let minutes = (r.end_time.unwrap().0 - r.start_time.unwrap().0).num_minutes();
    assert_eq!(minutes as f64, r.total_duration_minutes);
    assert_usd_charge!(
        r,
        480.0,
        0.0002,
        0.096,
        BillingStatus::Available,
        "Volume billing - 480 minutes at 1000GB (storage1)"
    );

    let s = &resp.summary;
    assert_close(s.total_minutes, 480.0);
    assert_eq!(s.active_count, 1);
    assert_close(s.average_usage, 480.0);
    assert_close(s.total_size_gb, 1000.0);
    assert_close(s.total_cost, 0.096);
}

// ---------------------------------------------------------------------------------------
// schema-RemoveVMSecurityRuleResponse-example.json

#[test]
fn remove_vm_security_rule_response_decodes() {
    let resp: RemoveVMSecurityRuleResponse = decode(REMOVE_RULE);
    assert!(resp.success);
    assert_eq!(resp.message.as_deref(), Some("string"));
    assert_eq!(resp.instance_id, "string");
    assert_eq!(resp.rule_id, "string");
    // The schema's placeholder is not a known tier: kept as-is.
    assert_eq!(resp.tier, Some(TierEnum::Other("string".into())));
    assert_eq!(resp.request_id.as_deref(), Some("string"));
}

// ---------------------------------------------------------------------------------------
// Tolerances

#[test]
fn integers_may_arrive_as_floats_or_strings() {
    let mut v = example_value(INSTANCE_BILLING);
    v["records"][0]["gpu_count"] = json!(4.0);
    v["records"][0]["total_duration_minutes"] = json!("7200");
    v["records"][0]["per_minute_rate"] = json!("0.166");
    v["records"][0]["billing_id"] = json!(123456);
    v["total"] = json!("17");
    v["page"] = json!(1.0);
    v["limit"] = json!(" 20 ");
    v["total_pages"] = json!(1.0);
    v["summary"]["activeCount"] = json!(3.0);
    v["summary"]["totalMinutes"] = json!("19110");

    let resp: InstanceBillingResponse = decode_value(&v);
    let r = &resp.records[0];
    assert_eq!(r.gpu_count, 4);
    assert_close(r.total_duration_minutes, 7200.0);
    assert_close(r.per_minute_rate, 0.166);
    assert_eq!(r.billing_id, "123456", "a numeric id is kept as text");
    assert_eq!(resp.page_info(), first_of_one_page(17));
    assert_eq!(resp.summary.active_count, 3);
    assert_close(resp.summary.total_minutes, 19110.0);

    // And the reverse: a float field given as an integer.
    let mut v = example_value(VOLUME_BILLING);
    v["summary"]["totalCost"] = json!(1);
    let resp: VolumeHourlyBillingResponse = decode_value(&v);
    assert_close(resp.summary.total_cost, 1.0);

    // A count rounds a fractional value rather than failing.
    let mut v = example_value(INSTANCE_BILLING);
    v["records"][0]["gpu_count"] = json!(3.9999);
    let resp: InstanceBillingResponse = decode_value(&v);
    assert_eq!(resp.records[0].gpu_count, 4);

    // Pricing: a numeric-string timestamp and float counts.
    let mut v = example_value(PRICING_RESPONSE);
    v["pricing_data"]["metadata"]["timestamp"] = json!("1702234567");
    v["pricing_data"]["gpus"]["pricing"]["advanced"]["H100-SXM5-80GB"]["max_count"] = json!(8.0);
    v["pricing_data"]["volumes"]["minimum_size_gb"] = json!("100");
    let resp: PricingResponse = decode_value(&v);
    assert_eq!(resp.pricing_data.metadata.timestamp, 1702234567);
    let p = resp
        .pricing_data
        .gpu_price(&TierEnum::Advanced, &GpuModelEnum::H100Sxm5_80gb)
        .unwrap();
    assert_eq!(p.max_count, Some(8));
    assert_eq!(resp.pricing_data.volumes.minimum_size_gb, Some(100));
}

#[test]
fn non_numbers_in_number_fields_are_errors_not_panics() {
    for bad in [json!("many"), json!(-1), json!([4]), json!({"n": 4})] {
        let mut v = example_value(INSTANCE_BILLING);
        v["records"][0]["gpu_count"] = bad.clone();
        let bytes = serde_json::to_vec(&v).unwrap();
        assert!(
            from_slice::<InstanceBillingResponse>(&bytes).is_err(),
            "gpu_count {bad} should not decode"
        );
    }
}

#[test]
fn unknown_fields_are_ignored() {
    let expected: InstanceBillingResponse = decode(INSTANCE_BILLING);
    let mut v = example_value(INSTANCE_BILLING);
    v["brand_new_field"] = json!({"nested": [1, 2, {"deep": null}]});
    v["records"][0]["gpu_memory_gb"] = json!(80);
    v["records"][0]["labels"] = json!(["a", "b"]);
    v["summary"]["refundedCount"] = json!(2);
    let resp: InstanceBillingResponse = decode_value(&v);
    assert_eq!(resp, expected);

    let expected: PricingResponse = decode(PRICING_RESPONSE);
    let mut v = example_value(PRICING_RESPONSE);
    v["pricing_data"]["metadata"]["region"] = json!("NORWAY-1");
    v["pricing_data"]["gpus"]["pricing"]["advanced"]["H100-SXM5-80GB"]["discount"] = json!(0.1);
    let resp: PricingResponse = decode_value(&v);
    assert_eq!(resp, expected);

    let expected: RemoveVMSecurityRuleResponse = decode(REMOVE_RULE);
    let mut v = example_value(REMOVE_RULE);
    v["timestamp"] = json!("2025-01-01T00:00:00Z");
    let resp: RemoveVMSecurityRuleResponse = decode_value(&v);
    assert_eq!(resp, expected);
}

#[test]
fn unknown_enum_values_are_kept_as_other() {
    let mut v = example_value(INSTANCE_BILLING);
    v["records"][0]["status"] = json!("QUANTUM");
    v["records"][0]["gpu_type"] = json!("Z900-1TB");
    v["records"][0]["tier"] = json!("platinum");
    v["records"][0]["currency"] = json!("GBP");
    v["currency"] = json!("JPY");
    let resp: InstanceBillingResponse = decode_value(&v);
    let r = &resp.records[0];
    assert_eq!(r.status, BillingStatus::Other("QUANTUM".into()));
    assert!(r.status.is_other());
    assert_eq!(r.status.as_str(), "QUANTUM");
    assert_eq!(r.status.to_string(), "QUANTUM");
    assert_eq!(r.gpu_type, GpuModelEnum::Other("Z900-1TB".into()));
    assert_eq!(r.tier, Some(TierEnum::Other("platinum".into())));
    assert_eq!(r.currency, CurrencyEnum::Other("GBP".into()));
    assert_eq!(resp.currency, Some(CurrencyEnum::Other("JPY".into())));

    // Shown and sent back as-is.
    let encoded = serde_json::to_value(r).unwrap();
    assert_eq!(encoded["status"], "QUANTUM");
    assert_eq!(encoded["gpu_type"], "Z900-1TB");
    assert_eq!(encoded["tier"], "platinum");

    // Pricing metadata lists too.
    let mut v = example_value(PRICING_RESPONSE);
    v["pricing_data"]["metadata"]["supported_tiers"] = json!(["legacy", "advanced", "spot"]);
    let resp: PricingResponse = decode_value(&v);
    assert_eq!(
        resp.pricing_data.metadata.supported_tiers,
        vec![
            TierEnum::Legacy,
            TierEnum::Advanced,
            TierEnum::Other("spot".into())
        ]
    );
}

#[test]
fn enum_values_match_regardless_of_case() {
    let mut v = example_value(INSTANCE_BILLING);
    v["records"][0]["status"] = json!("ACTIVE");
    v["records"][0]["tier"] = json!("ADVANCED");
    v["records"][0]["currency"] = json!("usd");
    v["records"][0]["gpu_type"] = json!("h100_sxm5_80gb");
    let resp: InstanceBillingResponse = decode_value(&v);
    let r = &resp.records[0];
    assert_eq!(r.status, BillingStatus::Active);
    assert_eq!(r.tier, Some(TierEnum::Advanced));
    assert_eq!(r.currency, CurrencyEnum::Usd);
    assert_eq!(r.gpu_type, GpuModelEnum::H100Sxm5_80gb);
}

#[test]
fn summaries_accept_snake_case_spellings() {
    let camel: InstanceBillingResponse = decode(INSTANCE_BILLING);
    let mut v = example_value(INSTANCE_BILLING);
    v["summary"] = json!({
        "total_minutes": 19110,
        "active_count": 3,
        "completed_count": 12,
        "hibernated_count": 1,
        "average_usage": 1124.12,
        "total_cost": 1810.95
    });
    let snake: InstanceBillingResponse = decode_value(&v);
    assert_close(snake.summary.total_minutes, 19110.0);
    assert_eq!(snake.summary.active_count, 3);
    assert_eq!(snake.summary.completed_count, 12);
    assert_eq!(snake.summary.hibernated_count, 1);
    assert_close(snake.summary.average_usage, 1124.12);
    assert_close(snake.summary.total_cost, 1810.95);
    assert_eq!(snake, camel);

    let camel: VolumeHourlyBillingResponse = decode(VOLUME_BILLING);
    for size_key in ["total_size_gb", "totalSizeGb", "totalSizeGB"] {
        let mut v = example_value(VOLUME_BILLING);
        v["summary"] = json!({
            "total_minutes": 480,
            "active_count": 1,
            "average_usage": 480,
            size_key: 1000,
            "total_cost": 0.096
        });
        let snake: VolumeHourlyBillingResponse = decode_value(&v);
        assert_close(snake.summary.total_size_gb, 1000.0);
        assert_eq!(snake, camel, "summary with {size_key}");
    }

    // Encoding uses the documented camelCase spellings.
    let encoded = serde_json::to_value(&camel.summary).unwrap();
    assert_eq!(encoded["totalSizeGB"], json!(1000.0));
    assert_eq!(encoded["totalMinutes"], json!(480.0));
}

#[test]
fn success_may_be_a_number_or_a_string() {
    for (raw, expected) in [
        (json!(1), true),
        (json!(0), false),
        (json!(1.0), true),
        (json!("true"), true),
        (json!("false"), false),
        (json!(true), true),
    ] {
        let mut v = example_value(REMOVE_RULE);
        v["success"] = raw.clone();
        let resp: RemoveVMSecurityRuleResponse = decode_value(&v);
        assert_eq!(resp.success, expected, "success: {raw}");

        let mut v = example_value(INSTANCE_BILLING);
        v["success"] = raw.clone();
        let resp: InstanceBillingResponse = decode_value(&v);
        assert_eq!(resp.success, expected, "success: {raw}");
    }
}

#[test]
fn nulls_count_as_absent() {
    let mut v = example_value(INSTANCE_BILLING);
    v["summary"] = Value::Null;
    v["records"][0]["tier"] = Value::Null;
    v["records"][0]["gpu_count"] = Value::Null;
    v["message"] = Value::Null;
    let resp: InstanceBillingResponse = decode_value(&v);
    assert_eq!(resp.summary, Default::default());
    assert_eq!(resp.records[0].tier, None);
    assert_eq!(resp.records[0].gpu_count, 0);
    assert_eq!(resp.message, None);
}

#[test]
fn timestamps_with_offsets_and_unix_seconds() {
    for start in [
        json!("2025-01-15T10:30:00Z"),
        json!("2025-01-15T10:30:00"),
        json!("2025-01-15T11:30:00+01:00"),
        json!("2025-01-15 10:30:00"),
        json!(1736937000),
        json!("1736937000"),
    ] {
        let mut v = example_value(INSTANCE_BILLING);
        v["records"][0]["start_time"] = start.clone();
        let resp: InstanceBillingResponse = decode_value(&v);
        assert_eq!(
            resp.records[0].start_time,
            Some(ts("2025-01-15T10:30:00Z")),
            "start_time {start}"
        );
    }
}

#[test]
fn empty_and_minimal_bodies_decode_to_defaults() {
    let resp: InstanceBillingResponse = from_slice(b"{}").unwrap();
    assert_eq!(resp, InstanceBillingResponse::default());
    let resp: PricingResponse = from_slice(br#"{"success": true}"#).unwrap();
    assert!(resp.success);
    assert!(resp.pricing_data.snapshot_price().is_none());
    assert!(resp
        .pricing_data
        .gpu_price(&TierEnum::Advanced, &GpuModelEnum::H100Sxm5_80gb)
        .is_none());
    assert_eq!(resp.pricing_data.volume_minimum_size_gb(), None);

    // Not JSON, or not an object: an error, never a panic.
    assert!(from_slice::<PricingResponse>(b"").is_err());
    assert!(from_slice::<PricingResponse>(b"<html>502</html>").is_err());
    assert!(from_slice::<PricingResponse>(b"null").is_err());
    assert!(from_slice::<PricingResponse>(b"42").is_err());
    // serde's derive also accepts a struct as a JSON array of its fields in order, so an
    // empty array decodes to the default value (`success: false`) rather than an error.
    let resp: PricingResponse = from_slice(b"[]").unwrap();
    assert!(!resp.success);
}
