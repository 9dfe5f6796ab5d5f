//! snapshots list|show|create|delete|restore|billing|eligible, against the sandbox account.
mod common;

use barrack_api::types::{RegionPageQuery, SnapshotStatus};
use common::*;

#[test]
fn snapshots_list_shows_the_baseline() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let text = s.ok_stdout(&["snapshots", "list"]);
    assert_contains_all(
        &text,
        &[&id, "train-h100-baseline", "SUCCESS", "CANADA-1", "42.5 GB"],
    );
    let other = s.stdout_of(&["snapshots", "list", "--region", "NORWAY-1"]);
    assert!(!other.contains("train-h100-baseline"), "{other}");
    let v = s.json(&["snapshots", "list"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["snapshots"][0]["name"], "train-h100-baseline");
}

#[test]
fn snapshots_show_has_the_vm_config_description_and_images() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let text = s.ok_stdout(&["snapshots", "show", &id]);
    assert_contains_all(
        &text,
        &[
            "CUDA, drivers and datasets installed",
            "H100-SXM5-80GB x2",
            "vCPU",
            "train-h100",
            "pytorch-cuda-base",
            "new IPs",
        ],
    );
    assert_eq!(s.request_count("get_snapshot_images"), 1);
    let v = s.json(&["snapshots", "show", &id]);
    assert_eq!(v["snapshot"]["id"], id.as_str());
    assert_eq!(v["snapshot"]["vm_config"]["gpu_count"], 2);
    s.fails(&["snapshots", "show", "S-NOPE"], 1, &["error[NotFound]"]);
}

#[test]
fn snapshots_create_waits_until_success() {
    let s = TestSim::sandbox();
    let vm = s.vm_id("train-h100");
    let text = s.ok_stdout(&[
        "snapshots",
        "create",
        "--instance",
        &vm,
        "--name",
        "nightly",
        "--description",
        "after epoch 3",
        "--wait",
    ]);
    assert_contains_all(
        &text,
        &[
            "snapshot nightly",
            "CANADA-1",
            "keeps running",
            "nightly is SUCCESS",
        ],
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
    assert_contains_all(
        &stderr(&out),
        &[
            "error[Conflict]",
            "Cannot snapshot dev-a6000",
            "start it first",
        ],
    );
    assert_eq!(s.request_count("create_snapshot"), 1);
}

#[test]
fn snapshots_create_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.freeze_clock();
    let vm = s.vm_id("train-h100");
    s.fails(
        &[
            "--wait-timeout",
            "0",
            "snapshots",
            "create",
            "--instance",
            &vm,
            "--name",
            "slow",
            "--wait",
        ],
        3,
        &["error[Timeout]", "SUCCESS"],
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
    s.refuses_each(&["snapshots"], &cases);
    s.assert_nothing_sent(&[
        "create_snapshot",
        "restore_snapshot",
        "list_snapshots",
        "list_snapshot_eligible_instances",
        "get_snapshot_billing",
    ]);
}

#[test]
fn snapshots_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let text = s.ok_stdout(&[
        "--explain",
        "snapshots",
        "create",
        "--instance",
        "VM-1",
        "--name",
        "x",
        "--as-image",
    ]);
    assert!(
        text.starts_with(&format!("POST {}snapshots/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"is_image\": true")
            && text.contains("\"instance_id\": \"VM-1\""),
        "{text}"
    );
    let del = s.stdout_of(&["--explain", "snapshots", "delete", "S-1"]);
    assert!(
        del.starts_with(&format!("DELETE {}snapshots/S-1/", s.url)) && del.contains("<redacted>"),
        "{del}"
    );
    let restore = s.stdout_of(&[
        "--explain",
        "snapshots",
        "restore",
        "S-1",
        "--name",
        "again",
    ]);
    assert!(
        restore.starts_with(&format!("POST {}snapshots/S-1/restore/", s.url))
            && restore.contains("\"name\": \"again\""),
        "{restore}"
    );
    let billing = s.stdout_of(&["--explain", "snapshots", "billing", "S-1", "--limit", "5"]);
    assert!(
        billing.starts_with(&format!("GET {}snapshots/billing/", s.url))
            && billing.contains("resource_id=S-1")
            && billing.contains("limit=5"),
        "{billing}"
    );
    s.explains_each(
        &["snapshots"],
        &[
            (
                vec!["list", "--region", "CANADA-1"],
                "GET {}snapshots/?region=CANADA-1",
            ),
            (vec!["show", "S-1"], "GET {}snapshots/S-1/"),
            (vec!["eligible"], "GET {}snapshots/eligible-instances/"),
        ],
    );
    s.assert_nothing_sent(&[
        "create_snapshot",
        "delete_snapshot",
        "get_snapshot",
        "restore_snapshot",
        "get_snapshot_billing",
        "list_snapshots",
        "get_snapshot_images",
        "list_snapshot_eligible_instances",
    ]);
}

#[test]
fn snapshots_delete_needs_yes() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    s.fails(
        &["snapshots", "delete", &id],
        2,
        &["--yes", "train-h100-baseline"],
    );
    assert_eq!(s.request_count("delete_snapshot"), 0);
    // A snapshot still being created: the server refuses.
    s.freeze_clock();
    let vm = s.vm_id("train-h100");
    let v = s.json(&["snapshots", "create", "--instance", &vm, "--name", "busy"]);
    let busy = v["snapshot"]["id"].as_str().unwrap().to_owned();
    s.fails(
        &["-y", "snapshots", "delete", &busy],
        1,
        &["error[Conflict]", "still being created"],
    );
    s.succeeds_saying(
        &["--yes", "snapshots", "delete", &id],
        &["train-h100-baseline", "deleted"],
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
    let text = s.ok_stdout(&["snapshots", "restore", &id, "--wait"]);
    assert_contains_all(
        &text,
        &[
            "train-h100-baseline-restored",
            "CANADA-1, the snapshot's region",
            "new IPs",
            "is ACTIVE",
            "ssh ubuntu@",
        ],
    );
    let vm = s.vm_id("train-h100-baseline-restored");
    let d = s.api(|c| async move { c.get_instance(&vm).await }).instance;
    assert_eq!(d.region.as_str(), "CANADA-1");
    assert_eq!(d.flavor.gpu_count, 2);
    let v = s.json(&["snapshots", "restore", &id, "--name", "second-copy"]);
    assert_eq!(v["instance"]["name"], "second-copy");
    assert_eq!(v["snapshot_id"], id.as_str());
    // The same name twice: the server says no.
    s.fails(
        &["snapshots", "restore", &id, "--name", "second-copy"],
        1,
        &["error[Conflict]"],
    );
}

#[test]
fn snapshots_restore_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.freeze_clock();
    let id = snapshot_id(&s, "train-h100-baseline");
    s.fails(
        &["--wait-timeout", "0", "snapshots", "restore", &id, "--wait"],
        3,
        &["error[Timeout]"],
    );
}

#[test]
fn snapshots_billing_lists_records() {
    let s = TestSim::sandbox();
    let id = snapshot_id(&s, "train-h100-baseline");
    let out = s.stdout_of(&["snapshots", "billing"]);
    assert_contains_all(&out, &["train-h100-baseline", "total", "USD"]);
    let v = s.json(&["snapshots", "billing", &id, "--limit", "5"]);
    let records = v["records"].as_array().unwrap();
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["snapshot_id"] == id.as_str()));
    assert_eq!(v["limit"], 5);
}

#[test]
fn snapshots_eligible_lists_active_vms() {
    let s = TestSim::sandbox();
    let out = s.stdout_of(&["snapshots", "eligible"]);
    assert_contains_all(&out, &["train-h100"]);
    assert_contains_none(&out, &["dev-a6000", "archive-a100"]);
    let none = s.stdout_of(&["snapshots", "eligible", "--region", "NORWAY-1"]);
    assert_contains_all(&none, &["no ACTIVE VM"]);
    assert_contains_none(&none, &["train-h100"]);
    let v = s.json(&["snapshots", "eligible"]);
    assert_eq!(v["instances"].as_array().unwrap().len(), 1);
}
