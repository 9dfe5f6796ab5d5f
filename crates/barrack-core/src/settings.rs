//! The app's UI preferences, kept with tauri-plugin-store in `settings.json` in the app's
//! data folder: theme, polling, notifications, the low-balance threshold, the window.
//!
//! Profiles are not kept here: they are in the profile store shared with the CLI
//! (barrack-credentials' `profiles.json`). `Settings` still carries `profiles` for the UI,
//! filled from that store (`session::settings_for_ui`), and decodes them from an older
//! settings.json only so they can be moved there at start (profile_migration.rs).
//! `activeProfile` is kept here: the profile the app opens, the app's own preference (the
//! store's default is the CLI's). The API key is never in either file.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// An account profile as the UI sees it: the keyring entry is named after `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub name: String,
    pub base_url: String,
    /// `bearer`, `x-api-key` or `header:<Name>`.
    pub auth_scheme: String,
    /// Last four characters of the key, for display.
    pub key_hint: Option<String>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: barrack_credentials::DEFAULT_PROFILE.to_owned(),
            base_url: barrack_api::DEFAULT_BASE_URL.to_owned(),
            auth_scheme: "bearer".to_owned(),
            key_hint: None,
        }
    }
}

impl Profile {
    /// A profile of the shared store. An address that could not be read stays empty.
    pub fn from_stored(name: &str, p: &barrack_credentials::profiles::Profile) -> Profile {
        Profile {
            name: name.to_owned(),
            base_url: p.base_url_or_default(),
            auth_scheme: p.auth_scheme_or_default(),
            key_hint: p.key_hint.clone(),
        }
    }

    /// This profile for the shared store (an empty address stays unusable there too).
    pub fn to_stored(&self) -> barrack_credentials::profiles::Profile {
        barrack_credentials::profiles::Profile {
            base_url: Some(self.base_url.clone()),
            auth_scheme: Some(self.auth_scheme.clone()),
            key_hint: self.key_hint.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Notifications {
    pub vm_ready: bool,
    pub snapshot_ready: bool,
    pub image_ready: bool,
    pub low_balance: bool,
}

impl Default for Notifications {
    fn default() -> Self {
        Notifications {
            vm_ready: true,
            snapshot_ready: true,
            image_ready: true,
            low_balance: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, specta::Type, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct WindowState {
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub x: Option<i32>,
    pub y: Option<i32>,
    pub maximized: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// From the shared profile store, for the UI; not saved in settings.json any more.
    pub profiles: Vec<Profile>,
    /// The profile the app opens: saved here by sign-in and switching (never from the
    /// webview); the UI sees it resolved against the shared store (`session::app_profile`).
    pub active_profile: Option<String>,
    pub theme: Theme,
    /// Seconds between polls while something is in transition (it backs off from here).
    pub poll_fast_secs: u32,
    /// Seconds between polls when nothing is in transition.
    pub poll_idle_secs: u32,
    pub notifications: Notifications,
    /// Notify when the balance falls below this, in the account's currency.
    pub low_balance_threshold: f64,
    pub window: WindowState,
    /// Look for a new version by itself, a while after start-up (Settings › Software updates).
    pub auto_update_check: bool,
    /// How much the app writes to its log file (Settings › Logs; applied at start and at once
    /// when changed, see logs.rs).
    pub log_level: crate::logs::LogLevel,
    /// The private key "Open in terminal" passes to `ssh -i`: chosen in a native dialog
    /// opened by the backend (`choose_ssh_key_file`), never named by the webview.
    pub ssh_key_file: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            profiles: Vec::new(),
            active_profile: None,
            theme: Theme::System,
            poll_fast_secs: 2,
            poll_idle_secs: 60,
            notifications: Notifications::default(),
            low_balance_threshold: 10.0,
            window: WindowState::default(),
            auto_update_check: true,
            log_level: crate::logs::LogLevel::default(),
            ssh_key_file: None,
        }
    }
}

/// What the webview may change: its own preferences, nothing that decides where the API
/// key is sent. A profile's base URL, auth scheme and key change together only through
/// sign-in (which checks the key against that URL); `set_settings` takes this, so a script
/// in the webview cannot point a stored key at another server. Unknown fields (a whole
/// `Settings` sent by an older UI, or a hostile `profiles`) are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    pub theme: Theme,
    pub poll_fast_secs: u32,
    pub poll_idle_secs: u32,
    pub notifications: Notifications,
    pub low_balance_threshold: f64,
    /// Absent (an older UI): on, the default.
    #[serde(default = "checks_by_default")]
    pub auto_update_check: bool,
}

fn checks_by_default() -> bool {
    true
}

/// The allowed ranges, shared by validation (refuse) and decoding (fall back).
const POLL_FAST_SECS: std::ops::RangeInclusive<u32> = 1..=60;
const POLL_IDLE_SECS: std::ops::RangeInclusive<u32> = 15..=3600;

fn threshold_ok(t: f64) -> bool {
    t.is_finite() && t >= 0.0
}

impl Preferences {
    /// Refuses values that would hurt (polling too fast, negative thresholds).
    pub fn validate(&self) -> Result<(), crate::error::AppError> {
        use crate::error::{AppError, AppErrorCode};
        let bad = |field: &str, msg: &str| {
            let mut e = AppError::new(AppErrorCode::Validation, format!("{field}: {msg}"));
            e.field = Some(field.to_owned());
            Err(e)
        };
        if !POLL_FAST_SECS.contains(&self.poll_fast_secs) {
            return bad("pollFastSecs", "must be between 1 and 60 seconds");
        }
        if !POLL_IDLE_SECS.contains(&self.poll_idle_secs) {
            return bad("pollIdleSecs", "must be between 15 and 3600 seconds");
        }
        if !threshold_ok(self.low_balance_threshold) {
            return bad("lowBalanceThreshold", "must be 0 or more");
        }
        Ok(())
    }
}

impl Settings {
    /// These settings with the UI's preferences in place of theirs; profiles, the active
    /// profile and the window stay as they are.
    pub fn with_preferences(&self, p: Preferences) -> Result<Settings, crate::error::AppError> {
        p.validate()?;
        Ok(Settings {
            theme: p.theme,
            poll_fast_secs: p.poll_fast_secs,
            poll_idle_secs: p.poll_idle_secs,
            notifications: p.notifications,
            low_balance_threshold: p.low_balance_threshold,
            auto_update_check: p.auto_update_check,
            ..self.clone()
        })
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    pub fn upsert_profile(&mut self, profile: Profile) {
        match self.profiles.iter_mut().find(|p| p.name == profile.name) {
            Some(p) => *p = profile,
            None => self.profiles.push(profile),
        }
    }

    /// Reads stored settings field by field: a field that cannot be read (wrong type, out of
    /// range) falls back alone to its default, and every profile is kept (see
    /// `decode_profile`). Anything that is not an object gives the defaults.
    pub fn decode_lenient(value: &Value) -> Settings {
        let d = Settings::default();
        let Some(o) = value.as_object() else {
            return d;
        };
        Settings {
            profiles: match o.get("profiles") {
                Some(Value::Array(items)) => decode_profiles(items),
                _ => d.profiles,
            },
            active_profile: field(o, "activeProfile").unwrap_or(d.active_profile),
            theme: field(o, "theme").unwrap_or(d.theme),
            poll_fast_secs: field(o, "pollFastSecs")
                .filter(|s| POLL_FAST_SECS.contains(s))
                .unwrap_or(d.poll_fast_secs),
            poll_idle_secs: field(o, "pollIdleSecs")
                .filter(|s| POLL_IDLE_SECS.contains(s))
                .unwrap_or(d.poll_idle_secs),
            notifications: match o.get("notifications").and_then(Value::as_object) {
                Some(n) => {
                    let dn = Notifications::default();
                    Notifications {
                        vm_ready: field(n, "vmReady").unwrap_or(dn.vm_ready),
                        snapshot_ready: field(n, "snapshotReady").unwrap_or(dn.snapshot_ready),
                        image_ready: field(n, "imageReady").unwrap_or(dn.image_ready),
                        low_balance: field(n, "lowBalance").unwrap_or(dn.low_balance),
                    }
                }
                None => d.notifications,
            },
            low_balance_threshold: field(o, "lowBalanceThreshold")
                .filter(|t| threshold_ok(*t))
                .unwrap_or(d.low_balance_threshold),
            window: match o.get("window").and_then(Value::as_object) {
                Some(w) => WindowState {
                    width: field(w, "width").unwrap_or_default(),
                    height: field(w, "height").unwrap_or_default(),
                    x: field(w, "x").unwrap_or_default(),
                    y: field(w, "y").unwrap_or_default(),
                    maximized: field(w, "maximized").unwrap_or_default(),
                },
                None => d.window,
            },
            auto_update_check: field(o, "autoUpdateCheck").unwrap_or(d.auto_update_check),
            log_level: field(o, "logLevel").unwrap_or(d.log_level),
            ssh_key_file: field::<String>(o, "sshKeyFile")
                .filter(|p| std::path::Path::new(p).is_absolute()),
        }
    }
}

use serde_json::{Map, Value};

/// One field, if present and of the right type.
fn field<T: serde::de::DeserializeOwned>(o: &Map<String, Value>, key: &str) -> Option<T> {
    o.get(key).and_then(|v| T::deserialize(v).ok())
}

/// Prefix of the names given to profiles whose own name cannot be read.
pub const RECOVERED_PROFILE_PREFIX: &str = "recovered-";

fn decode_profiles(items: &[Value]) -> Vec<Profile> {
    let mut out: Vec<Profile> = items.iter().map(decode_profile).collect();
    // A profile whose name could not be read is kept under a generated, unique one: the
    // user sees it in Settings › Accounts with its address and key hint and can sign in to
    // it again or remove it. Its keyring entry (named after the lost name) is not touched.
    let mut n = 0;
    for i in 0..out.len() {
        if !out[i].name.is_empty() {
            continue;
        }
        let name = loop {
            n += 1;
            let candidate = format!("{RECOVERED_PROFILE_PREFIX}{n}");
            if !out.iter().any(|p| p.name == candidate) {
                break candidate;
            }
        };
        out[i].name = name;
    }
    out
}

/// A stored profile, field by field. Its name is its own (an empty one is replaced by the
/// caller). The base URL has NO fallback: an unreadable one is left empty, so the profile
/// cannot send its key anywhere until the user signs in to it again; falling back to the
/// default URL would send a key meant for one server to another.
fn decode_profile(v: &Value) -> Profile {
    let d = Profile::default();
    let o = match v {
        Value::Object(o) => o.clone(),
        // A bare name (hand-edited file): keep it as the name.
        Value::String(name) => {
            let mut o = Map::new();
            o.insert("name".into(), Value::String(name.clone()));
            o
        }
        _ => Map::new(),
    };
    Profile {
        name: field::<String>(&o, "name")
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_default(),
        base_url: field(&o, "baseUrl").unwrap_or_default(),
        auth_scheme: field::<String>(&o, "authScheme")
            .filter(|a| a.parse::<barrack_api::AuthScheme>().is_ok())
            .unwrap_or(d.auth_scheme),
        key_hint: field(&o, "keyHint").unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_valid_and_round_trip() {
        let s = Settings::default();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["pollIdleSecs"], 60);
        let back: Settings = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, s);
        assert_eq!(Settings::decode_lenient(&json), s);
        // Missing fields take defaults (older settings files).
        let partial = Settings::decode_lenient(&json!({"theme": "dark"}));
        assert_eq!(partial.theme, Theme::Dark);
        assert_eq!(partial.poll_fast_secs, 2);
    }

    fn prefs() -> Preferences {
        Preferences {
            theme: Theme::Dark,
            poll_fast_secs: 5,
            poll_idle_secs: 120,
            notifications: Notifications::default(),
            low_balance_threshold: 3.0,
            auto_update_check: true,
        }
    }

    #[test]
    fn bad_preferences_name_their_field() {
        let s = Settings::default();
        let p = Preferences {
            poll_idle_secs: 1,
            ..prefs()
        };
        assert_eq!(
            s.with_preferences(p).unwrap_err().field.as_deref(),
            Some("pollIdleSecs")
        );
        let p = Preferences {
            low_balance_threshold: f64::NAN,
            ..prefs()
        };
        assert_eq!(
            s.with_preferences(p).unwrap_err().field.as_deref(),
            Some("lowBalanceThreshold")
        );
    }

    #[test]
    fn preferences_change_preferences_only() {
        let stored = Settings {
            profiles: vec![Profile {
                name: "work".into(),
                base_url: "https://barrack.ai/api/".into(),
                auth_scheme: "x-api-key".into(),
                key_hint: Some("abcd".into()),
            }],
            active_profile: Some("work".into()),
            window: WindowState {
                width: Some(900),
                ..Default::default()
            },
            ..Default::default()
        };
        // What a script sends: preferences plus a profile pointing elsewhere.
        let hostile: Preferences = serde_json::from_value(json!({
            "theme": "dark", "pollFastSecs": 5, "pollIdleSecs": 120,
            "notifications": {"vmReady": false, "snapshotReady": true, "imageReady": true, "lowBalance": true},
            "lowBalanceThreshold": 3.0,
            "profiles": [{"name": "work", "baseUrl": "https://evil.example/api/", "authScheme": "bearer"}],
            "activeProfile": "evil",
            "window": {"width": 1}
        }))
        .unwrap();
        let next = stored.with_preferences(hostile).unwrap();
        assert_eq!(next.profiles, stored.profiles);
        assert_eq!(next.active_profile, stored.active_profile);
        assert_eq!(next.window, stored.window);
        assert_eq!(next.theme, Theme::Dark);
        assert_eq!(next.poll_idle_secs, 120);
        assert!(!next.notifications.vm_ready);
    }

    #[test]
    fn one_bad_field_falls_back_alone() {
        let stored = json!({
            "profiles": [
                {"name": "work", "baseUrl": "https://barrack.ai/api/", "authScheme": "x-api-key", "keyHint": "abcd"}
            ],
            "activeProfile": "work",
            "theme": "purple",
            "pollFastSecs": "fast",
            "pollIdleSecs": 0,
            "notifications": {"vmReady": false, "snapshotReady": "yes"},
            "lowBalanceThreshold": 25.5,
            "window": {"width": 1200, "height": -3, "maximized": true}
        });
        let s = Settings::decode_lenient(&stored);
        let d = Settings::default();
        assert_eq!(s.theme, d.theme, "unknown theme: default");
        assert_eq!(s.poll_fast_secs, d.poll_fast_secs, "wrong type: default");
        assert_eq!(s.poll_idle_secs, d.poll_idle_secs, "out of range: default");
        assert_eq!(s.low_balance_threshold, 25.5, "a good field is kept");
        assert_eq!(s.active_profile.as_deref(), Some("work"));
        assert!(!s.notifications.vm_ready);
        assert!(s.notifications.snapshot_ready);
        assert_eq!(s.window.width, Some(1200));
        assert_eq!(s.window.height, None);
        assert!(s.window.maximized);
        assert_eq!(s.profiles.len(), 1);
        assert_eq!(s.profiles[0].auth_scheme, "x-api-key");
        assert_eq!(s.profiles[0].key_hint.as_deref(), Some("abcd"));
        // The old decoder (the whole struct or nothing) lost every one of these.
        assert!(serde_json::from_value::<Settings>(stored).is_err());
    }

    #[test]
    fn profiles_are_never_dropped() {
        let stored = json!({
            "profiles": [
                {"name": "work", "baseUrl": 42, "authScheme": "bearer", "keyHint": "wxyz"},
                {"name": "home", "baseUrl": "https://barrack.ai/api/", "authScheme": {"x": 1}, "keyHint": 7},
                {"baseUrl": "https://other.example/api/", "authScheme": "x-api-key", "keyHint": "1234"},
                {"name": "", "baseUrl": "https://barrack.ai/api/"},
                "bare",
                17,
                {"name": "recovered-1", "baseUrl": "https://barrack.ai/api/"}
            ],
            "activeProfile": "work"
        });
        let s = Settings::decode_lenient(&stored);
        let names: Vec<&str> = s.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "work",
                "home",
                "recovered-2",
                "recovered-3",
                "bare",
                "recovered-4",
                "recovered-1"
            ]
        );
        // The destination of a key never falls back to another server.
        assert_eq!(s.profiles[0].base_url, "");
        assert_eq!(s.profiles[0].key_hint.as_deref(), Some("wxyz"));
        assert_eq!(s.profiles[1].base_url, "https://barrack.ai/api/");
        assert_eq!(s.profiles[1].auth_scheme, "bearer");
        assert_eq!(s.profiles[1].key_hint, None);
        assert_eq!(s.profiles[2].base_url, "https://other.example/api/");
        assert_eq!(s.profiles[2].auth_scheme, "x-api-key");
        assert_eq!(s.active_profile.as_deref(), Some("work"));
        // What is decoded is saved as it is read: a second read changes nothing.
        let again = Settings::decode_lenient(&serde_json::to_value(&s).unwrap());
        assert_eq!(again, s);
    }

    #[test]
    fn the_ssh_key_file_is_kept_as_a_full_path_and_never_set_as_a_preference() {
        let s = Settings::decode_lenient(&json!({"sshKeyFile": "/home/me/.ssh/id_ed25519"}));
        assert_eq!(s.ssh_key_file.as_deref(), Some("/home/me/.ssh/id_ed25519"));
        let relative = Settings::decode_lenient(&json!({"sshKeyFile": "id_rsa"}));
        assert_eq!(relative.ssh_key_file, None);
        // Only the backend's dialog sets it: the webview's preferences leave it as it is.
        assert_eq!(
            s.with_preferences(prefs()).unwrap().ssh_key_file,
            s.ssh_key_file
        );
    }
}
