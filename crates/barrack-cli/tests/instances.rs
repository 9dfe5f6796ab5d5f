//! instances … and deploy, against the sandbox account.
mod common;

use common::*;
use serde_json::json;

#[test]
fn instances_list_reads_every_page() {
    let s = TestSim::sandbox();
    s.admin("seed", json!({"instances": 250}));
    // 250 more running VMs would spend the sandbox's credit in seconds at 600×.
    s.admin("balance", json!({"amount": 1.0e9}));
    let text = s.ok_stdout(&["instances", "list"]);
    assert_eq!(text.lines().count(), 1 + 253, "a header and 253 VMs");
    assert!(text.contains("train-h100") && text.contains("bulk-00250"));
    assert_eq!(s.request_count("list_instances"), 3, "pages of 100");
    let filtered = s.stdout_of(&[
        "instances",
        "list",
        "--region",
        "NORWAY-1",
        "--status",
        "SHUTOFF",
    ]);
    assert_contains_all(&filtered, &["dev-a6000"]);
    assert_contains_none(&filtered, &["train-h100"]);
    let v = s.json(&["instances", "list"]);
    assert_eq!(v["total"], 253);
}

#[test]
fn instances_show_has_ssh_and_allowed_actions() {
    let s = TestSim::sandbox();
    let id = s.vm_id("train-h100");
    let out = s.cmd().args(["instances", "show", &id]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("ssh ubuntu@203.0.113."), "{text}");
    assert_contains_all(&text, &["actions now", "stop", "hibernate"]);
    assert!(text.contains("datasets (500 GB)"));
    s.fails(
        &["instances", "show", "BRK-999999D"],
        1,
        &["error[NotFound]"],
    );
}

#[test]
fn stop_start_reboot_with_wait() {
    let s = TestSim::sandbox();
    let id = s.vm_id("train-h100");
    // Destructive without --yes and without a terminal: refused, nothing sent.
    s.fails(&["instances", "stop", &id], 2, &["--yes", "full rate"]);
    assert_eq!(s.request_count("stop_instance"), 0);
    s.succeeds_saying(
        &["--yes", "instances", "stop", &id, "--wait"],
        &["is SHUTOFF"],
    );
    // Refused early, with the reason, in the wrong state.
    s.fails(&["instances", "reboot", &id], 2, &["start it first"]);
    assert_eq!(s.request_count("reboot_instance"), 0);
    s.succeeds_saying(&["instances", "start", &id, "--wait"], &["is ACTIVE"]);
    s.succeeds_saying(&["instances", "reboot", &id, "--wait"], &["is ACTIVE"]);
}

#[test]
fn hibernate_restore_and_hibernated_count() {
    let s = TestSim::sandbox();
    let id = s.vm_id("train-h100");
    s.succeeds_saying(
        &["-y", "instances", "hibernate", &id, "--wait"],
        &["is HIBERNATED"],
    );
    let out = s.stdout_of(&["instances", "hibernated-count"]);
    assert_contains_all(&out, &["2 hibernated", "0.02 USD per hour"]);
    s.succeeds_saying(&["instances", "restore", &id, "--wait"], &["is ACTIVE"]);
}

#[test]
fn delete_with_wait_and_confirmation() {
    let s = TestSim::sandbox();
    let id = s.vm_id("dev-a6000");
    s.fails(&["instances", "delete", &id], 2, &["local data is lost"]);
    s.succeeds_saying(
        &["--yes", "instances", "delete", &id, "--wait"],
        &["DELETED"],
    );
}

#[test]
fn wait_times_out_with_exit_3() {
    let s = TestSim::sandbox();
    s.freeze_clock();
    let id = s.vm_id("dev-a6000");
    s.fails(
        &["--wait-timeout", "1", "instances", "start", &id, "--wait"],
        3,
        &["error[Timeout]"],
    );
}

#[test]
fn wait_ends_with_exit_1_on_error() {
    let s = TestSim::sandbox();
    s.freeze_clock();
    let id = s.vm_id("dev-a6000");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("barrack"))
        .args(["instances", "start", &id, "--wait"])
        .env("BARRACK_API_URL", &s.url)
        .env("BARRACK_API_KEY", &s.key)
        .env("BARRACK_CONFIG_DIR", s.config_dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the start is accepted, the VM fails.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while s.request_count("start_instance") == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    s.admin(
        &format!("instances/{id}/status"),
        json!({"status": "ERROR"}),
    );
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ended in ERROR"), "{}", stderr(&out));
}

#[test]
fn public_ip_toggle() {
    let s = TestSim::sandbox();
    let id = s.vm_id("train-h100");
    s.fails(
        &["instances", "public-ip", &id, "--disable"],
        2,
        &["unreachable"],
    );
    s.succeeds_saying(
        &["-y", "instances", "public-ip", &id, "--disable"],
        &["public IP off"],
    );
    s.succeeds_saying(
        &["instances", "public-ip", &id, "--enable"],
        &["public IP on 203.0.113."],
    );
    s.cmd()
        .args(["instances", "public-ip", &id])
        .assert()
        .code(2);
}

#[test]
fn rules_add_list_rm_and_bad_rules_refused_before_sending() {
    let s = TestSim::sandbox();
    let id = s.vm_id("train-h100");
    let out = s
        .cmd()
        .args([
            "instances",
            "rules",
            "add",
            &id,
            "--rule",
            "ingress,tcp,IPv4,10.0.0.0/8,8000-8100",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rule_id = stdout(&out).split_whitespace().nth(1).unwrap().to_owned();
    let list = s.stdout_of(&["instances", "rules", "list", &id]);
    assert_contains_all(&list, &[&rule_id, "8000-8100", "10.0.0.0/8"]);
    s.succeeds_saying(
        &["-y", "instances", "rules", "rm", &id, &rule_id],
        &["removed"],
    );
    for (bad, says) in [
        ("ingress,tcp,IPv4,10.0.0.0/33,22", "remote_ip_prefix"),
        ("ingress,tcp,IPv4,10.0.0.0/8,0", "port"),
        ("ingress,icmp,IPv4,0.0.0.0/0,22", "ICMP"),
        ("ingress,tcp,IPv4,2001:db8::/32,22", "IPv6"),
        ("sideways,tcp,IPv4,0.0.0.0/0,22", "direction"),
    ] {
        s.fails(
            &["instances", "rules", "add", &id, "--rule", bad],
            2,
            &[says],
        );
    }
    assert_eq!(s.request_count("add_instance_security_rule"), 1);
}

#[test]
fn billing_firewalls_and_eligible() {
    let s = TestSim::sandbox();
    let id = s.vm_id("train-h100");
    let out = s.stdout_of(&["instances", "billing"]);
    assert_contains_all(&out, &["train-h100", "total", "USD"]);
    let v = s.json(&["instances", "billing", &id, "--limit", "5"]);
    assert!(v["records"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["instance_id"] == id.as_str()));
    assert_eq!(v["limit"], 5);
    let fw = s.stdout_of(&["instances", "firewalls", &id]);
    assert_contains_all(&fw, &["web-ssh", "SUCCESS"]);
    let el = s.stdout_of(&["instances", "eligible-for-snapshot", "--region", "CANADA-1"]);
    assert_contains_all(&el, &["train-h100"]);
    assert_contains_none(&el, &["dev-a6000"]);
}

#[test]
fn deploy_from_an_os_image_with_wait() {
    let s = TestSim::sandbox();
    let keys = s.api(|c| async move { c.list_ssh_keys().await }).ssh_keys;
    let os = s
        .api(|c| async move {
            c.list_os_images(&barrack_api::types::RegionQuery {
                region: Some(barrack_api::types::RegionEnum::Us1),
            })
            .await
        })
        .images[0]
        .id
        .clone();
    let out = s
        .cmd()
        .args([
            "deploy",
            "--name",
            "cli-vm",
            "--region",
            "US-1",
            "--gpu-model",
            "RTX-A6000",
            "--gpu-count",
            "2",
            "--os-image",
            &os,
            "--ssh-key",
            &keys[0].id,
        ])
        .args([
            "--rule",
            "ingress,tcp,IPv4,0.0.0.0/0,22",
            "--jupyter-password",
            "s3cret-pass",
            "--wait",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_contains_all(&text, &["cli-vm is ACTIVE", "ssh ubuntu@"]);
    let vm = s.vm_id("cli-vm");
    let d = s.api(|c| async move { c.get_instance(&vm).await }).instance;
    // DEP-61: the deployment id support asks for is printed.
    let dep = d.deployment_id.clone().expect("a deployment id");
    assert!(
        dep.len() == 10 && dep.starts_with("DEP") && dep[3..].chars().all(|c| c.is_ascii_digit()),
        "{dep}"
    );
    assert!(text.contains(&format!("deployment {dep}")), "{text}");
    assert_eq!(d.flavor.gpu_count, 2);
    assert!(d.jupyter_enabled);
    assert_eq!(d.security_rules.len(), 1);
}

#[test]
fn deploy_from_a_custom_image_and_the_region_rule() {
    let s = TestSim::sandbox();
    let keys = s.api(|c| async move { c.list_ssh_keys().await }).ssh_keys;
    let image = s
        .api(|c| async move { c.list_images(&Default::default()).await })
        .images[0]
        .clone();
    // The image is in CANADA-1: NORWAY-1 is refused by the server with the way out.
    let out = s
        .cmd()
        .args([
            "deploy",
            "--name",
            "far",
            "--region",
            "NORWAY-1",
            "--gpu-model",
            "RTX-A6000",
            "--image",
            &image.id,
            "--ssh-key",
            &keys[0].id,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_contains_all(&stderr(&out), &["error[Validation]", "snapshot"]);
    let v = s.json(&[
        "deploy",
        "--name",
        "near",
        "--region",
        "CANADA-1",
        "--gpu-model",
        "RTX-A6000",
        "--image",
        &image.id,
        "--ssh-key",
        &keys[0].id,
    ]);
    assert_eq!(v["instance"]["image"]["type"], "custom_image");
}

#[test]
fn deploy_bad_input_is_refused_before_any_request() {
    let s = TestSim::sandbox();
    let long = "n".repeat(51);
    let base = [
        "--gpu-model",
        "A40",
        "--os-image",
        "OS-31",
        "--ssh-key",
        "K",
    ];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--name", &long, "--region", "US-1"], "50"),
        (vec!["--name", "bad/name", "--region", "US-1"], "'/'"),
        (vec!["--name", "ok", "--region", "MARS-1"], "unknown region"),
        (
            vec![
                "--name",
                "ok",
                "--region",
                "US-1",
                "--rule",
                "ingress,tcp,IPv4,1.2.3.4/40,22",
            ],
            "prefix",
        ),
        (
            vec![
                "--name",
                "ok",
                "--region",
                "US-1",
                "--jupyter-password",
                "short",
            ],
            "jupyter.password",
        ),
        (
            vec!["--name", "ok", "--region", "US-1", "--gpu-count", "0"],
            "gpu_count",
        ),
    ];
    for (extra, says) in cases {
        let mut args = vec!["deploy"];
        args.extend(base);
        args.extend(extra);
        let out = s.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    // No SSH key, no deploy; no boot source, no deploy.
    s.fails(
        &[
            "deploy",
            "--name",
            "x",
            "--region",
            "US-1",
            "--gpu-model",
            "A40",
            "--os-image",
            "OS-31",
        ],
        2,
        &["ssh-key"],
    );
    s.cmd()
        .args([
            "deploy",
            "--name",
            "x",
            "--region",
            "US-1",
            "--gpu-model",
            "A40",
            "--ssh-key",
            "K",
        ])
        .assert()
        .code(2);
    assert_eq!(s.request_count("deploy_instance"), 0);
}

#[test]
fn deploy_explain_shows_the_body_and_sends_nothing() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "--explain",
            "deploy",
            "--name",
            "x",
            "--region",
            "US-1",
            "--gpu-model",
            "A40",
            "--os-image",
            "OS-31",
            "--ssh-key",
            "K1",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("POST {}instances/", s.url)),
        "{text}"
    );
    assert_contains_all(&text, &["\"boot_source\"", "\"os_image\"", "<redacted>"]);
    assert_eq!(s.request_count("deploy_instance"), 0);
}

#[test]
fn deploy_with_too_little_credit_exits_1() {
    let s = TestSim::sandbox();
    s.admin("balance", json!({"amount": 1.0}));
    let keys = s.api(|c| async move { c.list_ssh_keys().await }).ssh_keys;
    let out = s
        .cmd()
        .args([
            "deploy",
            "--name",
            "poor",
            "--region",
            "US-1",
            "--gpu-model",
            "H100-SXM5-80GB",
            "--os-image",
            "OS-31",
            "--ssh-key",
            &keys[0].id,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_contains_all(
        &stderr(&out),
        &["error[InsufficientCredits]", "Insufficient Credits"],
    );
}

/// The deploy wizard's "equivalent command" (barrack_api::deploy::command_line), run by the
/// real CLI with `--explain`, builds exactly the body the wizard sends.
#[test]
fn the_wizards_equivalent_command_builds_the_same_body() {
    use barrack_api::types::*;
    let s = TestSim::sandbox();
    let dir = tempfile::tempdir().unwrap();
    let req = DeploymentRequest {
        name: "team box 1".into(),
        region: RegionEnum::parse("CANADA-1"),
        gpu_model: GpuModelEnum::parse("H100-SXM5-80GB"),
        gpu_count: 4,
        tier: Some(TierEnum::Advanced),
        boot_source: BootSource {
            kind: BootSourceType::CustomImage,
            id: "IMG-1".into(),
        },
        ssh_key_ids: vec!["K1".into(), "K2".into()],
        public_ip: false,
        security_rules: vec![
            VMSecurityRuleRequest {
                direction: DirectionEnum::parse("ingress"),
                protocol: ProtocolEnum::parse("tcp"),
                ethertype: EthertypeEnum::parse("IPv4"),
                remote_ip_prefix: "10.0.0.0/8".into(),
                port_range_min: Some(22),
                port_range_max: Some(22),
            },
            VMSecurityRuleRequest {
                direction: DirectionEnum::parse("egress"),
                protocol: ProtocolEnum::parse("icmp"),
                ethertype: EthertypeEnum::parse("IPv6"),
                remote_ip_prefix: "::/0".into(),
                port_range_min: None,
                port_range_max: None,
            },
        ],
        jupyter: Some(JupyterConfig {
            enabled: true,
            password: Some("s3cret pass'word".into()),
        }),
        cloud_init: Some("#cloud-config\nruncmd: [\"echo 'hi'\"]\n".into()),
        startup_script_id: Some("S1".into()),
        ..Default::default()
    };
    std::fs::write(
        dir.path().join(barrack_api::deploy::CLOUD_INIT_FILE),
        req.cloud_init.as_deref().unwrap(),
    )
    .unwrap();
    let line = barrack_api::deploy::command_line(&req);
    // Run the line through a real shell, as a user pasting it would.
    let barrack = assert_cmd::cargo::cargo_bin("barrack");
    let script = line.replacen("barrack deploy", "\"$BARRACK\" --explain deploy", 1);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env("BARRACK", &barrack)
        .env("HOME", s.config_dir.path())
        .env("BARRACK_CONFIG_DIR", s.config_dir.path())
        .env("BARRACK_API_URL", &s.url)
        .env("BARRACK_API_KEY", &s.key)
        .env(
            barrack_api::deploy::JUPYTER_PASSWORD_VAR,
            "s3cret pass'word",
        )
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        out.status.success(),
        "{line}\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json_start = text.find('{').expect("a body");
    let sent: serde_json::Value = serde_json::from_str(&text[json_start..]).unwrap();
    assert_eq!(sent, serde_json::to_value(&req).unwrap(), "{line}");
    assert_eq!(s.request_count("deploy_instance"), 0);
}
