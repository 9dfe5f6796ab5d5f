//! "Copy diagnostics" (Settings › Logs): a text a user can paste into a bug report — the
//! app's and Tauri's versions, the system, the webview, where the log files are, and the
//! settings. Settings are listed field by field (an allow-list): a setting added later is
//! not in the text until someone adds it here, so nothing secret can slip in unnoticed.
//! No key material at all: not the API key, and not its hint (the last four characters
//! the UI shows) either — a hint narrows the key down, and a report needs neither.

use crate::settings::Settings;

/// What the desktop knows about where the app runs (gathered in src-tauri/logging.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub app_version: String,
    pub tauri_version: String,
    /// `std::env::consts::OS`: `linux`, `macos`, `windows`.
    pub os: String,
    /// The system's name and version as the system says it ("Debian 12 (bookworm)").
    pub os_version: String,
    pub arch: String,
    /// The webview engine's runtime version, or why it could not be read.
    pub webview_version: Result<String, String>,
    pub log_dir: String,
}

/// The session as the text describes it.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionFacts {
    SignedOut,
    Sandbox,
    Profile { name: String, base_url: String },
}

/// The webview engine each platform's Tauri uses.
pub fn webview_engine(os: &str) -> &'static str {
    match os {
        "linux" => "WebKitGTK",
        "macos" | "ios" => "WKWebView (WebKit)",
        "windows" => "WebView2",
        _ => "webview",
    }
}

fn on_off(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}

/// An API address as the text shows it: as the app reads it when it is one the app uses;
/// otherwise not at all — profiles.json is shared with the CLI and may be edited by hand, and
/// an address with a password or a line break in it is no address the app would use.
fn shown_address(raw: &str) -> String {
    match barrack_api::parse_base_url(raw) {
        Ok(url) => url.to_string(),
        Err(_) => "(an address the app refuses, not shown)".to_owned(),
    }
}

/// The diagnostics text.
pub fn text(facts: &Facts, settings: &Settings, session: &SessionFacts) -> String {
    let webview = match &facts.webview_version {
        Ok(v) => format!("{} {v}", webview_engine(&facts.os)),
        Err(why) => format!("{} (version unknown: {why})", webview_engine(&facts.os)),
    };
    let mut out = vec![
        "Barrack Desktop diagnostics (no API key or key hint is included)".to_owned(),
        format!("App version: {}", facts.app_version),
        format!("Tauri: {}", facts.tauri_version),
        format!("OS: {} ({})", facts.os_version, facts.os),
        format!("Architecture: {}", facts.arch),
        format!("Webview: {webview}"),
        format!("Log folder: {}", facts.log_dir),
        format!("Log level: {}", settings.log_level.name()),
        String::new(),
        format!(
            "Session: {}",
            match session {
                SessionFacts::SignedOut => "signed out".to_owned(),
                SessionFacts::Sandbox => "sandbox".to_owned(),
                SessionFacts::Profile { name, base_url } =>
                    format!("profile {name:?} at {}", shown_address(base_url)),
            }
        ),
        "Settings:".to_owned(),
        format!("  theme: {:?}", settings.theme).to_lowercase(),
        format!(
            "  polling: every {} s while something changes, {} s otherwise",
            settings.poll_fast_secs, settings.poll_idle_secs
        ),
        format!(
            "  notifications: VM ready {}, snapshot ready {}, image ready {}, low balance {} \
             (below {})",
            on_off(settings.notifications.vm_ready),
            on_off(settings.notifications.snapshot_ready),
            on_off(settings.notifications.image_ready),
            on_off(settings.notifications.low_balance),
            settings.low_balance_threshold
        ),
        format!(
            "  app's profile: {}",
            settings.active_profile.as_deref().unwrap_or("(none)")
        ),
        format!("  profiles: {}", settings.profiles.len()),
    ];
    // Name, address and auth scheme: where a key would be sent, never the key or its hint.
    for p in &settings.profiles {
        out.push(format!(
            "    {:?} at {} ({})",
            p.name,
            shown_address(&p.base_url),
            p.auth_scheme
        ));
    }
    out.join("\n") + "\n"
}

/// The text for the app as it is now: its settings as the UI sees them (profiles from the
/// shared store) and its session.
pub async fn of_state(
    state: &crate::state::AppState,
    facts: &Facts,
) -> Result<String, crate::error::AppError> {
    let settings = crate::session::settings_for_ui(state)?;
    let session = match state.current().await {
        None => SessionFacts::SignedOut,
        Some(s) if s.sandbox => SessionFacts::Sandbox,
        Some(s) => SessionFacts::Profile {
            name: s.profile,
            base_url: s.base_url,
        },
    };
    Ok(text(facts, &settings, &session))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logs::LogLevel;
    use crate::settings::Profile;

    fn facts() -> Facts {
        Facts {
            app_version: "0.1.0".into(),
            tauri_version: "2.12.5".into(),
            os: "linux".into(),
            os_version: "Debian 12 (bookworm)".into(),
            arch: "x86_64".into(),
            webview_version: Ok("2.48.1".into()),
            log_dir: "/home/a/.local/share/ai.barrack.desktop/logs".into(),
        }
    }

    #[test]
    fn says_versions_system_webview_and_settings_but_no_key_material() {
        let key = barrack_api::ApiKey::new("sk-live-SECRETsecret-9f3a");
        let hint = key.hint();
        let settings = Settings {
            profiles: vec![Profile {
                name: "work".into(),
                base_url: "https://barrack.ai/api/".into(),
                auth_scheme: "x-api-key".into(),
                key_hint: Some(hint.clone()),
            }],
            active_profile: Some("work".into()),
            log_level: LogLevel::Debug,
            ..Settings::default()
        };
        let session = SessionFacts::Profile {
            name: "work".into(),
            base_url: "https://barrack.ai/api/".into(),
        };
        let t = text(&facts(), &settings, &session);
        for expected in [
            "App version: 0.1.0",
            "Tauri: 2.12.5",
            "OS: Debian 12 (bookworm) (linux)",
            "Architecture: x86_64",
            "Webview: WebKitGTK 2.48.1",
            "Log folder: /home/a/.local/share/ai.barrack.desktop/logs",
            "Log level: debug",
            "Session: profile \"work\" at https://barrack.ai/api/",
            "theme: system",
            "polling: every 2 s while something changes, 60 s otherwise",
            "app's profile: work",
            "\"work\" at https://barrack.ai/api/ (x-api-key)",
        ] {
            assert!(t.contains(expected), "{expected:?} missing from:\n{t}");
        }
        // Neither the key, nor any piece of it, nor the hint the UI shows.
        assert!(!t.contains(key.expose()), "{t}");
        assert!(!t.contains("SECRET"), "{t}");
        assert!(!t.contains("9f3a"), "{t}");
        assert!(!t.contains(&hint), "{t}");
        assert!(!t.to_lowercase().contains("hint:"), "{t}");
    }

    /// As the command builds it: the profiles come from the shared store, hints included,
    /// and the hint stays out of the text.
    #[tokio::test]
    async fn from_the_apps_state_the_stored_hint_stays_out() {
        use crate::state::{AppState, MemorySettings};
        use barrack_credentials::profiles::{self, ProfileStore, Profiles};
        use std::sync::Arc;
        let store = Arc::new(ProfileStore::in_memory());
        let mut stored = Profiles::default();
        stored.profiles.insert(
            "lab".into(),
            profiles::Profile {
                base_url: Some("https://staging.example/api/".into()),
                auth_scheme: Some("bearer".into()),
                key_hint: Some("…q7Zx".into()),
            },
        );
        store.save(&stored).unwrap();
        let state = AppState::new(
            Arc::new(barrack_credentials::MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        )
        .with_profiles(store.clone());
        // Hand-edited into the shared file: a password in the address.
        stored.profiles.insert(
            "edited".into(),
            profiles::Profile {
                base_url: Some("https://me:hunter2@proxy.example/api/".into()),
                auth_scheme: Some("bearer".into()),
                key_hint: None,
            },
        );
        store.save(&stored).unwrap();
        let t = of_state(&state, &facts()).await.unwrap();
        assert!(
            t.contains("\"lab\" at https://staging.example/api/ (bearer)"),
            "{t}"
        );
        assert!(
            t.contains("\"edited\" at (an address the app refuses, not shown) (bearer)"),
            "{t}"
        );
        assert!(!t.contains("hunter2"), "{t}");
        assert!(t.contains("Session: signed out"), "{t}");
        assert!(!t.contains("q7Zx"), "{t}");
    }

    #[test]
    fn each_platform_names_its_webview_and_an_unknown_version_says_why() {
        assert_eq!(webview_engine("linux"), "WebKitGTK");
        assert_eq!(webview_engine("windows"), "WebView2");
        assert_eq!(webview_engine("macos"), "WKWebView (WebKit)");
        let f = Facts {
            os: "windows".into(),
            webview_version: Err("WebView2 is not installed".into()),
            ..facts()
        };
        let t = text(&f, &Settings::default(), &SessionFacts::SignedOut);
        assert!(
            t.contains("Webview: WebView2 (version unknown: WebView2 is not installed)"),
            "{t}"
        );
        assert!(t.contains("Session: signed out"), "{t}");
        assert!(t.contains("app's profile: (none)"), "{t}");
        assert!(t.contains("profiles: 0"), "{t}");
        let t = text(&f, &Settings::default(), &SessionFacts::Sandbox);
        assert!(t.contains("Session: sandbox"), "{t}");
    }
}
