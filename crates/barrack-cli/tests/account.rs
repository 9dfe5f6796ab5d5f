//! balance, gpus stock|specs, regions, pricing, os-images — and the global flags.
mod common;

use common::*;

#[test]
fn balance_prints_a_table_and_json_is_the_api_answer() {
    let s = TestSim::sandbox();
    assert_succeeds_saying(s.cmd().arg("balance"), &["USD", "account currency"]);
    let v = s.json(&["balance"]);
    assert_eq!(v["success"], true);
    assert_eq!(v["currency"], "USD");
    assert!(v["balances"][0]["amount"].as_f64().unwrap() > 0.0);
}

#[test]
fn gpus_stock_and_specs() {
    let s = TestSim::sandbox();
    s.admin(
        "stock",
        serde_json::json!({"region": "US-1", "gpu_model": "L40", "available": 5}),
    );
    let out = s
        .cmd()
        .args(["gpus", "stock", "--region", "US-1", "--gpu-model", "L40"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert_contains_all(&text, &["L40", "US-1", "1x:5", "4x:1"]);
    assert!(!text.contains("CANADA-1"));
    let v = s.json(&["gpus", "specs"]);
    assert!(v["specs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["gpu_model"] == "B300-262GB"));
    s.succeeds_saying(&["gpus", "specs"], &["NVLINK", "H100-SXM5-80GB"]);
}

#[test]
fn regions_lists_the_three() {
    let s = TestSim::empty();
    assert_succeeds_saying(s.cmd().arg("regions"), &["NORWAY-1", "CANADA-1", "US-1"]);
}

#[test]
fn pricing_get_and_post_with_a_quote() {
    let s = TestSim::empty();
    let text = s.ok_stdout(&[
        "pricing",
        "--currency",
        "USD",
        "--gpu-model",
        "H100-SXM5-80GB",
        "--gpu-count",
        "4",
    ]);
    assert!(
        text.contains("4 x H100-SXM5-80GB (advanced): 9.96 USD per hour"),
        "{text}"
    );
    assert!(text.contains("per TB per hour"));
    assert_eq!(s.request_count("get_pricing"), 1);
    let v = s.json(&["pricing", "--post", "--resource-type", "volumes"]);
    assert_eq!(v["pricing_data"]["metadata"]["volume_minimum_size_gb"], 100);
    assert_eq!(s.request_count("post_pricing"), 1);
    // Bad input is refused before any request.
    s.fails(&["pricing", "--currency", "GBP"], 2, &["currency"]);
}

#[test]
fn os_images_of_a_region() {
    let s = TestSim::empty();
    let out = s
        .cmd()
        .args(["os-images", "--region", "NORWAY-1"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_contains_all(&text, &["Ubuntu Server 22.04", "ubuntu"]);
    assert_contains_none(&text, &["US-1"]);
    s.fails(
        &["os-images", "--region", "MARS-1"],
        2,
        &["unknown region", "NORWAY-1"],
    );
    assert_eq!(s.request_count("list_os_images"), 1);
}

#[test]
fn explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args(["--explain", "pricing", "--post", "--currency", "EUR"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success());
    assert!(
        text.starts_with(&format!("POST {}pricing/", s.url)),
        "{text}"
    );
    assert_contains_all(
        &text,
        &["Authorization: Bearer <redacted>", "\"currency\": \"EUR\""],
    );
    assert!(!text.contains(&s.key));
    assert_eq!(s.request_count("post_pricing"), 0);
    // No key is needed to explain.
    assert_succeeds_saying(
        s.cmd()
            .env_remove("BARRACK_API_KEY")
            .args(["--explain", "balance"]),
        &["GET"],
    );
}

#[test]
fn wrong_key_is_unauthorized_with_exit_1() {
    let s = TestSim::empty();
    assert_fails(
        s.cmd().env("BARRACK_API_KEY", "sk-wrong").arg("balance"),
        1,
        &["error[Unauthorized]"],
    );
}

#[test]
fn auth_scheme_and_plain_http_rules() {
    let s = TestSim::empty();
    // The emulator accepts X-API-Key too.
    s.ok_stdout(&["--auth-scheme", "x-api-key", "balance"]);
    let out = s
        .cmd()
        .args(["--auth-scheme", "x-api-key", "--explain", "balance"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("X-API-Key: <redacted>"));
    s.fails(
        &["--api-url", "http://example.com/api/", "balance"],
        2,
        &["https"],
    );
    s.fails(&["--auth-scheme", "basic", "balance"], 2, &["auth_scheme"]);
}

#[test]
fn server_failures_exit_1_with_code_and_request_id() {
    let s = TestSim::empty();
    s.admin(
        "faults",
        serde_json::json!({"op": "get_balance", "kind": "status", "status": 500}),
    );
    let out = s.cmd().arg("balance").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_contains_all(&err, &["error[Server]", "request id"]);
}

/// `barrack spend` shows the same figures as the app's Billing page: the burn rate from
/// the pricing table by state, the runway, costs from the records, and what still bills.
#[test]
fn spend_shows_burn_runway_costs_and_what_still_bills() {
    let s = TestSim::sandbox();
    let v = s.json(&["spend"]);
    let vms = s
        .api(|c| async move { barrack_api::lists::all_instances(&c).await })
        .to_vec();
    let pricing = s
        .api(|c| async move { c.get_pricing(&Default::default()).await })
        .pricing_data;
    let usd = barrack_api::types::CurrencyEnum::Usd;
    let expected: f64 = vms
        .iter()
        .map(|vm| barrack_api::costs::vm_rate_now(vm, &pricing, &usd))
        .sum();
    let burn = v["burn"]["instances"].as_f64().unwrap();
    assert!((burn - expected).abs() < 1e-9, "{burn} vs {expected}");
    let still: Vec<&str> = v["stillBilling"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert!(
        still.contains(&"dev-a6000") && still.contains(&"archive-a100"),
        "{still:?}"
    );
    assert!(
        !still.contains(&"train-h100"),
        "an ACTIVE VM is working, not still billing"
    );
    let out = s.cmd().arg("spend").output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_contains_all(&text, &["Burn rate", "Runway", "dev-a6000"]);
    // --explain cannot describe several reads: a usage error, nothing sent.
    let out = s.cmd().args(["--explain", "spend"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
