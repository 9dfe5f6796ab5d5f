//! The session's Secret Service, read with `secret-tool` (not through the app), so a journey
//! can check what the app stored under its service and clear it between runs.

use anyhow::{Context, Result};
use std::process::Command;

/// The keyring service the app stores keys under (barrack-credentials' `KEYRING_SERVICE`).
pub const KEYRING_SERVICE: &str = "ai.barrack.desktop";

/// `secret-tool lookup service ai.barrack.desktop username <profile>`: the stored secret.
pub fn keyring_lookup(profile: &str) -> Result<Option<String>> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", KEYRING_SERVICE, "username", profile])
        .output()
        .context("run secret-tool (Debian package libsecret-tools)")?;
    if out.status.success() && !out.stdout.is_empty() {
        Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()))
    } else {
        Ok(None)
    }
}

/// The attributes of every keyring item of the app's service (secrets left out).
pub fn keyring_attributes() -> String {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", KEYRING_SERVICE])
        .output();
    match out {
        Ok(o) => {
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            all.lines()
                .filter(|l| !l.trim_start().starts_with("secret"))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Err(e) => format!("(secret-tool failed: {e})"),
    }
}

/// Removes the app's keyring entry for `profile` (if any).
pub fn keyring_clear(profile: &str) {
    let _ = Command::new("secret-tool")
        .args(["clear", "service", KEYRING_SERVICE, "username", profile])
        .status();
}
