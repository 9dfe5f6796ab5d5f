//! `OsKeyring` against a real Secret Service.
//!
//! `scripts/test` runs the tests inside a private D-Bus session with an unlocked
//! gnome-keyring (see ../../shared/TOOLCHAIN.md). Without a reachable Secret Service, each
//! test that needs one says why on stderr and returns early — except under CI (`CI` set to anything but empty, `0` or `false`), where
//! it fails: CI must exercise the real keyring. Every test uses its own profile name and
//! deletes its entry when done, even on failure.

use barrack_api::ApiKey;
use barrack_credentials::ci::{secret_service_usable, unique_test_profile};
use barrack_credentials::{CredentialError, OsKeyring, SecretStore, KEYRING_SERVICE};
use std::process::Command;

/// Deletes the profile's entry when dropped.
struct Cleanup(String);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = OsKeyring.delete(&self.0);
    }
}

#[test]
fn set_get_delete_round_trip() {
    if !secret_service_usable("set_get_delete_round_trip") {
        return;
    }
    let profile = unique_test_profile("roundtrip");
    let _cleanup = Cleanup(profile.clone());
    let key = ApiKey::new("sk-test-round-trip-0123456789abcd");

    assert_eq!(OsKeyring.get(&profile), Ok(None));
    OsKeyring.set(&profile, &key).expect("set");
    assert_eq!(OsKeyring.get(&profile), Ok(Some(key.clone())));

    // Setting again replaces the entry rather than adding a second one.
    let newer = ApiKey::new("sk-test-round-trip-newer-wxyz");
    OsKeyring.set(&profile, &newer).expect("set again");
    assert_eq!(OsKeyring.get(&profile), Ok(Some(newer)));

    assert_eq!(OsKeyring.delete(&profile), Ok(true));
    assert_eq!(OsKeyring.get(&profile), Ok(None));
}

#[test]
fn a_second_keyring_sees_the_first_ones_entry() {
    if !secret_service_usable("a_second_keyring_sees_the_first_ones_entry") {
        return;
    }
    let profile = unique_test_profile("shared");
    let _cleanup = Cleanup(profile.clone());
    let key = ApiKey::new("sk-test-shared-entry-0123456789efgh");
    let first = OsKeyring;
    first.set(&profile, &key).expect("set");

    // A new store value (and so a new keyring Entry): the in-memory mock of keyring
    // without backends would answer NoEntry here.
    let second = OsKeyring;
    assert_eq!(second.get(&profile), Ok(Some(key.clone())));

    // And outside this process: the Secret Service itself holds it under the documented
    // service and account names.
    if let Ok(out) = Command::new("secret-tool")
        .args(["lookup", "service", KEYRING_SERVICE, "username", &profile])
        .output()
    {
        assert!(out.status.success(), "secret-tool lookup failed: {out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), key.expose());
    }

    assert_eq!(second.delete(&profile), Ok(true));
    assert_eq!(first.get(&profile), Ok(None));
}

#[test]
fn deleting_a_missing_entry_is_ok_false() {
    if !secret_service_usable("deleting_a_missing_entry_is_ok_false") {
        return;
    }
    let profile = unique_test_profile("missing");
    assert_eq!(OsKeyring.delete(&profile), Ok(false));
    assert_eq!(OsKeyring.get(&profile), Ok(None));
}

const CHILD: &str = "BARRACK_KEYRING_TEST_CHILD";

/// With the session bus address pointing nowhere, every call is `Unavailable` (code
/// `KeychainUnavailable`) and nothing is written anywhere else. Needs no Secret Service: it
/// runs itself again in a child process with that environment (changing the environment of
/// this multi-threaded test process would race with the other tests).
#[test]
fn no_session_bus_is_unavailable() {
    if std::env::var_os(CHILD).is_some() {
        let profile = unique_test_profile("nobus");
        let key = ApiKey::new("sk-test-no-bus-0123456789ijkl");
        for (what, r) in [
            ("get", OsKeyring.get(&profile).map(|_| ())),
            ("set", OsKeyring.set(&profile, &key)),
            ("delete", OsKeyring.delete(&profile).map(|_| ())),
            ("probe", OsKeyring.probe()),
        ] {
            match r {
                Err(e @ CredentialError::Unavailable(_)) => {
                    assert_eq!(e.code(), "KeychainUnavailable");
                    assert!(e.to_string().contains("Secret Service"), "{what}: {e}");
                    assert!(!e.to_string().contains(key.expose()));
                }
                other => {
                    panic!("{what} without a session bus: expected Unavailable, got {other:?}")
                }
            }
        }
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "no_session_bus_is_unavailable",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/no-bus-here", dir.path().display()),
        )
        .env_remove("DISPLAY")
        .output()
        .expect("runs the test binary again");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "child failed:\n{text}");
    assert!(text.contains("1 passed"), "the child ran no test:\n{text}");
}
