//! firewalls list|show|protocols|eligible|create|delete|rules add|rules rm|attach|detach,
//! against the sandbox account (firewall "web-ssh" protects train-h100 in CANADA-1).
mod common;

use common::*;
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
    let text = s.ok_stdout(&["firewalls", "list"]);
    assert_contains_all(
        &text,
        &[&id, "web-ssh", "CANADA-1", "SUCCESS", "train-h100"],
    );
    let other = s.stdout_of(&["firewalls", "list", "--region", "NORWAY-1"]);
    assert!(!other.contains("web-ssh"), "{other}");
    let v = s.json(&["firewalls", "list"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["firewalls"][0]["name"], "web-ssh");
    s.fails(
        &["firewalls", "list", "--region", "MARS-1"],
        2,
        &["unknown region"],
    );
}

#[test]
fn firewalls_show_has_rules_and_attachments_tables() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let train = s.vm_id("train-h100");
    let text = s.ok_stdout(&["firewalls", "show", &id]);
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
    s.fails(&["firewalls", "show", "F-NOPE"], 1, &["error[NotFound]"]);
}

#[test]
fn firewalls_protocols_lists_tcp_udp_icmp() {
    let s = TestSim::sandbox();
    let out = s.stdout_of(&["firewalls", "protocols"]);
    assert_contains_all(&out, &["TCP", "UDP", "ICMP"]);
    let icmp = out.lines().find(|l| l.contains("ICMP")).unwrap();
    assert!(icmp.trim_end().ends_with("no"), "{icmp}");
    let v = s.json(&["firewalls", "protocols"]);
    assert_eq!(v["protocols"].as_array().unwrap().len(), 3);
}

#[test]
fn firewalls_eligible_says_why_not() {
    let s = TestSim::sandbox();
    let out = s.stdout_of(&["firewalls", "eligible"]);
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
    let text = s.ok_stdout(&[
        "firewalls",
        "create",
        "--name",
        "db only",
        "--region",
        "US-1",
        "--description",
        "Postgres from the office",
        "--wait",
    ]);
    assert_contains_all(&text, &["db only", "US-1", "is SUCCESS"]);
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
    s.fails(
        &[
            "firewalls",
            "create",
            "--name",
            "web-ssh",
            "--region",
            "US-1",
        ],
        1,
        &["error[Conflict]", "already exists"],
    );
}

#[test]
fn firewalls_create_bad_input_is_refused_before_sending() {
    let s = TestSim::sandbox();
    s.refuses_each(
        &["firewalls", "create"],
        &[
            (vec!["--name", "bad/name", "--region", "US-1"], "'/'"),
            (vec!["--name", &"n".repeat(51), "--region", "US-1"], "50"),
            (vec!["--name", "   ", "--region", "US-1"], "required"),
            (vec!["--name", "ok", "--region", "MARS-1"], "unknown region"),
        ],
    );
    let long = "d".repeat(256);
    assert_fails(
        s.cmd()
            .args(["firewalls", "create", "--name", "ok", "--region", "US-1"])
            .args(["--description", &long]),
        2,
        &["description"],
    );
    assert_eq!(s.request_count("create_firewall"), 0);
}

#[test]
fn firewalls_delete_confirms_and_attached_is_a_conflict() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    s.fails(&["firewalls", "delete", &id], 2, &["--yes", "web-ssh"]);
    assert_eq!(s.request_count("delete_firewall"), 0);
    s.fails(
        &["--yes", "firewalls", "delete", &id],
        1,
        &["error[Conflict]", "detach them first"],
    );
    s.ok_stdout(&["firewalls", "create", "--name", "temp", "--region", "US-1"]);
    let temp = fw_id(&s, "temp");
    s.succeeds_saying(&["-y", "firewalls", "delete", &temp], &["temp", "deleted"]);
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
    let show = s.stdout_of(&["firewalls", "show", &id]);
    assert_contains_all(
        &show,
        &[&rule_id, "2001:db8::/32", "6000-6100", "Rules (3)"],
    );
    let add_icmp = [
        "firewalls",
        "rules",
        "add",
        id.as_str(),
        "--rule",
        "ingress,icmp,IPv4,0.0.0.0/0",
    ];
    let v = s.json(&add_icmp);
    assert_eq!(v["rule"]["protocol"], "icmp");
    assert_eq!(v["firewall_id"], id.as_str());
    // The same rule twice: the server's conflict.
    s.fails(&add_icmp, 1, &["identical rule"]);
    s.fails(&["firewalls", "rules", "rm", &id, &rule_id], 2, &["--yes"]);
    assert_eq!(s.request_count("remove_firewall_rule"), 0);
    s.succeeds_saying(
        &["-y", "firewalls", "rules", "rm", &id, &rule_id],
        &["removed"],
    );
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
    let text = s.ok_stdout(&["firewalls", "attach", &id, "--instance", &other]);
    assert_contains_all(&text, &["now protects 2 VM(s)", &other, "ATTACHING"]);
    let mut both = vec![train.clone(), other.clone()];
    both.sort();
    assert_eq!(attached(&s, &id), both, "train-h100 stays attached");
    // Again: idempotent, still both; --json prints the answer.
    let v = s.json(&["firewalls", "attach", &id, "--instance", &other]);
    assert_eq!(v["attachments"].as_array().unwrap().len(), 2);
    // A VM of another region: the server refuses, exit 1 with its message.
    let dev = s.vm_id("dev-a6000");
    s.fails(
        &["firewalls", "attach", &id, "--instance", &dev],
        1,
        &["can only protect VMs there"],
    );
    assert_eq!(attached(&s, &id), both);
}

#[test]
fn firewalls_attach_replace_confirms_what_it_drops() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let other = second_canada_vm(&s);
    s.fails(
        &[
            "firewalls",
            "attach",
            &id,
            "--instance",
            &other,
            "--replace",
        ],
        2,
        &["train-h100", "protection is removed at once"],
    );
    assert_eq!(s.request_count("attach_firewall"), 0);
    s.succeeds_saying(
        &[
            "-y",
            "firewalls",
            "attach",
            &id,
            "--instance",
            &other,
            "--replace",
        ],
        &["now protects 1 VM(s)"],
    );
    assert_eq!(attached(&s, &id), vec![other]);
}

#[test]
fn firewalls_detach_sends_the_rest_and_confirms() {
    let s = TestSim::sandbox();
    let id = fw_id(&s, "web-ssh");
    let train = s.vm_id("train-h100");
    let other = second_canada_vm(&s);
    s.ok_stdout(&["firewalls", "attach", &id, "--instance", &other]);
    s.fails(
        &["firewalls", "detach", &id, "--instance", &train],
        2,
        &["protection is removed at once", "--yes"],
    );
    assert_eq!(s.request_count("attach_firewall"), 1);
    s.succeeds_saying(
        &["-y", "firewalls", "detach", &id, "--instance", &train],
        &["now protects 1 VM(s)"],
    );
    assert_eq!(attached(&s, &id), vec![other.clone()]);
    // Not attached: refused before sending.
    s.fails(
        &["-y", "firewalls", "detach", &id, "--instance", &train],
        2,
        &["not attached"],
    );
    assert_eq!(s.request_count("attach_firewall"), 2);
    // The last one: nothing left attached, and now it can be deleted.
    let v = s.json(&["-y", "firewalls", "detach", &id, "--instance", &other]);
    assert_eq!(v["attachments"].as_array().unwrap().len(), 0);
    assert!(attached(&s, &id).is_empty());
    s.ok_stdout(&["-y", "firewalls", "delete", &id]);
}

#[test]
fn firewalls_explain_prints_requests_and_sends_nothing() {
    let s = TestSim::sandbox();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["firewalls", "list", "--region", "US-1"],
            "GET {}firewalls/?region=US-1",
            "list_firewalls",
        ),
        (
            vec!["firewalls", "show", "F1"],
            "GET {}firewalls/F1/",
            "get_firewall",
        ),
        (
            vec!["firewalls", "protocols"],
            "GET {}firewalls/protocols/",
            "get_firewall_protocols",
        ),
        (
            vec!["firewalls", "eligible"],
            "GET {}firewalls/eligible-instances/",
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
            "POST {}firewalls/",
            "create_firewall",
        ),
        (
            vec!["firewalls", "delete", "F1"],
            "DELETE {}firewalls/F1/",
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
            "POST {}firewalls/F1/rules/",
            "add_firewall_rule",
        ),
        (
            vec!["firewalls", "rules", "rm", "F1", "R1"],
            "DELETE {}firewalls/F1/rules/R1/",
            "remove_firewall_rule",
        ),
        (
            vec!["firewalls", "attach", "F1", "--instance", "VM1"],
            "POST {}firewalls/F1/attach/",
            "attach_firewall",
        ),
        (
            vec!["firewalls", "detach", "F1", "--instance", "VM1"],
            "POST {}firewalls/F1/attach/",
            "attach_firewall",
        ),
    ];
    s.explains_without_sending(&cases);
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
        assert_fails(
            s.cmd().env("BARRACK_API_KEY", "sk-wrong").args(&args),
            1,
            &["Unauthorized"],
        );
    }
    assert_eq!(s.request_count("attach_firewall"), 0);
}
