//! images list|show|create|delete|for-snapshot|relationships, against the sandbox account.
mod common;

use barrack_api::types::{CreateSnapshotRequest, ImageStatus, RegionPageQuery};
use common::*;

#[test]
fn images_list_shows_the_sandbox_image() {
    let s = TestSim::sandbox();
    let id = image_id(&s, "pytorch-cuda-base");
    let text = s.ok_stdout(&["images", "list"]);
    assert_contains_all(
        &text,
        &[
            &id,
            "pytorch-cuda-base",
            "AVAILABLE",
            "CANADA-1",
            "train-h100-baseline",
        ],
    );
    let other = s.stdout_of(&["images", "list", "--region", "US-1"]);
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
    let text = s.ok_stdout(&["images", "show", &id]);
    assert_contains_all(
        &text,
        &[
            "Base image for training VMs",
            &format!("train-h100-baseline ({snap})"),
            "CANADA-1 (boots VMs in this region only)",
            &format!("barrack deploy --image {id}"),
        ],
    );
    let v = s.json(&["images", "show", &id]);
    assert_eq!(v["image"]["snapshot_id"], snap.as_str());
    s.fails(&["images", "show", "I-NOPE"], 1, &["error[NotFound]"]);
}

#[test]
fn images_create_waits_until_available() {
    let s = TestSim::sandbox();
    let snap = snapshot_id(&s, "train-h100-baseline");
    let text = s.ok_stdout(&[
        "images",
        "create",
        "--snapshot",
        &snap,
        "--name",
        "trainer-v2",
        "--description",
        "second cut",
        "--wait",
    ]);
    assert_contains_all(
        &text,
        &[
            "image trainer-v2",
            "created in CANADA-1, the region of snapshot train-h100-baseline",
            "for another region, snapshot a VM there",
            "trainer-v2 is AVAILABLE",
        ],
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
    s.freeze_clock();
    let snap = snapshot_id(&s, "train-h100-baseline");
    s.fails(
        &[
            "--wait-timeout",
            "0",
            "images",
            "create",
            "--snapshot",
            &snap,
            "--name",
            "slow",
            "--wait",
        ],
        3,
        &["error[Timeout]", "AVAILABLE"],
    );
}

#[test]
fn images_create_is_refused_by_the_server_for_an_unfinished_snapshot_or_a_taken_name() {
    let s = TestSim::sandbox();
    s.freeze_clock();
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
    assert_contains_all(
        &stderr(&out),
        &["error[Conflict]", "SUCCESS snapshots only"],
    );
    let snap = snapshot_id(&s, "train-h100-baseline");
    s.fails(
        &[
            "images",
            "create",
            "--snapshot",
            &snap,
            "--name",
            "pytorch-cuda-base",
        ],
        1,
        &["error[Conflict]", "already exists"],
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
    s.refuses_each(&["images"], &cases);
    assert_eq!(s.request_count("create_image"), 0);
    assert_eq!(s.request_count("list_images"), 0);
}

#[test]
fn images_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let text = s.ok_stdout(&[
        "--explain",
        "images",
        "create",
        "--snapshot",
        "S-1",
        "--name",
        "x",
    ]);
    assert!(
        text.starts_with(&format!("POST {}images/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"snapshot_id\": \"S-1\""),
        "{text}"
    );
    let del = s.stdout_of(&["--explain", "images", "delete", "I-1"]);
    assert!(
        del.starts_with(&format!("DELETE {}images/I-1/", s.url)) && del.contains("<redacted>"),
        "{del}"
    );
    let rel = s.stdout_of(&["--explain", "images", "relationships", "S-1", "S-2"]);
    assert!(
        rel.starts_with(&format!("POST {}images/relationships/", s.url)) && rel.contains("\"S-2\""),
        "{rel}"
    );
    let of = s.stdout_of(&["--explain", "images", "for-snapshot", "S-1"]);
    assert!(
        of.starts_with(&format!("GET {}snapshots/S-1/images/", s.url)),
        "{of}"
    );
    s.explains_each(
        &["images"],
        &[
            (
                vec!["list", "--region", "US-1"],
                "GET {}images/?region=US-1",
            ),
            (vec!["show", "I-1"], "GET {}images/I-1/"),
        ],
    );
    s.assert_nothing_sent(&[
        "create_image",
        "delete_image",
        "get_image",
        "get_snapshot_images",
        "get_snapshot_images_batch",
        "list_images",
    ]);
}

#[test]
fn images_delete_needs_yes() {
    let s = TestSim::sandbox();
    let id = image_id(&s, "pytorch-cuda-base");
    s.fails(
        &["images", "delete", &id],
        2,
        &["--yes", "pytorch-cuda-base"],
    );
    assert_eq!(s.request_count("delete_image"), 0);
    s.succeeds_saying(
        &["-y", "images", "delete", &id],
        &["pytorch-cuda-base", "deleted"],
    );
    let left = s.api(|c| async move { c.list_images(&RegionPageQuery::default()).await });
    assert_eq!(left.total, 0);
    s.fails(&["-y", "images", "delete", &id], 1, &["error[NotFound]"]);
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
    let out = s.stdout_of(&["images", "for-snapshot", &snap]);
    assert_contains_all(
        &out,
        &["images made from snapshot train-h100-baseline", &image],
    );
    let v = s.json(&["images", "for-snapshot", &snap]);
    assert_eq!(v["images"][0]["name"], "pytorch-cuda-base");
    // All snapshots when none is named.
    let all = s.stdout_of(&["images", "relationships"]);
    assert_contains_all(
        &all,
        &[
            &snap,
            "train-h100-baseline",
            &format!("pytorch-cuda-base ({image})"),
        ],
    );
    let v = s.json(&["images", "relationships", &snap]);
    assert_eq!(v["relationships"].as_array().unwrap().len(), 1);
    assert_eq!(v["relationships"][0]["images"][0]["id"], image.as_str());
    s.fails(
        &["images", "for-snapshot", "S-NOPE"],
        1,
        &["error[NotFound]"],
    );
}
