//! login, logout, whoami — the real binary against the emulator, the key in the real OS
//! keyring.
//!
//! The tests that store a key need a Secret Service: `scripts/test` runs them inside a
//! private D-Bus session with an unlocked gnome-keyring. Without one they say why on stderr
//! and return early — except under CI (`CI` set to anything but empty, `0` or `false`), where they fail. Each uses its own profile name
//! and deletes its keyring entry when done, even on failure.
mod common;

use barrack_api::ApiKey;
use barrack_credentials::ci::{secret_service_usable, unique_test_profile};
use barrack_credentials::{OsKeyring, SecretStore};
use common::*;

/// A profile name no other test (or earlier run) uses; its keyring entry is deleted on drop.
struct TestProfile(String);

impl TestProfile {
    fn new(tag: &str) -> TestProfile {
        TestProfile(unique_test_profile(tag))
    }
}

impl Drop for TestProfile {
    fn drop(&mut self) {
        let _ = OsKeyring.delete(&self.0);
    }
}

/// `barrack --profile P …` without BARRACK_API_KEY, with this process's session bus, so the
/// binary reaches the same Secret Service as the test.
fn keyring_cmd(s: &TestSim, profile: &str) -> assert_cmd::Command {
    let mut c = s.cmd();
    c.env_remove("BARRACK_API_KEY").args(["--profile", profile]);
    for var in [
        "DBUS_SESSION_BUS_ADDRESS",
        "XDG_RUNTIME_DIR",
        "XDG_DATA_HOME",
    ] {
        if let Some(v) = std::env::var_os(var) {
            c.env(var, v);
        }
    }
    c
}

fn account_id(s: &TestSim) -> String {
    s.api(|c| async move { c.get_balance().await })
        .account_id
        .expect("the sandbox has an account id")
}

fn profiles_json(s: &TestSim) -> serde_json::Value {
    let path = s.config_dir.path().join("profiles.json");
    serde_json::from_slice(&std::fs::read(&path).expect("profiles.json written"))
        .expect("profiles.json is JSON")
}

/// Every file under the config folder (HOME is there too), for "the key is in no file".
fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .map(|b| String::from_utf8_lossy(&b).contains(needle))
                .unwrap_or(false)
            {
                hits.push(path);
            }
        }
    }
    hits
}

fn hint(key: &str) -> String {
    ApiKey::new(key).hint()
}

#[test]
fn login_with_stdin_stores_the_key_and_whoami_shows_only_its_hint() {
    if !secret_service_usable("login_with_stdin_stores_the_key_and_whoami_shows_only_its_hint") {
        return;
    }
    let s = TestSim::sandbox();
    let p = TestProfile::new("login");
    let account = account_id(&s);
    let hint = hint(&s.key);

    let out = keyring_cmd(&s, &p.0)
        .args(["login", "--api-key-stdin"])
        .write_stdin(format!("{}\n", s.key))
        .output()
        .unwrap();
    assert!(out.status.success(), "login failed: {}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        format!("Signed in as {account} (profile {}, key {hint})", p.0)
    );
    assert!(!stdout(&out).contains(&s.key) && !stderr(&out).contains(&s.key));
    // Checked with one real call before it was stored.
    assert_eq!(s.request_count("get_balance"), 2);

    // In the keyring under the profile's name; in the profiles file only its hint.
    assert_eq!(OsKeyring.get(&p.0), Ok(Some(ApiKey::new(s.key.clone()))));
    let saved = &profiles_json(&s)["profiles"][&p.0];
    assert_eq!(saved["key_hint"], hint.as_str());
    assert_eq!(saved["base_url"], s.url.as_str());
    assert_eq!(
        files_containing(s.config_dir.path(), &s.key),
        Vec::<std::path::PathBuf>::new(),
        "the key was written to a file"
    );

    let out = keyring_cmd(&s, &p.0).arg("whoami").output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "whoami failed: {}", stderr(&out));
    assert!(text.contains(&p.0), "{text}");
    assert!(text.contains(&s.url), "{text}");
    assert!(text.contains("bearer"), "{text}");
    assert!(text.contains("keyring"), "{text}");
    assert!(text.contains(&format!("ends in {hint}")), "{text}");
    assert!(text.contains(&account), "{text}");
    assert!(!text.contains(&s.key) && !stderr(&out).contains(&s.key));

    // Other commands use the stored key.
    assert_succeeds_saying(keyring_cmd(&s, &p.0).arg("balance"), &["USD"]);
}

#[test]
fn login_with_a_wrong_key_exits_1_and_stores_nothing() {
    if !secret_service_usable("login_with_a_wrong_key_exits_1_and_stores_nothing") {
        return;
    }
    let s = TestSim::sandbox();
    let p = TestProfile::new("wrongkey");
    let wrong = "sk-sim-00000000000000000000000000wxyz";
    let out = keyring_cmd(&s, &p.0)
        .args(["login", "--api-key-stdin"])
        .write_stdin(wrong)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[Unauthorized]"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("not stored"), "{}", stderr(&out));
    assert!(!stderr(&out).contains(wrong) && !stdout(&out).contains(wrong));
    assert_eq!(OsKeyring.get(&p.0), Ok(None));
    assert!(!s.config_dir.path().join("profiles.json").exists());
    assert_eq!(
        files_containing(s.config_dir.path(), wrong),
        Vec::<std::path::PathBuf>::new()
    );
    // And whoami says there is no key.
    assert_fails(keyring_cmd(&s, &p.0).arg("whoami"), 1, &["barrack login"]);
}

#[test]
fn logout_deletes_the_entry_and_the_hint() {
    if !secret_service_usable("logout_deletes_the_entry_and_the_hint") {
        return;
    }
    let s = TestSim::sandbox();
    let p = TestProfile::new("logout");
    keyring_cmd(&s, &p.0)
        .args(["login", "--api-key-stdin"])
        .write_stdin(s.key.clone())
        .assert()
        .success();
    assert!(OsKeyring.get(&p.0).unwrap().is_some());

    assert_succeeds_saying(keyring_cmd(&s, &p.0).arg("logout"), &["Signed out"]);
    assert_eq!(OsKeyring.get(&p.0), Ok(None));
    let saved = &profiles_json(&s)["profiles"][&p.0];
    assert!(saved["key_hint"].is_null(), "{saved}");
    assert_eq!(saved["base_url"], s.url.as_str(), "settings are kept");

    // Again: nothing to remove is not an error.
    assert_succeeds_saying(keyring_cmd(&s, &p.0).arg("logout"), &["nothing to remove"]);
    // Signed out: commands that need a key say how to sign in.
    assert_fails(
        keyring_cmd(&s, &p.0).arg("balance"),
        1,
        &["error[Unauthorized]", "barrack login"],
    );
}

#[test]
fn login_saves_the_auth_scheme_given_with_it() {
    if !secret_service_usable("login_saves_the_auth_scheme_given_with_it") {
        return;
    }
    let s = TestSim::sandbox();
    let p = TestProfile::new("scheme");
    keyring_cmd(&s, &p.0)
        .args(["login", "--api-key-stdin", "--auth-scheme", "x-api-key"])
        .write_stdin(s.key.clone())
        .assert()
        .success();
    assert_eq!(
        profiles_json(&s)["profiles"][&p.0]["auth_scheme"],
        "x-api-key"
    );
    // Later commands use the saved scheme without the flag.
    assert_succeeds_saying(keyring_cmd(&s, &p.0).arg("whoami"), &["x-api-key"]);
}

// The rest need no keyring.

#[test]
fn login_never_takes_the_key_as_an_argument() {
    let s = TestSim::sandbox();
    s.cmd()
        .env_remove("BARRACK_API_KEY")
        .args(["login", "--api-key", &s.key])
        .assert()
        .code(2);
    // Without a terminal and without --api-key-stdin there is nowhere to read it from.
    let out = s
        .cmd()
        .env_remove("BARRACK_API_KEY")
        .args(["--profile", "test-noterm", "login"])
        .write_stdin(s.key.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--api-key-stdin"), "{}", stderr(&out));
    assert_eq!(s.request_count("get_balance"), 0, "nothing was sent");
    assert!(!s.config_dir.path().join("profiles.json").exists());
}

#[test]
fn login_refuses_an_empty_key_and_a_bad_profile_name() {
    let s = TestSim::sandbox();
    assert_fails(
        s.cmd()
            .env_remove("BARRACK_API_KEY")
            .args(["login", "--api-key-stdin"])
            .write_stdin("\n"),
        2,
        &["empty"],
    );
    assert_fails(
        s.cmd()
            .env_remove("BARRACK_API_KEY")
            .args(["--profile", "no spaces please", "login", "--api-key-stdin"])
            .write_stdin(s.key.clone()),
        2,
        &["profile"],
    );
    assert_eq!(s.request_count("get_balance"), 0);
}

#[test]
fn whoami_with_the_environment_key_names_it_and_shows_only_its_hint() {
    let s = TestSim::sandbox();
    let account = account_id(&s);
    let out = s.cmd().arg("whoami").output().unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text.contains("default"), "{text}");
    assert!(text.contains(&s.url), "{text}");
    assert!(
        text.contains(&format!("BARRACK_API_KEY, ends in {}", hint(&s.key))),
        "{text}"
    );
    assert!(text.contains(&account), "{text}");
    assert!(!text.contains(&s.key), "{text}");

    let v = s.json(&["whoami"]);
    assert_eq!(v["key_source"], "env");
    assert_eq!(v["key_hint"], hint(&s.key).as_str());
    assert_eq!(v["account_id"], account.as_str());
    assert!(!v.to_string().contains(&s.key));

    // A key the API refuses: what is known locally, then Unauthorized.
    let out = s
        .cmd()
        .env("BARRACK_API_KEY", "sk-sim-not-a-real-key-000000000000")
        .arg("whoami")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("ends in …0000"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("error[Unauthorized]"),
        "{}",
        stderr(&out)
    );
}

/// The desktop app signs in through the same function into the same store
/// (crates/barrack-core/src/session.rs, the profile store in the configuration folder):
/// what it stores is what `barrack --profile NAME` resolves, and it does not move the CLI's
/// default.
#[test]
fn a_profile_signed_in_as_the_app_does_works_in_whoami() {
    use barrack_credentials::profiles::ProfileStore;
    use barrack_credentials::sign_in::{sign_in, SignIn};
    if !secret_service_usable("a_profile_signed_in_as_the_app_does_works_in_whoami") {
        return;
    }
    let s = TestSim::sandbox();
    let p = TestProfile::new("fromapp");
    let account = account_id(&s);
    let store = ProfileStore::at(s.config_dir.path().join("profiles.json"));
    // The CLI already has a default profile.
    store
        .update(|p| {
            p.default = Some("cli-default".into());
            p.profiles.insert("cli-default".into(), Default::default());
        })
        .unwrap();
    let scheme: barrack_api::AuthScheme = "x-api-key".parse().unwrap();
    let client = barrack_api::Client::builder()
        .base_url(s.url.clone())
        .auth_scheme(scheme.clone())
        .api_key(ApiKey::new(s.key.clone()))
        .build()
        .unwrap();
    let req = SignIn {
        profile: p.0.clone(),
        base_url: s.url.clone(),
        auth_scheme: scheme,
        key: ApiKey::new(s.key.clone()),
    };
    s.rt.block_on(sign_in(&store, &OsKeyring, req, || async {
        client.get_balance().await
    }))
    .expect("signed in");

    // No --api-url, no BARRACK_API_URL: the address and scheme come from the store.
    let out = keyring_cmd(&s, &p.0)
        .env_remove("BARRACK_API_URL")
        .arg("whoami")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "whoami failed: {}", stderr(&out));
    assert!(text.contains(&s.url), "{text}");
    assert!(text.contains("x-api-key"), "{text}");
    assert!(text.contains("keyring"), "{text}");
    assert!(text.contains(&account), "{text}");

    // The profile used without `--profile` is still the CLI's.
    assert_eq!(profiles_json(&s)["default"], "cli-default");
}

/// A key in the keyring under a name the profiles file does not have (the file was lost,
/// or edited by hand) was stored for some server: it is not sent to Barrack's by default.
#[test]
fn a_key_without_a_profile_is_sent_nowhere() {
    if !secret_service_usable("a_key_without_a_profile_is_sent_nowhere") {
        return;
    }
    let s = TestSim::sandbox();
    let p = TestProfile::new("orphan");
    OsKeyring.set(&p.0, &ApiKey::new(s.key.clone())).unwrap();

    let out = keyring_cmd(&s, &p.0)
        .env_remove("BARRACK_API_URL")
        .arg("whoami")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let expected = format!(
        "profile {} has a key but no address: sign in again with `barrack login --profile {} --api-url …`",
        p.0, p.0
    );
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));

    // Naming the server is enough.
    let out = keyring_cmd(&s, &p.0).arg("whoami").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_damaged_profiles_file_is_set_aside_and_reported() {
    let s = TestSim::sandbox();
    let path = s.config_dir.path().join("profiles.json");
    std::fs::write(&path, "{\"profiles\": {\"work\": ").unwrap();
    let out = s.cmd().arg("whoami").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("kept as"), "{}", stderr(&out));
    assert!(!path.exists(), "moved aside");
    let kept: Vec<_> = std::fs::read_dir(s.config_dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("profiles.json.damaged-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    // Told once.
    let out = s.cmd().arg("whoami").output().unwrap();
    assert!(!stderr(&out).contains("kept as"), "{}", stderr(&out));
}
