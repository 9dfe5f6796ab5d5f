//! Whether this run is CI, where a test that needs a real service (Secret Service, display,
//! notification server) must fail instead of skipping; and what keyring tests of every crate
//! share (is a Secret Service there, a profile name of their own). CI systems set `CI` to `true`, `1`,
//! `yes` or their own name; only unset, empty, `0` and `false` mean "not CI".

/// `CI` read from the environment.
pub fn under_ci() -> bool {
    means_ci(std::env::var("CI").ok().as_deref())
}

/// The rule itself, for a given value of `CI`.
pub fn means_ci(value: Option<&str>) -> bool {
    match value.map(str::trim) {
        None | Some("") | Some("0") => false,
        Some(v) => !v.eq_ignore_ascii_case("false"),
    }
}

/// Whether a Secret Service is usable for `test`, which needs one: `false` (after saying why
/// on stderr) when it is not and this is not CI; a panic when it is not and this is CI.
pub fn secret_service_usable(test: &str) -> bool {
    use std::io::Write;
    match crate::OsKeyring.probe() {
        Ok(()) => true,
        Err(e) if under_ci() => panic!(
            "{test}: CI is set but no usable Secret Service ({}: {e}); run the tests through \
             scripts/test, which starts gnome-keyring in a private D-Bus session",
            e.code()
        ),
        Err(e) => {
            // Straight to the process's stderr, past the test harness's capture, so the
            // reason shows in a normal `cargo test` run.
            let _ = writeln!(
                std::io::stderr(),
                "{test}: skipped: no usable Secret Service ({}: {e}). scripts/test runs this \
                 inside a private D-Bus session with gnome-keyring; under CI (CI set, not 0/false) it fails instead.",
                e.code()
            );
            false
        }
    }
}

/// A keyring profile name for `tag` that no other test (or earlier run) uses.
pub fn unique_test_profile(tag: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    format!(
        "test-{tag}-{}-{:08x}",
        std::process::id(),
        h.finish() as u32
    )
}

#[cfg(test)]
mod tests {
    use super::means_ci;

    #[test]
    fn anything_but_empty_zero_or_false_is_ci() {
        for v in ["true", "1", "yes", "TRUE", "github-actions", "woodpecker"] {
            assert!(means_ci(Some(v)), "{v:?} is CI");
        }
        for v in [
            None,
            Some(""),
            Some("0"),
            Some("false"),
            Some("False"),
            Some(" "),
        ] {
            assert!(!means_ci(v), "{v:?} is not CI");
        }
    }
}
