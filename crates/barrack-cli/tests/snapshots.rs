//! snapshots list|show|create|delete|restore|billing|eligible, against the sandbox account.
mod common;

use barrack_api::types::{RegionPageQuery, SnapshotStatus};
use common::*;
use predicates::prelude::*;
use serde_json::json;

#[test]
fn snapshots_list_shows_the_baseline() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let out = s.cmd().args(["snapshots", "list"]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains(&id)
            && text.contains("train-h100-baseline")
            && text.contains("SUCCESS")
            && text.contains("CANADA-1")
            && text.contains("42.5 GB"),
        "{text}"
    );
    let other = stdout(
        &s.cmd()
            .args(["snapshots", "list", "--region", "NORWAY-1"])
            .output()
            .unwrap(),
    );
    assert!(!other.contains("train-h100-baseline"), "{other}");
    let v = s.json(&["snapshots", "list"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["snapshots"][0]["name"], "train-h100-baseline");
}

#[test]
fn snapshots_show_has_the_vm_config_description_and_images() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let out = s.cmd().args(["snapshots", "show", &id]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("CUDA, drivers and datasets installed")
            && text.contains("H100-SXM5-80GB x2")
            && text.contains("vCPU")
            && text.contains("train-h100")
            && text.contains("pytorch-cuda-base")
            && text.contains("new IPs"),
        "{text}"
    );
    assert_eq!(s.request_count("get_snapshot_images"), 1);
    let v = s.json(&["snapshots", "show", &id]);
    assert_eq!(v["snapshot"]["id"], id.as_str());
    assert_eq!(v["snapshot"]["vm_config"]["gpu_count"], 2);
    s.cmd()
        .args(["snapshots", "show", "S-NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
}

#[test]
fn snapshots_create_waits_until_success() {
    let s = TestSim::sandbox();
    let vm = s.vm_id("train-h100");
    let out = s
        .cmd()
        .args([
            "snapshots",
            "create",
            "--instance",
            &vm,
            "--name",
            "nightly",
            "--description",
            "after epoch 3",
            "--wait",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("snapshot nightly")
            && text.contains("CANADA-1")
            && text.contains("keeps running")
            && text.contains("nightly is SUCCESS"),
        "{text}"
    );
    let id = snapshot_id(&s, "nightly");
    let snap = s.api(|c| async move { c.get_snapshot(&id).await }).snapshot;
    assert_eq!(snap.status, SnapshotStatus::Success);
    assert_eq!(snap.description.as_deref(), Some("after epoch 3"));
    // --as-image, answered in JSON.
    let v = s.json(&[
        "snapshots",
        "create",
        "--instance",
        &vm,
        "--name",
        "bootable",
        "--as-image",
    ]);
    assert_eq!(v["snapshot"]["is_image"], true);
    assert_eq!(v["snapshot"]["status"], "CREATING");
}

#[test]
fn snapshots_create_of_a_stopped_vm_is_refused_by_the_server() {
    let s = TestSim::sandbox();
    let vm = s.vm_id("dev-a6000");
    let out = s
        .cmd()
        .args(["snapshots", "create", "--instance", &vm, "--name", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[Conflict]")
            && stderr(&out).contains("Cannot snapshot dev-a6000")
            && stderr(&out).contains("start it first"),
        "{}",
        stderr(&out)
    );
    assert_eq!(s.request_count("create_snapshot"), 1);
}

#[test]
fn snapshots_create_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.admin("clock", json!({"scale": 0.000001}));
    let vm = s.vm_id("train-h100");
    s.cmd()
        .args([
            "--wait-timeout",
            "0",
            "snapshots",
            "create",
            "--instance",
            &vm,
            "--name",
            "slow",
            "--wait",
        ])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("error[Timeout]").and(predicate::str::contains("SUCCESS")),
        );
}

#[test]
fn snapshots_bad_input_is_refused_before_any_request() {
    let s = TestSim::sandbox();
    let long = "n".repeat(51);
    let long_description = "d".repeat(256);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["create", "--instance", "VM-1", "--name", &long],
            "at most 50",
        ),
        (
            vec!["create", "--instance", "VM-1", "--name", "bad/name"],
            "'/'",
        ),
        (
            vec![
                "create",
                "--instance",
                "VM-1",
                "--name",
                "ok",
                "--description",
                &long_description,
            ],
            "at most 255",
        ),
        (vec!["create", "--name", "ok"], "--instance"),
        (vec!["restore", "S-1", "--name", &long], "at most 50"),
        (vec!["list", "--region", "MARS-1"], "unknown region"),
        (vec!["eligible", "--region", "MARS-1"], "unknown region"),
        (vec!["billing", "--limit", "0"], "--limit"),
        (vec!["billing", "--from", "yesterday"], "not a date"),
    ];
    for (args, says) in cases {
        let out = s.cmd().arg("snapshots").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    for op in [
        "create_snapshot",
        "restore_snapshot",
        "list_snapshots",
        "list_snapshot_eligible_instances",
        "get_snapshot_billing",
    ] {
        assert_eq!(s.request_count(op), 0, "{op}");
    }
}

#[test]
fn snapshots_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "--explain",
            "snapshots",
            "create",
            "--instance",
            "VM-1",
            "--name",
            "x",
            "--as-image",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.starts_with(&format!("POST {}snapshots/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"is_image\": true")
            && text.contains("\"instance_id\": \"VM-1\""),
        "{text}"
    );
    let del = stdout(
        &s.cmd()
            .args(["--explain", "snapshots", "delete", "S-1"])
            .output()
            .unwrap(),
    );
    assert!(
        del.starts_with(&format!("DELETE {}snapshots/S-1/", s.url)) && del.contains("<redacted>"),
        "{del}"
    );
    let restore = stdout(
        &s.cmd()
            .args([
                "--explain",
                "snapshots",
                "restore",
                "S-1",
                "--name",
                "again",
            ])
            .output()
            .unwrap(),
    );
    assert!(
        restore.starts_with(&format!("POST {}snapshots/S-1/restore/", s.url))
            && restore.contains("\"name\": \"again\""),
        "{restore}"
    );
    let billing = stdout(
        &s.cmd()
            .args(["--explain", "snapshots", "billing", "S-1", "--limit", "5"])
            .output()
            .unwrap(),
    );
    assert!(
        billing.starts_with(&format!("GET {}snapshots/billing/", s.url))
            && billing.contains("resource_id=S-1")
            && billing.contains("limit=5"),
        "{billing}"
    );
    for (args, starts) in [
        (
            vec!["list", "--region", "CANADA-1"],
            "GET {}snapshots/?region=CANADA-1",
        ),
        (vec!["show", "S-1"], "GET {}snapshots/S-1/"),
        (vec!["eligible"], "GET {}snapshots/eligible-instances/"),
    ] {
        let out = s
            .cmd()
            .args(["--explain", "snapshots"])
            .args(&args)
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(
            text.starts_with(&starts.replace("{}", &s.url)) && text.contains("<redacted>"),
            "{args:?}: {text}"
        );
    }
    for op in [
        "create_snapshot",
        "delete_snapshot",
        "get_snapshot",
        "restore_snapshot",
        "get_snapshot_billing",
        "list_snapshots",
        "get_snapshot_images",
        "list_snapshot_eligible_instances",
    ] {
        assert_eq!(s.request_count(op), 0, "{op}");
    }
}

#[test]
fn snapshots_delete_needs_yes() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    s.cmd()
        .args(["snapshots", "delete", &id])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("--yes").and(predicate::str::contains("train-h100-baseline")),
        );
    assert_eq!(s.request_count("delete_snapshot"), 0);
    // A snapshot still being created: the server refuses.
    s.admin("clock", json!({"scale": 0.000001}));
    let vm = s.vm_id("train-h100");
    let v = s.json(&["snapshots", "create", "--instance", &vm, "--name", "busy"]);
    let busy = v["snapshot"]["id"].as_str().unwrap().to_owned();
    s.cmd()
        .args(["-y", "snapshots", "delete", &busy])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("still being created")),
        );
    s.cmd()
        .args(["--yes", "snapshots", "delete", &id])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("train-h100-baseline")
                .and(predicate::str::contains("deleted")),
        );
    s.advance(5.0);
    let v = s.json(&["--yes", "snapshots", "delete", &busy]);
    assert_eq!(v["success"], true);
    assert_eq!(v["id"], busy.as_str());
    let left = s.api(|c| async move { c.list_snapshots(&RegionPageQuery::default()).await });
    assert_eq!(left.total, 0);
}

#[test]
fn snapshots_restore_waits_until_the_new_vm_is_active() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let out = s
        .cmd()
        .args(["snapshots", "restore", &id, "--wait"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("train-h100-baseline-restored")
            && text.contains("CANADA-1, the snapshot's region")
            && text.contains("new IPs")
            && text.contains("is ACTIVE")
            && text.contains("ssh ubuntu@"),
        "{text}"
    );
    let vm = s.vm_id("train-h100-baseline-restored");
    let d = s.api(|c| async move { c.get_instance(&vm).await }).instance;
    assert_eq!(d.region.as_str(), "CANADA-1");
    assert_eq!(d.flavor.gpu_count, 2);
    let v = s.json(&["snapshots", "restore", &id, "--name", "second-copy"]);
    assert_eq!(v["instance"]["name"], "second-copy");
    assert_eq!(v["snapshot_id"], id.as_str());
    // The same name twice: the server says no.
    s.cmd()
        .args(["snapshots", "restore", &id, "--name", "second-copy"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[Conflict]"));
}

#[test]
fn snapshots_restore_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.admin("clock", json!({"scale": 0.000001}));
    let id = snapshot_id(&s, "train-h100-baseline");
    s.cmd()
        .args(["--wait-timeout", "0", "snapshots", "restore", &id, "--wait"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("error[Timeout]"));
}

#[test]
fn snapshots_billing_lists_records() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let out = stdout(&s.cmd().args(["snapshots", "billing"]).output().unwrap());
    assert!(
        out.contains("train-h100-baseline") && out.contains("total") && out.contains("USD"),
        "{out}"
    );
    let v = s.json(&["snapshots", "billing", &id, "--limit", "5"]);
    let records = v["records"].as_array().unwrap();
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["snapshot_id"] == id.as_str()));
    assert_eq!(v["limit"], 5);
}

#[test]
fn snapshots_eligible_lists_active_vms() {
    let s = TestSim::sandbox();
    let out = stdout(&s.cmd().args(["snapshots", "eligible"]).output().unwrap());
    assert!(
        out.contains("train-h100") && !out.contains("dev-a6000") && !out.contains("archive-a100"),
        "{out}"
    );
    let none = stdout(
        &s.cmd()
            .args(["snapshots", "eligible", "--region", "NORWAY-1"])
            .output()
            .unwrap(),
    );
    assert!(
        !none.contains("train-h100") && none.contains("no ACTIVE VM"),
        "{none}"
    );
    let v = s.json(&["snapshots", "eligible"]);
    assert_eq!(v["instances"].as_array().unwrap().len(), 1);
}
