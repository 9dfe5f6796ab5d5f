//! scripts list|show|create|update|delete|delete-many, against the sandbox account.
mod common;

use common::*;

#[test]
fn scripts_list_shows_the_saved_scripts() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    let text = s.ok_stdout(&["scripts", "list"]);
    assert_contains_all(
        &text,
        &[
            &id,
            "install-deps",
            "Python tooling for training jobs",
            "BYTES",
        ],
    );
    let v = s.json(&["scripts", "list"]);
    assert_eq!(v["scripts"].as_array().unwrap().len(), 1);
    assert_eq!(v["scripts"][0]["name"], "install-deps");
}

#[test]
fn scripts_show_prints_the_content() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    s.succeeds_saying(
        &["scripts", "show", &id],
        &["install-deps", "#!/bin/bash", "pip3 install torch"],
    );
    let v = s.json(&["scripts", "show", &id]);
    assert_eq!(v["script"]["id"], id.as_str());
    assert!(v["script"]["content"]
        .as_str()
        .unwrap()
        .starts_with("#!/bin/bash"));
    s.fails(&["scripts", "show", "X-NOPE"], 1, &["error[NotFound]"]);
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
    assert_contains_all(&stdout(&out), &[&id, "saved"]);
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
    assert_fails(
        s.cmd()
            .args(["scripts", "create", "--name", "big", "--file"])
            .arg(&big),
        2,
        &["content", "16 KB"],
    );
    let id = script_id(&s, "install-deps");
    assert_fails(
        s.cmd().args(["scripts", "update", &id, "--file"]).arg(&big),
        2,
        &["16 KB"],
    );
    // Names and descriptions are checked too.
    s.fails(
        &["scripts", "create", "--name", "bad/name", "--content", "x"],
        2,
        &["'/'"],
    );
    s.fails(
        &[
            "scripts",
            "create",
            "--name",
            "ok",
            "--content",
            "x",
            "--description",
            &"d".repeat(256),
        ],
        2,
        &["description"],
    );
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
    assert_contains_all(&stdout(&out), &["updated", "new words"]);
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
    s.fails(&["scripts", "update", &id], 2, &["nothing to change"]);
    assert_eq!(s.request_count("update_script"), 2);
}

#[test]
fn scripts_name_conflict_is_the_servers_message() {
    let s = TestSim::sandbox();
    s.fails(
        &[
            "scripts",
            "create",
            "--name",
            "install-deps",
            "--content",
            "x",
        ],
        1,
        &["error[Conflict]", "already exists"],
    );
}

#[test]
fn scripts_delete_asks_first() {
    let s = TestSim::sandbox();
    let id = script_id(&s, "install-deps");
    s.fails(&["scripts", "delete", &id], 2, &["--yes", "install-deps"]);
    assert_eq!(s.request_count("delete_script"), 0);
    s.succeeds_saying(&["--yes", "scripts", "delete", &id], &["deleted"]);
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
    s.fails(&["scripts", "delete-many", &a, &b], 2, &["--yes"]);
    assert_eq!(s.request_count("delete_scripts"), 0);
    s.succeeds_saying(
        &["-y", "scripts", "delete-many", &a, "X-GONE"],
        &["1 script(s) deleted", a.as_str(), "not found: X-GONE"],
    );
    let v = s.json(&["-y", "scripts", "delete-many", &b]);
    assert_eq!(v["deleted"][0], b.as_str());
    s.cmd().args(["scripts", "delete-many"]).assert().code(2);
}

#[test]
fn scripts_explain_prints_requests_and_sends_nothing() {
    let s = TestSim::sandbox();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["scripts", "list"], "GET {}scripts/", "list_scripts"),
        (
            vec!["scripts", "show", "X1"],
            "GET {}scripts/X1/",
            "get_script",
        ),
        (
            vec!["scripts", "create", "--name", "n", "--content", "echo"],
            "POST {}scripts/",
            "create_script",
        ),
        (
            vec!["scripts", "update", "X1", "--name", "m"],
            "PUT {}scripts/X1/",
            "update_script",
        ),
        (
            vec!["scripts", "delete", "X1"],
            "DELETE {}scripts/X1/",
            "delete_script",
        ),
        (
            vec!["scripts", "delete-many", "X1", "X2"],
            "POST {}scripts/bulk-delete/",
            "delete_scripts",
        ),
    ];
    s.explains_without_sending(&cases);
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
    assert_fails(
        s.cmd()
            .env("BARRACK_API_KEY", "sk-wrong")
            .args(["scripts", "list"]),
        1,
        &["Unauthorized"],
    );
}
