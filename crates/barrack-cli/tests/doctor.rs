//! doctor: every read endpoint probed against the emulator.
mod common;

use barrack_api::{Method, ENDPOINTS};
use common::*;
use serde_json::{json, Value};

fn doctor_json(s: &TestSim) -> (Option<i32>, Vec<Value>) {
    let out = s.cmd().args(["--json", "doctor"]).output().unwrap();
    let lines: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "doctor --json is not a JSON array ({e}): {}\n{}",
            stdout(&out),
            stderr(&out)
        )
    });
    (out.status.code(), lines)
}

#[test]
fn doctor_is_all_ok_against_the_sandbox() {
    let s = TestSim::sandbox();
    let out = s.cmd().arg("doctor").output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", stderr(&out));
    let gets: Vec<_> = ENDPOINTS
        .iter()
        .filter(|e| e.method == Method::Get)
        .collect();
    // One line per read endpoint, each ok (the sandbox has one of every resource).
    for ep in &gets {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(ep.path))
            .unwrap_or_else(|| panic!("no line for {}: {text}", ep.path));
        assert!(line.trim_end().ends_with(" ok"), "{line}");
    }
    assert!(
        text.contains(&format!(
            "{} ok, 0 shape-differs, 0 failed, 0 skipped",
            gets.len()
        )),
        "{text}"
    );

    let (code, lines) = doctor_json(&s);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), gets.len());
    for (line, ep) in lines.iter().zip(&gets) {
        assert_eq!(line["path"], ep.path);
        assert_eq!(line["result"], "ok", "{line}");
        assert!(
            line["op"].is_string() && line["detail"].is_string(),
            "{line}"
        );
    }
    let get_instance = lines.iter().find(|l| l["op"] == "get_instance").unwrap();
    assert!(
        get_instance["detail"]
            .as_str()
            .unwrap()
            .starts_with("instance_id="),
        "{get_instance}"
    );
}

#[test]
fn doctor_sends_only_reads() {
    let s = TestSim::sandbox();
    s.cmd().arg("doctor").assert().success();
    let counts = s.admin_get("requests");
    let counts = counts.as_object().expect("request counts");
    assert!(!counts.is_empty());
    for (op, n) in counts {
        let ep = ENDPOINTS
            .iter()
            .find(|e| serde_json::to_value(e.op).unwrap() == *op)
            .unwrap_or_else(|| panic!("unknown op {op}"));
        assert_eq!(ep.method, Method::Get, "doctor sent {op} ({n}×)");
    }
    // Every read endpoint was asked, each list at most once.
    for ep in ENDPOINTS.iter().filter(|e| e.method == Method::Get) {
        let name = serde_json::to_value(ep.op).unwrap();
        let n = counts[name.as_str().unwrap()].as_u64().unwrap_or(0);
        assert_eq!(n, 1, "{name}");
    }
}

#[test]
fn doctor_reports_a_failing_endpoint_and_exits_1() {
    let s = TestSim::sandbox();
    s.admin(
        "faults",
        json!({"kind": "status", "status": 500, "op": "list_regions"}),
    );
    let out = s.cmd().arg("doctor").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("list_regions "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("failed: Server"), "{line}");
    // Only that one.
    assert_eq!(text.matches("failed:").count(), 1, "{text}");
    assert!(stderr(&out).contains("1 of "), "{}", stderr(&out));

    let (code, lines) = doctor_json(&s);
    assert_eq!(code, Some(1));
    for l in &lines {
        let expected = if l["op"] == "list_regions" {
            "failed"
        } else {
            "ok"
        };
        assert_eq!(l["result"], expected, "{l}");
    }
    let regions = lines.iter().find(|l| l["op"] == "list_regions").unwrap();
    assert!(
        regions["detail"].as_str().unwrap().starts_with("Server: "),
        "{regions}"
    );
}

#[test]
fn doctor_skips_what_an_empty_account_cannot_fill_in() {
    let s = TestSim::empty();
    let (code, lines) = doctor_json(&s);
    assert_eq!(code, Some(0), "skipped lines do not fail: {lines:?}");
    let get_instance = lines.iter().find(|l| l["op"] == "get_instance").unwrap();
    assert_eq!(get_instance["result"], "skipped");
    assert_eq!(get_instance["detail"], "no instance to probe");
    let get_volume = lines.iter().find(|l| l["op"] == "get_volume").unwrap();
    assert_eq!(get_volume["detail"], "no volume to probe");
    for l in &lines {
        assert!(l["result"] == "ok" || l["result"] == "skipped", "{l}");
    }
}

#[test]
fn doctor_accepts_unknown_enum_values_but_not_a_body_it_cannot_read() {
    // Unknown status, tier and region values still decode (the client's enums are open):
    // not a difference. (Missing keys are covered by doctor.rs's unit tests: the emulator
    // has no fault that drops keys.)
    let s = TestSim::sandbox();
    s.admin(
        "faults",
        json!({"kind": "unknown_enum", "op": "list_instances"}),
    );
    let (code, lines) = doctor_json(&s);
    assert_eq!(code, Some(0), "{lines:?}");

    s.admin(
        "faults",
        json!({"kind": "malformed", "op": "get_gpu_specs"}),
    );
    let (code, lines) = doctor_json(&s);
    assert_eq!(code, Some(1));
    let specs = lines.iter().find(|l| l["op"] == "get_gpu_specs").unwrap();
    assert_eq!(specs["result"], "failed", "{specs}");
    assert!(
        specs["detail"].as_str().unwrap().starts_with("Decode: "),
        "{specs}"
    );
}
