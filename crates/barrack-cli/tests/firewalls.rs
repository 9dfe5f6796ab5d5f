//! firewalls list|show|protocols|eligible|create|delete|rules add|rules rm|attach|detach,
//! against the sandbox account (firewall "web-ssh" protects train-h100 in CANADA-1).
mod common;

use common::*;
use predicates::prelude::*;
use serde_json::json;

fn attached(s: &TestSim, id: &str) -> Vec<String> {
    let id = id.to_owned();
    let mut v: Vec<String> = s
        .api(|c| async move { c.get_firewall(&id).await })
        .firewall
        .attachments
        .into_iter()
        .map(|a| a.instance_id)
        .collect();
    v.sort();
    v
}

/// A second ACTIVE VM in CANADA-1 (seeded, with a server_uuid).
fn second_canada_vm(s: &TestSim) -> String {
    s.admin("balance", json!({"amount": 1.0e9}));
    s.admin("seed", json!({"instances": 3}));
    s.api(|c| async move { c.list_instances(&Default::default()).await })
        .instances
        .into_iter()
        .find(|v| v.name.starts_with("bulk-") && v.region.as_str() == "CANADA-1")
        .map(|v| v.id)
        .expect("a bulk VM in CANADA-1")
}

#[test]
fn firewalls_list_shows_region_status_and_attachments() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let out = s.cmd().args(["firewalls", "list"]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains(&id)
            && text.contains("web-ssh")
            && text.contains("CANADA-1")
            && text.contains("SUCCESS")
            && text.contains("train-h100"),
        "{text}"
    );
    let other = stdout(
        &s.cmd()
            .args(["firewalls", "list", "--region", "NORWAY-1"])
            .output()
            .unwrap(),
    );
    assert!(!other.contains("web-ssh"), "{other}");
    let v = s.json(&["firewalls", "list"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["firewalls"][0]["name"], "web-ssh");
    s.cmd()
        .args(["firewalls", "list", "--region", "MARS-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown region"));
}

#[test]
fn firewalls_show_has_rules_and_attachments_tables() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let train = s.vm_id("train-h100");
    let out = s.cmd().args(["firewalls", "show", &id]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    for want in [
        "SSH and HTTPS from anywhere",
        "Rules (2)",
        "DIRECTION",
        "ingress",
        "0.0.0.0/0",
        " 22",
        " 443",
        "Attached to (1)",
        "ATTACHMENT",
        train.as_str(),
        "train-h100",
    ] {
        assert!(text.contains(want), "{want:?} missing: {text}");
    }
    let v = s.json(&["firewalls", "show", &id]);
    assert_eq!(v["firewall"]["rules"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["firewall"]["attachments"][0]["instance_id"],
        train.as_str()
    );
    s.cmd()
        .args(["firewalls", "show", "F-NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
}

#[test]
fn firewalls_protocols_lists_tcp_udp_icmp() {
    let s = TestSim::sandbox();
    let out = stdout(&s.cmd().args(["firewalls", "protocols"]).output().unwrap());
    assert!(
        out.contains("TCP") && out.contains("UDP") && out.contains("ICMP"),
        "{out}"
    );
    let icmp = out.lines().find(|l| l.contains("ICMP")).unwrap();
    assert!(icmp.trim_end().ends_with("no"), "{icmp}");
    let v = s.json(&["firewalls", "protocols"]);
    assert_eq!(v["protocols"].as_array().unwrap().len(), 3);
}

#[test]
fn firewalls_eligible_says_why_not() {
    let s = TestSim::sandbox();
    let out = stdout(&s.cmd().args(["firewalls", "eligible"]).output().unwrap());
    let train = out.lines().find(|l| l.contains("train-h100")).unwrap();
    assert!(train.contains("yes"), "{out}");
    let dev = out.lines().find(|l| l.contains("dev-a6000")).unwrap();
    assert!(dev.contains("no") && dev.contains("SHUTOFF"), "{out}");
    let v = s.json(&["firewalls", "eligible", "--region", "CANADA-1"]);
    let all = v["instances"].as_array().unwrap();
    assert!(all.iter().all(|i| i["region"] == "CANADA-1"), "{v}");
    assert!(all.iter().any(|i| i["name"] == "train-h100"));
}

#[test]
fn firewalls_create_with_wait_reaches_success() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "firewalls",
            "create",
            "--name",
            "db only",
            "--region",
            "US-1",
            "--description",
            "Postgres from the office",
            "--wait",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("db only") && text.contains("US-1") && text.contains("is SUCCESS"),
        "{text}"
    );
    assert!(s.request_count("get_firewall") >= 1);
    let id = fw_id(&s, "db only");
    let fw = s.api(|c| async move { c.get_firewall(&id).await }).firewall;
    assert_eq!(fw.status.as_str(), "SUCCESS");
    let v = s.json(&[
        "firewalls",
        "create",
        "--name",
        "json-fw",
        "--region",
        "NORWAY-1",
    ]);
    assert_eq!(v["firewall"]["name"], "json-fw");
    assert_eq!(v["firewall"]["status"], "CREATING");
    // The same name again: the server's conflict, exit 1.
    s.cmd()
        .args([
            "firewalls",
            "create",
            "--name",
            "web-ssh",
            "--region",
            "US-1",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("already exists")),
        );
}

#[test]
fn firewalls_create_bad_input_is_refused_before_sending() {
    let s = TestSim::sandbox();
    for (args, says) in [
        (vec!["--name", "bad/name", "--region", "US-1"], "'/'"),
        (vec!["--name", &"n".repeat(51), "--region", "US-1"], "50"),
        (vec!["--name", "   ", "--region", "US-1"], "required"),
        (vec!["--name", "ok", "--region", "MARS-1"], "unknown region"),
    ] {
        let out = s
            .cmd()
            .args(["firewalls", "create"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    let long = "d".repeat(256);
    s.cmd()
        .args(["firewalls", "create", "--name", "ok", "--region", "US-1"])
        .args(["--description", &long])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("description"));
    assert_eq!(s.request_count("create_firewall"), 0);
}

#[test]
fn firewalls_delete_confirms_and_attached_is_a_conflict() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    s.cmd()
        .args(["firewalls", "delete", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes").and(predicate::str::contains("web-ssh")));
    assert_eq!(s.request_count("delete_firewall"), 0);
    s.cmd()
        .args(["--yes", "firewalls", "delete", &id])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("detach them first")),
        );
    s.cmd()
        .args(["firewalls", "create", "--name", "temp", "--region", "US-1"])
        .assert()
        .success();
    let temp = fw_id(&s, "temp");
    s.cmd()
        .args(["-y", "firewalls", "delete", &temp])
        .assert()
        .success()
        .stdout(predicate::str::contains("temp").and(predicate::str::contains("deleted")));
    let left = s.api(|c| async move { c.list_firewalls(&Default::default()).await });
    assert_eq!(left.total, 1);
}

#[test]
fn firewalls_rules_add_and_rm() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let out = s
        .cmd()
        .args([
            "firewalls",
            "rules",
            "add",
            &id,
            "--rule",
            "ingress,udp,IPv6,2001:db8::/32,6000-6100",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rule_id = stdout(&out).split_whitespace().nth(1).unwrap().to_owned();
    let show = stdout(&s.cmd().args(["firewalls", "show", &id]).output().unwrap());
    assert!(
        show.contains(&rule_id)
            && show.contains("2001:db8::/32")
            && show.contains("6000-6100")
            && show.contains("Rules (3)"),
        "{show}"
    );
    let v = s.json(&[
        "firewalls",
        "rules",
        "add",
        &id,
        "--rule",
        "ingress,icmp,IPv4,0.0.0.0/0",
    ]);
    assert_eq!(v["rule"]["protocol"], "icmp");
    assert_eq!(v["firewall_id"], id.as_str());
    // The same rule twice: the server's conflict.
    s.cmd()
        .args([
            "firewalls",
            "rules",
            "add",
            &id,
            "--rule",
            "ingress,icmp,IPv4,0.0.0.0/0",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("identical rule"));
    s.cmd()
        .args(["firewalls", "rules", "rm", &id, &rule_id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert_eq!(s.request_count("remove_firewall_rule"), 0);
    s.cmd()
        .args(["-y", "firewalls", "rules", "rm", &id, &rule_id])
        .assert()
        .success()
        .stdout(predicate::str::contains("removed"));
    let fwid = id.clone();
    let fw = s
        .api(|c| async move { c.get_firewall(&fwid).await })
        .firewall;
    assert!(fw.rules.iter().all(|r| r.id != rule_id));
}

#[test]
fn firewalls_rules_add_bad_rules_are_refused_before_sending() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    for (bad, says) in [
        ("ingress,tcp,IPv4,10.0.0.0/33,22", "remote_ip_prefix"),
        ("ingress,tcp,IPv4,10.0.0.0/8,0", "port"),
        ("ingress,tcp,IPv4,10.0.0.0/8,90-80", "port_range_max"),
        ("ingress,icmp,IPv4,0.0.0.0/0,22", "ICMP"),
        ("ingress,tcp,IPv4,2001:db8::/32,22", "IPv6"),
        ("ingress,tcp,IPv4,10.0.0.0/8", "port_range_min"),
        ("ingress,gre,IPv4,10.0.0.0/8", "protocol"),
        ("ingress,tcp", "DIRECTION,PROTOCOL"),
    ] {
        let out = s
            .cmd()
            .args(["firewalls", "rules", "add", &id, "--rule", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{bad}: {}", stderr(&out));
    }
    assert_eq!(s.request_count("add_firewall_rule"), 0);
}

#[test]
fn firewalls_attach_keeps_current_attachments() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let train = s.vm_id("train-h100");
    let other = second_canada_vm(&s);
    let out = s
        .cmd()
        .args(["firewalls", "attach", &id, "--instance", &other])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("now protects 2 VM(s)")
            && text.contains(&other)
            && text.contains("ATTACHING"),
        "{text}"
    );
    let mut both = vec![train.clone(), other.clone()];
    both.sort();
    assert_eq!(attached(&s, &id), both, "train-h100 stays attached");
    // Again: idempotent, still both; --json prints the answer.
    let v = s.json(&["firewalls", "attach", &id, "--instance", &other]);
    assert_eq!(v["attachments"].as_array().unwrap().len(), 2);
    // A VM of another region: the server refuses, exit 1 with its message.
    let dev = s.vm_id("dev-a6000");
    s.cmd()
        .args(["firewalls", "attach", &id, "--instance", &dev])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("can only protect VMs there"));
    assert_eq!(attached(&s, &id), both);
}

#[test]
fn firewalls_attach_replace_confirms_what_it_drops() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let other = second_canada_vm(&s);
    s.cmd()
        .args([
            "firewalls",
            "attach",
            &id,
            "--instance",
            &other,
            "--replace",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("train-h100")
                .and(predicate::str::contains("protection is removed at once")),
        );
    assert_eq!(s.request_count("attach_firewall"), 0);
    s.cmd()
        .args([
            "-y",
            "firewalls",
            "attach",
            &id,
            "--instance",
            &other,
            "--replace",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("now protects 1 VM(s)"));
    assert_eq!(attached(&s, &id), vec![other]);
}

#[test]
fn firewalls_detach_sends_the_rest_and_confirms() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let train = s.vm_id("train-h100");
    let other = second_canada_vm(&s);
    s.cmd()
        .args(["firewalls", "attach", &id, "--instance", &other])
        .assert()
        .success();
    s.cmd()
        .args(["firewalls", "detach", &id, "--instance", &train])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("protection is removed at once")
                .and(predicate::str::contains("--yes")),
        );
    assert_eq!(s.request_count("attach_firewall"), 1);
    s.cmd()
        .args(["-y", "firewalls", "detach", &id, "--instance", &train])
        .assert()
        .success()
        .stdout(predicate::str::contains("now protects 1 VM(s)"));
    assert_eq!(attached(&s, &id), vec![other.clone()]);
    // Not attached: refused before sending.
    s.cmd()
        .args(["-y", "firewalls", "detach", &id, "--instance", &train])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not attached"));
    assert_eq!(s.request_count("attach_firewall"), 2);
    // The last one: nothing left attached, and now it can be deleted.
    let v = s.json(&["-y", "firewalls", "detach", &id, "--instance", &other]);
    assert_eq!(v["attachments"].as_array().unwrap().len(), 0);
    assert!(attached(&s, &id).is_empty());
    s.cmd()
        .args(["-y", "firewalls", "delete", &id])
        .assert()
        .success();
}

#[test]
fn firewalls_explain_prints_requests_and_sends_nothing() {
    let s = TestSim::sandbox();
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (
            vec!["firewalls", "list", "--region", "US-1"],
            format!("GET {}firewalls/?region=US-1", s.url),
            "list_firewalls",
        ),
        (
            vec!["firewalls", "show", "F1"],
            format!("GET {}firewalls/F1/", s.url),
            "get_firewall",
        ),
        (
            vec!["firewalls", "protocols"],
            format!("GET {}firewalls/protocols/", s.url),
            "get_firewall_protocols",
        ),
        (
            vec!["firewalls", "eligible"],
            format!("GET {}firewalls/eligible-instances/", s.url),
            "list_firewall_eligible_instances",
        ),
        (
            vec![
                "firewalls",
                "create",
                "--name",
                "x",
                "--region",
                "US-1",
                "--wait",
            ],
            format!("POST {}firewalls/", s.url),
            "create_firewall",
        ),
        (
            vec!["firewalls", "delete", "F1"],
            format!("DELETE {}firewalls/F1/", s.url),
            "delete_firewall",
        ),
        (
            vec![
                "firewalls",
                "rules",
                "add",
                "F1",
                "--rule",
                "ingress,tcp,IPv4,0.0.0.0/0,22",
            ],
            format!("POST {}firewalls/F1/rules/", s.url),
            "add_firewall_rule",
        ),
        (
            vec!["firewalls", "rules", "rm", "F1", "R1"],
            format!("DELETE {}firewalls/F1/rules/R1/", s.url),
            "remove_firewall_rule",
        ),
        (
            vec!["firewalls", "attach", "F1", "--instance", "VM1"],
            format!("POST {}firewalls/F1/attach/", s.url),
            "attach_firewall",
        ),
        (
            vec!["firewalls", "detach", "F1", "--instance", "VM1"],
            format!("POST {}firewalls/F1/attach/", s.url),
            "attach_firewall",
        ),
    ];
    for (args, starts, op) in cases {
        let out = s.cmd().arg("--explain").args(&args).output().unwrap();
        let text = stdout(&out);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(text.starts_with(&starts), "{args:?}: {text}");
        assert!(
            text.contains("<redacted>") && !text.contains(&s.key),
            "{text}"
        );
        assert_eq!(s.request_count(op), 0, "{op}");
    }
    let out = s
        .cmd()
        .args([
            "--explain",
            "firewalls",
            "attach",
            "F1",
            "--instance",
            "VM1",
        ])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("\"VM1\""), "{}", stdout(&out));
    assert!(stderr(&out).contains("current attachments"));
    assert_eq!(s.request_count("get_firewall"), 0);
}

#[test]
fn firewalls_wrong_api_key_is_unauthorized() {
    let s = TestSim::sandbox();
    for args in [
        vec!["firewalls", "list"],
        vec!["firewalls", "attach", "F1", "--instance", "VM1"],
    ] {
        s.cmd()
            .env("BARRACK_API_KEY", "sk-wrong")
            .args(&args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("Unauthorized"));
    }
    assert_eq!(s.request_count("attach_firewall"), 0);
}
