//! Barrack Desktop's logic without Tauri: the session and its profiles, settings, the
//! poller and the hibernate timers, the deploy wizard's drafts and templates, and the
//! compositions the pages read (overviews, billing, storage). What it does to the world
//! outside the process — desktop notifications, events to the window, "save as" dialogs,
//! the settings store — goes through the small traits of [`effects`] and
//! [`state::SettingsBackend`] / [`deploy_store::DocStore`], which the desktop crate
//! implements and tests replace. So all of it is tested without a window.

pub mod billing;
pub mod deploy;
pub mod deploy_store;
pub mod diagnostics;
pub mod effects;
pub mod error;
pub mod firewalls;
pub mod last_known;
pub mod launch;
pub mod logs;
pub mod notices;
pub mod overview;
pub mod platform;
pub mod poller;
pub mod profile_migration;
pub mod session;
pub mod settings;
pub mod state;
pub mod storage;
pub mod supervise;
#[cfg(test)]
mod test_support;
pub mod timer_runner;
pub mod timers;
pub mod updates;
pub mod watching;

#[cfg(test)]
mod tests {
    /// The crate stays Tauri-free: no dependency of any kind whose name starts with "tauri".
    #[test]
    fn no_tauri_dependency() {
        let manifest = include_str!("../Cargo.toml");
        let mut section = String::new();
        let mut found = Vec::new();
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line.to_owned();
                continue;
            }
            let name = line.split(['=', '.']).next().unwrap_or("").trim();
            if section.contains("dependencies") && name.starts_with("tauri") {
                found.push(format!("{section} {name}"));
            }
        }
        assert!(found.is_empty(), "barrack-core depends on Tauri: {found:?}");
        // The test reads the right thing: it sees the dependencies that are there.
        assert!(manifest.contains("barrack-api"));
    }
}
