//! images list|show|create|delete|for-snapshot|relationships, against the sandbox account.
mod common;

use barrack_api::types::{CreateSnapshotRequest, ImageStatus, RegionPageQuery};
use common::*;
use predicates::prelude::*;
use serde_json::json;

#[test]
fn images_list_shows_the_sandbox_image() {
    let s = TestSim::sandbox();
    let id = image_id(&s, "pytorch-cuda-base");
    let out = s.cmd().args(["images", "list"]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains(&id)
            && text.contains("pytorch-cuda-base")
            && text.contains("AVAILABLE")
            && text.contains("CANADA-1")
            && text.contains("train-h100-baseline"),
        "{text}"
    );
    let other = stdout(
        &s.cmd()
            .args(["images", "list", "--region", "US-1"])
            .output()
            .unwrap(),
    );
    assert!(!other.contains("pytorch-cuda-base"), "{other}");
    let v = s.json(&["images", "list"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["images"][0]["id"], id.as_str());
}

#[test]
fn images_show_has_the_snapshot_and_the_region_rule() {
    let s = TestSim::sandbox();
    let id = image_id(&s, "pytorch-cuda-base");
    let snap = snapshot_id(&s, "train-h100-baseline");
    let out = s.cmd().args(["images", "show", &id]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("Base image for training VMs")
            && text.contains(&format!("train-h100-baseline ({snap})"))
            && text.contains("CANADA-1 (boots VMs in this region only)")
            && text.contains(&format!("barrack deploy --image {id}")),
        "{text}"
    );
    let v = s.json(&["images", "show", &id]);
    assert_eq!(v["image"]["snapshot_id"], snap.as_str());
    s.cmd()
        .args(["images", "show", "I-NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
}

#[test]
fn images_create_waits_until_available() {
    let s = TestSim::sandbox();
    let snap = snapshot_id(&s, "train-h100-baseline");
    let out = s
        .cmd()
        .args([
            "images",
            "create",
            "--snapshot",
            &snap,
            "--name",
            "trainer-v2",
            "--description",
            "second cut",
            "--wait",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("image trainer-v2")
            && text.contains("created in CANADA-1, the region of snapshot train-h100-baseline")
            && text.contains("for another region, snapshot a VM there")
            && text.contains("trainer-v2 is AVAILABLE"),
        "{text}"
    );
    let id = image_id(&s, "trainer-v2");
    let image = s.api(|c| async move { c.get_image(&id).await }).image;
    assert_eq!(image.status, ImageStatus::Available);
    assert_eq!(image.region.as_str(), "CANADA-1");
    assert_eq!(image.description.as_deref(), Some("second cut"));
    let v = s.json(&["images", "create", "--snapshot", &snap, "--name", "third"]);
    assert_eq!(v["image"]["status"], "CREATING");
    assert_eq!(v["image"]["snapshot_id"], snap.as_str());
}

#[test]
fn images_create_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.admin("clock", json!({"scale": 0.000001}));
    let snap = snapshot_id(&s, "train-h100-baseline");
    s.cmd()
        .args([
            "--wait-timeout",
            "0",
            "images",
            "create",
            "--snapshot",
            &snap,
            "--name",
            "slow",
            "--wait",
        ])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("error[Timeout]").and(predicate::str::contains("AVAILABLE")),
        );
}

#[test]
fn images_create_is_refused_by_the_server_for_an_unfinished_snapshot_or_a_taken_name() {
    let s = TestSim::sandbox();
    s.admin("clock", json!({"scale": 0.000001}));
    let vm = s.vm_id("train-h100");
    let fresh = s
        .api(|c| async move {
            c.create_snapshot(&CreateSnapshotRequest {
                instance_id: vm,
                name: "in-progress".into(),
                description: None,
                is_image: false,
            })
            .await
        })
        .snapshot
        .id;
    let out = s
        .cmd()
        .args(["images", "create", "--snapshot", &fresh, "--name", "early"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[Conflict]") && stderr(&out).contains("SUCCESS snapshots only"),
        "{}",
        stderr(&out)
    );
    let snap = snapshot_id(&s, "train-h100-baseline");
    s.cmd()
        .args([
            "images",
            "create",
            "--snapshot",
            &snap,
            "--name",
            "pytorch-cuda-base",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("already exists")),
        );
}

#[test]
fn images_bad_input_is_refused_before_any_request() {
    let s = TestSim::sandbox();
    let long = "n".repeat(51);
    let long_description = "d".repeat(256);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["create", "--snapshot", "S-1", "--name", &long],
            "at most 50",
        ),
        (
            vec!["create", "--snapshot", "S-1", "--name", "bad*name"],
            "'*'",
        ),
        (
            vec![
                "create",
                "--snapshot",
                "S-1",
                "--name",
                "ok",
                "--description",
                &long_description,
            ],
            "at most 255",
        ),
        (vec!["create", "--name", "ok"], "--snapshot"),
        (vec!["list", "--region", "MARS-1"], "unknown region"),
    ];
    for (args, says) in cases {
        let out = s.cmd().arg("images").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(s.request_count("create_image"), 0);
    assert_eq!(s.request_count("list_images"), 0);
}

#[test]
fn images_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "--explain",
            "images",
            "create",
            "--snapshot",
            "S-1",
            "--name",
            "x",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.starts_with(&format!("POST {}images/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"snapshot_id\": \"S-1\""),
        "{text}"
    );
    let del = stdout(
        &s.cmd()
            .args(["--explain", "images", "delete", "I-1"])
            .output()
            .unwrap(),
    );
    assert!(
        del.starts_with(&format!("DELETE {}images/I-1/", s.url)) && del.contains("<redacted>"),
        "{del}"
    );
    let rel = stdout(
        &s.cmd()
            .args(["--explain", "images", "relationships", "S-1", "S-2"])
            .output()
            .unwrap(),
    );
    assert!(
        rel.starts_with(&format!("POST {}images/relationships/", s.url)) && rel.contains("\"S-2\""),
        "{rel}"
    );
    let of = stdout(
        &s.cmd()
            .args(["--explain", "images", "for-snapshot", "S-1"])
            .output()
            .unwrap(),
    );
    assert!(
        of.starts_with(&format!("GET {}snapshots/S-1/images/", s.url)),
        "{of}"
    );
    for (args, starts) in [
        (
            vec!["list", "--region", "US-1"],
            "GET {}images/?region=US-1",
        ),
        (vec!["show", "I-1"], "GET {}images/I-1/"),
    ] {
        let out = s
            .cmd()
            .args(["--explain", "images"])
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
        "create_image",
        "delete_image",
        "get_image",
        "get_snapshot_images",
        "get_snapshot_images_batch",
        "list_images",
    ] {
        assert_eq!(s.request_count(op), 0, "{op}");
    }
}

#[test]
fn images_delete_needs_yes() {
    let s = TestSim::sandbox();
    let id = image_id(&s, "pytorch-cuda-base");
    s.cmd()
        .args(["images", "delete", &id])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("--yes").and(predicate::str::contains("pytorch-cuda-base")),
        );
    assert_eq!(s.request_count("delete_image"), 0);
    s.cmd()
        .args(["-y", "images", "delete", &id])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("pytorch-cuda-base").and(predicate::str::contains("deleted")),
        );
    let left = s.api(|c| async move { c.list_images(&RegionPageQuery::default()).await });
    assert_eq!(left.total, 0);
    s.cmd()
        .args(["-y", "images", "delete", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
    // In JSON: the server's answer.
    let snap = snapshot_id(&s, "train-h100-baseline");
    let v = s.json(&[
        "images",
        "create",
        "--snapshot",
        &snap,
        "--name",
        "short-lived",
    ]);
    let other = v["image"]["id"].as_str().unwrap().to_owned();
    let v = s.json(&["-y", "images", "delete", &other]);
    assert_eq!(v["success"], true);
    assert_eq!(v["id"], other.as_str());
}

#[test]
fn images_for_snapshot_and_relationships() {
    let s = TestSim::sandbox();
    let snap = snapshot_id(&s, "train-h100-baseline");
    let image = image_id(&s, "pytorch-cuda-base");
    let out = stdout(
        &s.cmd()
            .args(["images", "for-snapshot", &snap])
            .output()
            .unwrap(),
    );
    assert!(
        out.contains("images made from snapshot train-h100-baseline") && out.contains(&image),
        "{out}"
    );
    let v = s.json(&["images", "for-snapshot", &snap]);
    assert_eq!(v["images"][0]["name"], "pytorch-cuda-base");
    // All snapshots when none is named.
    let all = stdout(&s.cmd().args(["images", "relationships"]).output().unwrap());
    assert!(
        all.contains(&snap)
            && all.contains("train-h100-baseline")
            && all.contains(&format!("pytorch-cuda-base ({image})")),
        "{all}"
    );
    let v = s.json(&["images", "relationships", &snap]);
    assert_eq!(v["relationships"].as_array().unwrap().len(), 1);
    assert_eq!(v["relationships"][0]["images"][0]["id"], image.as_str());
    s.cmd()
        .args(["images", "for-snapshot", "S-NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
}
