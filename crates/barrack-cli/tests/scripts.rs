//! scripts list|show|create|update|delete|delete-many, against the sandbox account.
mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn scripts_list_shows_the_saved_scripts() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    let out = s.cmd().args(["scripts", "list"]).output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains(&id)
            && text.contains("install-deps")
            && text.contains("Python tooling for training jobs")
            && text.contains("BYTES"),
        "{text}"
    );
    let v = s.json(&["scripts", "list"]);
    assert_eq!(v["scripts"].as_array().unwrap().len(), 1);
    assert_eq!(v["scripts"][0]["name"], "install-deps");
}

#[test]
fn scripts_show_prints_the_content() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    s.cmd()
        .args(["scripts", "show", &id])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("install-deps")
                .and(predicate::str::contains("#!/bin/bash"))
                .and(predicate::str::contains("pip3 install torch")),
        );
    let v = s.json(&["scripts", "show", &id]);
    assert_eq!(v["script"]["id"], id.as_str());
    assert!(v["script"]["content"]
        .as_str()
        .unwrap()
        .starts_with("#!/bin/bash"));
    s.cmd()
        .args(["scripts", "show", "X-NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[NotFound]"));
}

#[test]
fn scripts_create_from_content_and_from_file() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "scripts",
            "create",
            "--name",
            "hello",
            "--content",
            "#!/bin/sh\necho hi\n",
            "--description",
            "says hi",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let id = script_id(&s, "hello");
    assert!(
        stdout(&out).contains(&id) && stdout(&out).contains("saved"),
        "{}",
        stdout(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("setup.sh");
    std::fs::write(&file, "#!/bin/sh\napt-get install -y htop\n").unwrap();
    let v = s.json(&[
        "scripts",
        "create",
        "--name",
        "from file",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(v["script"]["name"], "from file");
    assert_eq!(
        v["script"]["content"],
        "#!/bin/sh\napt-get install -y htop\n"
    );
    // Neither --file nor --content: a usage error from the parser.
    s.cmd()
        .args(["scripts", "create", "--name", "empty"])
        .assert()
        .code(2);
    assert_eq!(s.request_count("create_script"), 2);
}

#[test]
fn scripts_create_over_16_kb_is_refused_before_sending() {
    let s = TestSim::sandbox();
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.sh");
    std::fs::write(&big, "#".repeat(16 * 1024 + 1)).unwrap();
    s.cmd()
        .args(["scripts", "create", "--name", "big", "--file"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("content").and(predicate::str::contains("16 KB")));
    let id = script_id(&s, "install-deps");
    s.cmd()
        .args(["scripts", "update", &id, "--file"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("16 KB"));
    // Names and descriptions are checked too.
    s.cmd()
        .args(["scripts", "create", "--name", "bad/name", "--content", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'/'"));
    s.cmd()
        .args([
            "scripts",
            "create",
            "--name",
            "ok",
            "--content",
            "x",
            "--description",
            &"d".repeat(256),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("description"));
    assert_eq!(s.request_count("create_script"), 0);
    assert_eq!(s.request_count("update_script"), 0);
}

#[test]
fn scripts_update_changes_only_what_is_given() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    let out = s
        .cmd()
        .args(["scripts", "update", &id, "--description", "new words"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("updated") && stdout(&out).contains("new words"),
        "{}",
        stdout(&out)
    );
    let v = s.json(&[
        "scripts",
        "update",
        &id,
        "--name",
        "deps",
        "--content",
        "#!/bin/sh\ntrue\n",
    ]);
    assert_eq!(v["script"]["name"], "deps");
    assert_eq!(v["script"]["content"], "#!/bin/sh\ntrue\n");
    assert_eq!(v["script"]["description"], "new words");
    // Nothing to change: refused.
    s.cmd()
        .args(["scripts", "update", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to change"));
    assert_eq!(s.request_count("update_script"), 2);
}

#[test]
fn scripts_name_conflict_is_the_servers_message() {
    let s = TestSim::sandbox();
    s.cmd()
        .args([
            "scripts",
            "create",
            "--name",
            "install-deps",
            "--content",
            "x",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[Conflict]")
                .and(predicate::str::contains("already exists")),
        );
}

#[test]
fn scripts_delete_asks_first() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    s.cmd()
        .args(["scripts", "delete", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes").and(predicate::str::contains("install-deps")));
    assert_eq!(s.request_count("delete_script"), 0);
    s.cmd()
        .args(["--yes", "scripts", "delete", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("deleted"));
    let left = s.api(|c| async move { c.list_scripts().await }).scripts;
    assert!(left.is_empty());
}

#[test]
fn scripts_delete_many_reports_deleted_and_not_found() {
    let s = TestSim::sandbox();
    let a = script_id(&s, "install-deps");
    let b = s.json(&["scripts", "create", "--name", "second", "--content", "x"])["script"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    s.cmd()
        .args(["scripts", "delete-many", &a, &b])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert_eq!(s.request_count("delete_scripts"), 0);
    s.cmd()
        .args(["-y", "scripts", "delete-many", &a, "X-GONE"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("1 script(s) deleted")
                .and(predicate::str::contains(a.as_str()))
                .and(predicate::str::contains("not found: X-GONE")),
        );
    let v = s.json(&["-y", "scripts", "delete-many", &b]);
    assert_eq!(v["deleted"][0], b.as_str());
    s.cmd().args(["scripts", "delete-many"]).assert().code(2);
}

#[test]
fn scripts_explain_prints_requests_and_sends_nothing() {
    let s = TestSim::sandbox();
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (
            vec!["scripts", "list"],
            format!("GET {}scripts/", s.url),
            "list_scripts",
        ),
        (
            vec!["scripts", "show", "X1"],
            format!("GET {}scripts/X1/", s.url),
            "get_script",
        ),
        (
            vec!["scripts", "create", "--name", "n", "--content", "echo"],
            format!("POST {}scripts/", s.url),
            "create_script",
        ),
        (
            vec!["scripts", "update", "X1", "--name", "m"],
            format!("PUT {}scripts/X1/", s.url),
            "update_script",
        ),
        (
            vec!["scripts", "delete", "X1"],
            format!("DELETE {}scripts/X1/", s.url),
            "delete_script",
        ),
        (
            vec!["scripts", "delete-many", "X1", "X2"],
            format!("POST {}scripts/bulk-delete/", s.url),
            "delete_scripts",
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
        .args(["--explain", "scripts", "delete-many", "X1", "X2"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("\"ids\""), "{}", stdout(&out));
}

#[test]
fn scripts_wrong_api_key_is_unauthorized() {
    let s = TestSim::sandbox();
    s.cmd()
        .env("BARRACK_API_KEY", "sk-wrong")
        .args(["scripts", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Unauthorized"));
}
