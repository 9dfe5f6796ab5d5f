//! volumes list|show|create|delete|resize|clone|attach|detach|types|billing, against the
//! sandbox account.
mod common;

use barrack_api::types::{RegionEnum, RegionPageQuery, RegionQuery, VolumeStatus};
use common::*;

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
    let text = s.ok_stdout(&["volumes", "list"]);
    assert_contains_all(
        &text,
        &[
            "datasets",
            "ATTACHED",
            "train-h100",
            "ubuntu-boot",
            "500 GB",
            "suggested name for the next volume: volume1",
        ],
    );
    let other = s.stdout_of(&["volumes", "list", "--region", "NORWAY-1"]);
    assert_contains_all(&other, &["volume1"]);
    assert_contains_none(&other, &["datasets"]);
    let v = s.json(&["volumes", "list"]);
    assert_eq!(v["next_name"], "volume1");
    assert_eq!(v["volumes"].as_array().unwrap().len(), 2);
}

#[test]
fn volumes_show_has_the_attachment_and_the_boot_image() {
    let s = TestSim::sandbox();
    let data = volume_id(&s, "datasets");
    let vm = s.vm_id("train-h100");
    let out = s.stdout_of(&["volumes", "show", &data]);
    assert_contains_all(
        &out,
        &[
            &format!("train-h100 ({vm}) ACTIVE"),
            "SSD (legacy)",
            "bootable     no",
        ],
    );
    let boot = volume_id(&s, "ubuntu-boot");
    let out = s.stdout_of(&["volumes", "show", &boot]);
    assert!(out.contains("yes, OS image OS-"), "{out}");
    let v = s.json(&["volumes", "show", &boot]);
    assert_eq!(v["volume"]["bootable"], true);
    assert_eq!(v["volume"]["size_gb"], 100);
    s.fails(&["volumes", "show", "V-NOPE"], 1, &["error[NotFound]"]);
}

#[test]
fn volumes_create_waits_until_available() {
    let s = TestSim::sandbox();
    let text = s.ok_stdout(&[
        "volumes", "create", "--name", "scratch", "--region", "US-1", "--size", "200", "--type",
        "NVMe", "--wait",
    ]);
    assert_contains_all(
        &text,
        &[
            "volume scratch",
            "created in US-1: 200 GB NVMe",
            "scratch is AVAILABLE",
        ],
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
    s.freeze_clock();
    s.fails(
        &[
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
        ],
        3,
        &["error[Timeout]", "AVAILABLE"],
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
    s.refuses_each(&["volumes"], &cases);
    s.assert_nothing_sent(&[
        "create_volume",
        "resize_volume",
        "clone_volume",
        "attach_volumes",
        "list_volumes",
        "get_volume",
        "get_volume_billing",
    ]);
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
    assert_contains_all(&stderr(&out), &["error[Validation]", "100 GB"]);
    // A volume of CANADA-1 cannot attach to a stopped VM of NORWAY-1.
    let boot = volume_id(&s, "ubuntu-boot");
    let dev = s.vm_id("dev-a6000");
    s.fails(
        &["volumes", "attach", &boot, "--instance", &dev],
        1,
        &["error[Conflict]", "start it first"],
    );
    // Already attached.
    let data = volume_id(&s, "datasets");
    let train = s.vm_id("train-h100");
    s.fails(
        &["volumes", "attach", &data, "--instance", &train],
        1,
        &["error[Conflict]", "only Available volumes"],
    );
}

#[test]
fn volumes_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let text = s.ok_stdout(&[
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
    ]);
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
    s.assert_nothing_sent(&[
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
    ]);
}

#[test]
fn volumes_delete_needs_yes_and_a_detached_volume() {
    let s = TestSim::sandbox();
    let boot = volume_id(&s, "ubuntu-boot");
    s.fails(&["volumes", "delete", &boot], 2, &["--yes", "data is gone"]);
    let data = volume_id(&s, "datasets");
    s.fails(&["-y", "volumes", "delete", &data], 2, &["detach it first"]);
    assert_eq!(s.request_count("delete_volume"), 0);
    s.succeeds_saying(
        &["-y", "volumes", "delete", &boot],
        &["ubuntu-boot", "deleted"],
    );
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
    let text = s.ok_stdout(&["volumes", "attach", &boot, "--instance", &train]);
    assert_contains_all(
        &text,
        &[
            &format!("volume ubuntu-boot ({boot}) attached to {train}"),
            "datasets (500 GB), ubuntu-boot (100 GB)",
        ],
    );
    let vm = train.clone();
    let d = s.api(|c| async move { c.get_instance(&vm).await }).instance;
    assert_eq!(d.volumes.len(), 2);
    // Another region's volume: refused by the server with both regions named.
    let v = s.json(&[
        "volumes", "create", "--name", "far", "--region", "US-1", "--size", "100", "--wait",
    ]);
    let far = v["volume"]["id"].as_str().unwrap().to_owned();
    s.fails(
        &["volumes", "attach", &far, "--instance", &train],
        1,
        &["US-1", "CANADA-1"],
    );
    // Detaching asks first.
    s.fails(
        &["volumes", "detach", &boot, "--instance", &train],
        2,
        &["--yes", "unmount"],
    );
    assert_eq!(s.request_count("detach_volumes"), 0);
    let v = s.json(&["-y", "volumes", "detach", &boot, "--instance", &train]);
    assert_eq!(v["instance_id"], train.as_str());
    assert_eq!(v["volumes"].as_array().unwrap().len(), 1);
    let id = boot.clone();
    let vol = s.api(|c| async move { c.get_volume(&id).await }).volume;
    assert_eq!(vol.status, VolumeStatus::Available);
    s.fails(
        &["-y", "volumes", "detach", &boot, "--instance", &train],
        1,
        &["not attached"],
    );
}

#[test]
fn volumes_resize_only_grows() {
    let s = TestSim::sandbox();
    let boot = volume_id(&s, "ubuntu-boot");
    s.succeeds_saying(
        &["volumes", "resize", &boot, "--size", "250"],
        &["100 GB → 250 GB"],
    );
    s.fails(
        &["volumes", "resize", &boot, "--size", "200"],
        2,
        &["only grow", "250 GB now"],
    );
    assert_eq!(s.request_count("resize_volume"), 1);
    let v = s.json(&["volumes", "resize", &boot, "--size", "300"]);
    assert_eq!(v["volume"]["size_gb"], 300);
}

#[test]
fn volumes_clone_waits_until_available() {
    let s = TestSim::sandbox();
    let data = volume_id(&s, "datasets");
    let text = s.ok_stdout(&[
        "volumes",
        "clone",
        &data,
        "--name",
        "datasets-copy",
        "--wait",
    ]);
    assert_contains_all(
        &text,
        &[
            "clone datasets-copy",
            "CANADA-1, the source's region",
            "datasets-copy is AVAILABLE",
        ],
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
    s.freeze_clock();
    let data = volume_id(&s, "datasets");
    s.fails(
        &[
            "--wait-timeout",
            "0",
            "volumes",
            "clone",
            &data,
            "--name",
            "slow-copy",
            "--wait",
        ],
        3,
        &["error[Timeout]"],
    );
}

#[test]
fn volumes_types_and_billing() {
    let s = TestSim::sandbox();
    let out = s.stdout_of(&["volumes", "types"]);
    assert_contains_all(&out, &["SSD", "HDD", "NVMe", "100 GB", "legacy"]);
    let v = s.json(&["volumes", "types"]);
    assert_eq!(v["volume_types"].as_array().unwrap().len(), 3);
    let out = s.stdout_of(&["volumes", "billing"]);
    assert_contains_all(&out, &["datasets", "ubuntu-boot", "total", "USD"]);
    let data = volume_id(&s, "datasets");
    let v = s.json(&["volumes", "billing", &data, "--limit", "5"]);
    let records = v["records"].as_array().unwrap();
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["volume_id"] == data.as_str()));
    assert_eq!(v["limit"], 5);
}
