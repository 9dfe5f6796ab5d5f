//! ssh-keys list|show|create|delete, against the sandbox account.
mod common;

use common::*;

const PUBLIC: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

#[test]
fn ssh_keys_list_shows_keys_and_the_vms_using_them() {
    let s = TestSim::sandbox();
    let train = s.vm_id("train-h100");
    let text = s.ok_stdout(&["ssh-keys", "list"]);
    assert!(text.trim_start().starts_with("ID"), "{text}");
    assert_contains_all(&text, &["alice-laptop", "ci-runner", "SHA256:", &train]);
    let v = s.json(&["ssh-keys", "list"]);
    assert_eq!(v["ssh_keys"].as_array().unwrap().len(), 2);
    assert_eq!(v["success"], true);
}

#[test]
fn ssh_keys_show_prints_the_public_key() {
    let s = TestSim::sandbox();
    let id = key_id(&s, "ci-runner");
    s.succeeds_saying(
        &["ssh-keys", "show", &id],
        &["ci-runner", "ssh-ed25519 AAAAC3", "fingerprint"],
    );
    let v = s.json(&["ssh-keys", "show", &id]);
    assert_eq!(v["ssh_key"]["id"], id.as_str());
    assert_eq!(v["ssh_key"]["name"], "ci-runner");
    s.fails(&["ssh-keys", "show", "K-NOPE"], 1, &["error[NotFound]"]);
}

#[test]
fn ssh_keys_create_generates_and_saves_0600() {
    let s = TestSim::sandbox();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gen_key");
    let out = s
        .cmd()
        .args(["ssh-keys", "create", "gen-key", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_contains_all(&text, &["gen-key", "generated", "saved to"]);
    assert!(!text.contains("PRIVATE KEY"), "printed: {text}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.starts_with("-----BEGIN RSA PRIVATE KEY-----") && saved.ends_with('\n'),
        "{saved}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "mode {mode:o}");
    }
    let k = key_id(&s, "gen-key");
    assert!(!k.is_empty());
    // An existing file is never overwritten: refused before sending.
    assert_fails(
        s.cmd()
            .args(["ssh-keys", "create", "other-key", "--output"])
            .arg(&file),
        2,
        &["exists"],
    );
    assert_eq!(s.request_count("create_ssh_key"), 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved);
}

#[test]
fn ssh_keys_create_without_output_is_refused_before_sending() {
    let s = TestSim::sandbox();
    s.fails(
        &["ssh-keys", "create", "lost-key"],
        2,
        &["lost", "--output"],
    );
    assert_eq!(s.request_count("create_ssh_key"), 0);
}

#[test]
fn ssh_keys_create_show_private_prints_the_key() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args(["ssh-keys", "create", "shown-key", "--show-private"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("-----BEGIN RSA PRIVATE KEY-----"),
        "{}",
        stdout(&out)
    );
    // Under --json too, but only when asked.
    let v = s.json(&["ssh-keys", "create", "shown-json", "--show-private"]);
    assert!(v["private_key"]
        .as_str()
        .unwrap()
        .starts_with("-----BEGIN RSA PRIVATE KEY-----"));
}

#[test]
fn ssh_keys_create_json_redacts_the_private_key() {
    let s = TestSim::sandbox();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("k");
    let f = file.to_str().unwrap();
    let v = s.json(&["ssh-keys", "create", "json-key", "--output", f]);
    assert_eq!(v["private_key"], "<redacted>");
    assert_eq!(v["ssh_key"]["name"], "json-key");
    assert!(v["ssh_key"]["public_key"]
        .as_str()
        .unwrap()
        .starts_with("ssh-rsa "));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("PRIVATE KEY"));
}

#[test]
fn ssh_keys_create_imports_a_public_key_or_file() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args(["ssh-keys", "create", "imported", "--public-key", PUBLIC])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported"), "{}", stdout(&out));
    let id = key_id(&s, "imported");
    let v = s.json(&["ssh-keys", "show", &id]);
    assert_eq!(v["ssh_key"]["public_key"], PUBLIC);
    // From a file.
    let dir = tempfile::tempdir().unwrap();
    let pubfile = dir.path().join("id.pub");
    std::fs::write(
        &pubfile,
        concat!(
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDEp0KwsWbK6dGcWfvyXXdtrlUCmzermxFLfjFha7U6lqj6fYjSSpQNqGfbiqkXbf1joBTh2yowr/1bPdV2eiqpVXlNmjAEFv5FTp1I0rXT+GIzHSln+bqGAiEdgtkQk81B1MANOkFKzwKw2jE/aSHwnORYKOEvqShUy/lmqGkdaQ==",
            " me@box\n"
        ),
    )
    .unwrap();
    let v = s.json(&[
        "ssh-keys",
        "create",
        "from-file",
        "--public-key-file",
        pubfile.to_str().unwrap(),
    ]);
    assert!(v["private_key"].is_null());
    assert!(v["ssh_key"]["public_key"]
        .as_str()
        .unwrap()
        .ends_with("me@box"));
}

#[test]
fn ssh_keys_create_bad_input_is_refused_before_sending() {
    let s = TestSim::sandbox();
    s.fails(
        &["ssh-keys", "create", "my key", "--public-key", PUBLIC],
        2,
        &["name", "no spaces"],
    );
    s.fails(
        &["ssh-keys", "create", "k", "--public-key", "ssh-foo AAAA"],
        2,
        &["public_key"],
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.pub");
    std::fs::write(&bad, "not a key").unwrap();
    assert_fails(
        s.cmd()
            .args(["ssh-keys", "create", "k", "--public-key-file"])
            .arg(&bad),
        2,
        &["public_key"],
    );
    s.fails(
        &[
            "ssh-keys",
            "create",
            &"k".repeat(51),
            "--public-key",
            PUBLIC,
        ],
        2,
        &["50"],
    );
    assert_eq!(s.request_count("create_ssh_key"), 0);
}

#[test]
fn ssh_keys_create_duplicate_name_is_the_servers_conflict() {
    let s = TestSim::sandbox();
    s.fails(
        &["ssh-keys", "create", "alice-laptop", "--public-key", PUBLIC],
        1,
        &["error[Conflict]", "already exists"],
    );
}

#[test]
fn ssh_keys_delete_confirms_and_names_the_vms_on_conflict() {
    let s = TestSim::sandbox();
    // In use by train-h100 and dev-a6000: the server refuses and names the VMs.
    let used = key_id(&s, "alice-laptop");
    s.fails(&["ssh-keys", "delete", &used], 2, &["--yes"]);
    assert_eq!(s.request_count("delete_ssh_key"), 0);
    s.fails(
        &["--yes", "ssh-keys", "delete", &used],
        1,
        &["error[Conflict]", "is used by", "train-h100", "dev-a6000"],
    );
    // An unused key goes.
    s.ok_stdout(&["ssh-keys", "create", "spare", "--public-key", PUBLIC]);
    let spare = key_id(&s, "spare");
    s.succeeds_saying(&["-y", "ssh-keys", "delete", &spare], &["spare", "deleted"]);
    let left = s.api(|c| async move { c.list_ssh_keys().await }).ssh_keys;
    assert!(left.iter().all(|k| k.name != "spare"));
}

#[test]
fn ssh_keys_explain_prints_requests_and_sends_nothing() {
    let s = TestSim::sandbox();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["ssh-keys", "list"], "GET {}ssh-keys/", "list_ssh_keys"),
        (
            vec!["ssh-keys", "show", "K1"],
            "GET {}ssh-keys/K1/",
            "get_ssh_key",
        ),
        (
            vec!["ssh-keys", "create", "ex", "--public-key", PUBLIC],
            "POST {}ssh-keys/",
            "create_ssh_key",
        ),
        (
            vec!["ssh-keys", "create", "gen"],
            "POST {}ssh-keys/",
            "create_ssh_key",
        ),
        (
            vec!["ssh-keys", "delete", "K1"],
            "DELETE {}ssh-keys/K1/",
            "delete_ssh_key",
        ),
    ];
    s.explains_without_sending(&cases);
    let out = s
        .cmd()
        .args([
            "--explain",
            "ssh-keys",
            "create",
            "ex",
            "--public-key",
            PUBLIC,
        ])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("\"public_key\": \"ssh-ed25519"));
    assert_eq!(s.request_count("get_ssh_key"), 0);
}

#[test]
fn ssh_keys_wrong_api_key_is_unauthorized() {
    let s = TestSim::sandbox();
    assert_fails(
        s.cmd()
            .env("BARRACK_API_KEY", "sk-wrong")
            .args(["ssh-keys", "list"]),
        1,
        &["Unauthorized"],
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("k");
    assert_fails(
        s.cmd()
            .env("BARRACK_API_KEY", "sk-wrong")
            .args(["ssh-keys", "create", "nope", "--output"])
            .arg(&file),
        1,
        &["Unauthorized"],
    );
    // The file opened for the key is removed when the request fails.
    assert!(!file.exists());
}
