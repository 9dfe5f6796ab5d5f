//! volumes list|show|create|delete|resize|clone|attach|detach|types|billing, against the
//! sandbox account.
mod common;

use barrack_api::types::{RegionEnum, RegionPageQuery, RegionQuery, VolumeStatus};
use common::*;
use predicates::prelude::*;
use serde_json::json;

fn volume_id(s: &TestSim, name: &str) -> String {
    s.api(|c| async move { c.list_volumes(&RegionPageQuery::default()).await })
        .volumes
        .into_iter()
        .find(|x| x.name == name)
        .map(|x| x.id)
        .unwrap_or_else(|| panic!("no volume {name}"))
}

#[test]
fn volumes_list_shows_volumes_and_the_next_name() {
    let s = TestSim::sandbox();
    let out = s.cmd().args(["volumes", "list"]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("datasets")
            && text.contains("ATTACHED")
            && text.contains("train-h100")
            && text.contains("ubuntu-boot")
            && text.contains("500 GB")
            && text.contains("suggested name for the next volume: volume1"),
        "{text}"
    );
    let other = stdout(
        &s.cmd()
            .args(["volumes", "list", "--region", "NORWAY-1"])
            .output()
            .unwrap(),
    );
    assert!(
        !other.contains("datasets") && other.contains("volume1"),
        "{other}"
    );
    let v = s.json(&["volumes", "list"]);
    assert_eq!(v["next_name"], "volume1");
    assert_eq!(v["volumes"].as_array().unwrap().len(), 2);
}

#[test]
fn volumes_show_has_the_attachment_and_the_boot_image() {
    let s = TestSim::sandbox();
    let data = volume_id(&s, "datasets");
    let vm = s.vm_id("train-h100");
    let out = stdout(&s.cmd().args(["volumes", "show", &data]).output().unwrap());
    assert!(
        out.contains(&format!("train-h100 ({vm}) ACTIVE"))
            && out.contains("SSD (legacy)")
            && out.contains("bootable     no"),
        "{out}"
    );
    let boot = volume_id(&s, "ubuntu-boot");
    let out = stdout(&s.cmd().args(["volumes", "show", &boot]).output().unwrap());
    assert!(out.contains("yes, OS image OS-"), "{out}");
    let v = s.json(&["volumes", "show", &boot]);
    assert_eq!(v["volume"]["bootable"], true);
    assert_eq!(v["volume"]["size_gb"], 100);
    s.cmd()
        .args(["volumes", "show", "V-NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
}

#[test]
fn volumes_create_waits_until_available() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "volumes", "create", "--name", "scratch", "--region", "US-1", "--size", "200",
            "--type", "NVMe", "--wait",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("volume scratch")
            && text.contains("created in US-1: 200 GB NVMe")
            && text.contains("scratch is AVAILABLE"),
        "{text}"
    );
    let id = volume_id(&s, "scratch");
    let v = s.api(|c| async move { c.get_volume(&id).await }).volume;
    assert_eq!(v.status, VolumeStatus::Available);
    assert_eq!(v.volume_type.as_str(), "NVMe");
    // A bootable one from an OS image of its region, answered in JSON.
    let os = s
        .api(|c| async move {
            c.list_os_images(&RegionQuery {
                region: Some(RegionEnum::Us1),
            })
            .await
        })
        .images[0]
        .id
        .clone();
    let v = s.json(&[
        "volumes",
        "create",
        "--name",
        "boot-us",
        "--region",
        "US-1",
        "--size",
        "100",
        "--bootable",
        "--os-image",
        &os,
    ]);
    assert_eq!(v["volume"]["bootable"], true);
    assert_eq!(v["volume"]["os_image_id"], os.as_str());
    assert_eq!(v["volume"]["status"], "CREATING");
}

#[test]
fn volumes_create_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.admin("clock", json!({"scale": 0.000001}));
    s.cmd()
        .args([
            "--wait-timeout",
            "0",
            "volumes",
            "create",
            "--name",
            "slow",
            "--region",
            "US-1",
            "--size",
            "100",
            "--wait",
        ])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("error[Timeout]").and(predicate::str::contains("AVAILABLE")),
        );
}

#[test]
fn volumes_bad_input_is_refused_before_any_request() {
    let s = TestSim::sandbox();
    let long = "n".repeat(51);
    let base = ["create", "--region", "US-1", "--size", "100"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        ([&base[..], &["--name", &long]].concat(), "at most 50"),
        (
            vec![
                "create", "--name", "ok", "--region", "MARS-1", "--size", "100",
            ],
            "unknown region",
        ),
        (
            vec!["create", "--name", "ok", "--region", "US-1", "--size", "0"],
            "at least 10 GB",
        ),
        (
            vec![
                "create", "--name", "ok", "--region", "US-1", "--size", "big",
            ],
            "whole number of GB",
        ),
        (
            vec![
                "create", "--name", "ok", "--region", "US-1", "--size", "2000000",
            ],
            "at most 1048576 GB",
        ),
        (
            [&base[..], &["--name", "ok", "--type", "tape"]].concat(),
            "unknown volume type",
        ),
        (
            [&base[..], &["--name", "ok", "--bootable"]].concat(),
            "--os-image",
        ),
        (
            [&base[..], &["--name", "ok", "--os-image", "OS-1"]].concat(),
            "--bootable",
        ),
        (
            vec![
                "create",
                "--name",
                "ok",
                "--region",
                "US-1",
                "--size",
                "50",
                "--bootable",
                "--os-image",
                "OS-1",
            ],
            "at least 100 GB for a bootable volume",
        ),
        (vec!["resize", "V-1", "--size", "0"], "at least 10 GB"),
        (vec!["clone", "V-1", "--name", &long], "at most 50"),
        (vec!["attach", "V-1"], "--instance"),
        (vec!["list", "--region", "MARS-1"], "unknown region"),
        (vec!["billing", "--page", "0"], "--page"),
        (vec!["billing", "--to", "31/12/2025"], "not a date"),
    ];
    for (args, says) in cases {
        let out = s.cmd().arg("volumes").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    for op in [
        "create_volume",
        "resize_volume",
        "clone_volume",
        "attach_volumes",
        "list_volumes",
        "get_volume",
        "get_volume_billing",
    ] {
        assert_eq!(s.request_count(op), 0, "{op}");
    }
}

#[test]
fn volumes_server_refusals_exit_1_with_the_reason() {
    let s = TestSim::sandbox();
    // Below the server's minimum (100 GB, from the pricing endpoint).
    let out = s
        .cmd()
        .args([
            "volumes", "create", "--name", "small", "--region", "US-1", "--size", "50",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[Validation]") && stderr(&out).contains("100 GB"),
        "{}",
        stderr(&out)
    );
    // A volume of CANADA-1 cannot attach to a stopped VM of NORWAY-1.
    let boot = volume_id(&s, "ubuntu-boot");
    let dev = s.vm_id("dev-a6000");
    s.cmd()
        .args(["volumes", "attach", &boot, "--instance", &dev])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("start it first")),
        );
    // Already attached.
    let data = volume_id(&s, "datasets");
    let train = s.vm_id("train-h100");
    s.cmd()
        .args(["volumes", "attach", &data, "--instance", &train])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("only Available volumes")),
        );
}

#[test]
fn volumes_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "--explain",
            "volumes",
            "create",
            "--name",
            "x",
            "--region",
            "US-1",
            "--size",
            "100",
            "--type",
            "HDD",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.starts_with(&format!("POST {}volumes/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"volume_type\": \"HDD\"")
            && text.contains("\"size_gb\": 100"),
        "{text}"
    );
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (
            vec!["attach", "V-1", "--instance", "VM-1"],
            format!("POST {}instances/VM-1/volumes/attach/", s.url),
            "\"volume_ids\"",
        ),
        (
            vec!["detach", "V-1", "--instance", "VM-1"],
            format!("POST {}instances/VM-1/volumes/detach/", s.url),
            "\"V-1\"",
        ),
        (
            vec!["delete", "V-1"],
            format!("DELETE {}volumes/V-1/", s.url),
            "<redacted>",
        ),
        (
            vec!["resize", "V-1", "--size", "300"],
            format!("POST {}volumes/V-1/resize/", s.url),
            "\"size_gb\": 300",
        ),
        (
            vec!["clone", "V-1", "--name", "twin"],
            format!("POST {}volumes/V-1/clone/", s.url),
            "\"name\": \"twin\"",
        ),
        (
            vec!["list", "--region", "US-1"],
            format!("GET {}volumes/?region=US-1", s.url),
            "<redacted>",
        ),
        (
            vec!["show", "V-1"],
            format!("GET {}volumes/V-1/", s.url),
            "<redacted>",
        ),
        (
            vec!["types"],
            format!("GET {}volumes/types/", s.url),
            "<redacted>",
        ),
        (
            vec!["billing", "V-1", "--from", "2025-01-01"],
            format!("GET {}volumes/billing/", s.url),
            "start_date=2025-01-01",
        ),
    ];
    for (args, starts, has) in cases {
        let out = s
            .cmd()
            .args(["--explain", "volumes"])
            .args(&args)
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            text.starts_with(&starts) && text.contains(has) && text.contains("<redacted>"),
            "{args:?}: {text}"
        );
    }
    for op in [
        "create_volume",
        "attach_volumes",
        "detach_volumes",
        "delete_volume",
        "resize_volume",
        "clone_volume",
        "get_volume",
        "list_volumes",
        "list_volume_types",
        "get_volume_billing",
    ] {
        assert_eq!(s.request_count(op), 0, "{op}");
    }
}

#[test]
fn volumes_delete_needs_yes_and_a_detached_volume() {
    let s = TestSim::sandbox();
    let boot = volume_id(&s, "ubuntu-boot");
    s.cmd()
        .args(["volumes", "delete", &boot])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes").and(predicate::str::contains("data is gone")));
    let data = volume_id(&s, "datasets");
    s.cmd()
        .args(["-y", "volumes", "delete", &data])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("detach it first"));
    assert_eq!(s.request_count("delete_volume"), 0);
    s.cmd()
        .args(["-y", "volumes", "delete", &boot])
        .assert()
        .success()
        .stdout(predicate::str::contains("ubuntu-boot").and(predicate::str::contains("deleted")));
    let left = s.api(|c| async move { c.list_volumes(&RegionPageQuery::default()).await });
    assert_eq!(left.volumes.len(), 1);
    // In JSON: the server's answer.
    let v = s.json(&["volumes", "clone", &data, "--name", "spare", "--wait"]);
    let spare = v["volume"]["id"].as_str().unwrap().to_owned();
    let v = s.json(&["-y", "volumes", "delete", &spare]);
    assert_eq!(v["success"], true);
    assert_eq!(v["id"], spare.as_str());
}

#[test]
fn volumes_attach_and_detach() {
    let s = TestSim::sandbox();
    let boot = volume_id(&s, "ubuntu-boot");
    let train = s.vm_id("train-h100");
    let out = s
        .cmd()
        .args(["volumes", "attach", &boot, "--instance", &train])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains(&format!("volume ubuntu-boot ({boot}) attached to {train}"))
            && text.contains("datasets (500 GB), ubuntu-boot (100 GB)"),
        "{text}"
    );
    let vm = train.clone();
    let d = s.api(|c| async move { c.get_instance(&vm).await }).instance;
    assert_eq!(d.volumes.len(), 2);
    // Another region's volume: refused by the server with both regions named.
    let v = s.json(&[
        "volumes", "create", "--name", "far", "--region", "US-1", "--size", "100", "--wait",
    ]);
    let far = v["volume"]["id"].as_str().unwrap().to_owned();
    s.cmd()
        .args(["volumes", "attach", &far, "--instance", &train])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("US-1").and(predicate::str::contains("CANADA-1")));
    // Detaching asks first.
    s.cmd()
        .args(["volumes", "detach", &boot, "--instance", &train])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes").and(predicate::str::contains("unmount")));
    assert_eq!(s.request_count("detach_volumes"), 0);
    let v = s.json(&["-y", "volumes", "detach", &boot, "--instance", &train]);
    assert_eq!(v["instance_id"], train.as_str());
    assert_eq!(v["volumes"].as_array().unwrap().len(), 1);
    let id = boot.clone();
    let vol = s.api(|c| async move { c.get_volume(&id).await }).volume;
    assert_eq!(vol.status, VolumeStatus::Available);
    s.cmd()
        .args(["-y", "volumes", "detach", &boot, "--instance", &train])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not attached"));
}

#[test]
fn volumes_resize_only_grows() {
    let s = TestSim::sandbox();
    let boot = volume_id(&s, "ubuntu-boot");
    s.cmd()
        .args(["volumes", "resize", &boot, "--size", "250"])
        .assert()
        .success()
        .stdout(predicate::str::contains("100 GB → 250 GB"));
    s.cmd()
        .args(["volumes", "resize", &boot, "--size", "200"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only grow").and(predicate::str::contains("250 GB now")));
    assert_eq!(s.request_count("resize_volume"), 1);
    let v = s.json(&["volumes", "resize", &boot, "--size", "300"]);
    assert_eq!(v["volume"]["size_gb"], 300);
}

#[test]
fn volumes_clone_waits_until_available() {
    let s = TestSim::sandbox();
    let data = volume_id(&s, "datasets");
    let out = s
        .cmd()
        .args([
            "volumes",
            "clone",
            &data,
            "--name",
            "datasets-copy",
            "--wait",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("clone datasets-copy")
            && text.contains("CANADA-1, the source's region")
            && text.contains("datasets-copy is AVAILABLE"),
        "{text}"
    );
    let id = volume_id(&s, "datasets-copy");
    let v = s.api(|c| async move { c.get_volume(&id).await }).volume;
    assert_eq!(v.status, VolumeStatus::Available);
    assert_eq!(v.size_gb, 500);
    assert!(v.instance_id.is_none());
}

#[test]
fn volumes_clone_wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.admin("clock", json!({"scale": 0.000001}));
    let data = volume_id(&s, "datasets");
    s.cmd()
        .args([
            "--wait-timeout",
            "0",
            "volumes",
            "clone",
            &data,
            "--name",
            "slow-copy",
            "--wait",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("error[Timeout]"));
}

#[test]
fn volumes_types_and_billing() {
    let s = TestSim::sandbox();
    let out = stdout(&s.cmd().args(["volumes", "types"]).output().unwrap());
    assert!(
        out.contains("SSD")
            && out.contains("HDD")
            && out.contains("NVMe")
            && out.contains("100 GB")
            && out.contains("legacy"),
        "{out}"
    );
    let v = s.json(&["volumes", "types"]);
    assert_eq!(v["volume_types"].as_array().unwrap().len(), 3);
    let out = stdout(&s.cmd().args(["volumes", "billing"]).output().unwrap());
    assert!(
        out.contains("datasets")
            && out.contains("ubuntu-boot")
            && out.contains("total")
            && out.contains("USD"),
        "{out}"
    );
    let data = volume_id(&s, "datasets");
    let v = s.json(&["volumes", "billing", &data, "--limit", "5"]);
    let records = v["records"].as_array().unwrap();
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["volume_id"] == data.as_str()));
    assert_eq!(v["limit"], 5);
}
