//! This machine: where the built app, the emulator and the WebDriver programs are, and
//! whether the journeys may run here at all (the gate, a display, a session bus). A missing
//! piece is a skip with its reason, so a plain `cargo test --workspace` stays green.

use std::path::{Path, PathBuf};

/// The environment variable that lets the journeys run (set by `scripts/e2e`).
pub const GATE_VAR: &str = "BARRACK_E2E";

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => {
            let d = PathBuf::from(d);
            if d.is_absolute() {
                d
            } else {
                workspace_root().join(d)
            }
        }
        None => workspace_root().join("target"),
    }
}

/// The app under test: `BARRACK_E2E_APP`, else `target/debug/barrack-desktop`.
pub fn app_path() -> PathBuf {
    std::env::var_os("BARRACK_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/barrack-desktop"))
}

/// The emulator: `BARRACK_E2E_SIM`, else `target/debug/barrack-sim`.
pub fn sim_path() -> PathBuf {
    std::env::var_os("BARRACK_E2E_SIM")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/barrack-sim"))
}

/// Where screenshots and logs go: `target/e2e-artifacts`.
pub fn artifacts_root() -> PathBuf {
    target_dir().join("e2e-artifacts")
}

pub(crate) fn work_root() -> PathBuf {
    target_dir().join("e2e-work")
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    // `cargo install` puts tauri-driver here, which is not always on PATH.
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

pub(crate) fn tauri_driver_path() -> Option<PathBuf> {
    find_in_path(&std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
}

pub(crate) fn native_driver_path() -> PathBuf {
    std::env::var_os("WEBKIT_WEBDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/WebKitWebDriver"))
}

pub(crate) fn is_ci() -> bool {
    // The rule of barrack_credentials::ci (this crate does not link the keyring).
    std::env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")
    })
}

/// Whether the journeys may run here; `Err` holds the reason they cannot.
pub(crate) fn prerequisites() -> Result<(), String> {
    if std::env::var(GATE_VAR).as_deref() != Ok("1") {
        return Err(format!(
            "end-to-end journeys run only under scripts/e2e ({GATE_VAR}=1 not set)"
        ));
    }
    if std::env::var_os("DISPLAY").is_none() {
        return Err("no DISPLAY (scripts/e2e runs the journeys under xvfb-run)".into());
    }
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return Err("no D-Bus session bus (scripts/e2e runs them under dbus-run-session)".into());
    }
    if tauri_driver_path().is_none() {
        return Err(
            "tauri-driver not found (scripts/setup installs it: cargo install tauri-driver@^2 --locked)"
                .into(),
        );
    }
    let native = native_driver_path();
    if !native.is_file() {
        return Err(format!(
            "{} not found (Debian package webkit2gtk-driver)",
            native.display()
        ));
    }
    for (what, p) in [("app", app_path()), ("barrack-sim", sim_path())] {
        if !p.is_file() {
            return Err(format!(
                "the {what} is not built: {} (scripts/e2e builds it)",
                p.display()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journeys_skip_outside_scripts_e2e() {
        if std::env::var(GATE_VAR).as_deref() != Ok("1") {
            let reason = prerequisites().unwrap_err();
            assert!(reason.contains("scripts/e2e"), "{reason}");
        }
    }
}
