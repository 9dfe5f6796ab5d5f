//! Non-secret settings, kept with tauri-plugin-store in `settings.json` in the app's data
//! folder. The API key is never here (it is in the OS keyring; only its last four
//! characters are, to show "ends in …abcd").

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// An account profile: the keyring entry is named after `name` (as the CLI's).
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
    pub profiles: Vec<Profile>,
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
        }
    }
}

impl Settings {
    /// Refuses values that would hurt (polling too fast, negative thresholds, bad URLs).
    pub fn validate(&self) -> Result<(), crate::error::AppError> {
        use crate::error::{AppError, AppErrorCode};
        let bad = |field: &str, msg: &str| {
            let mut e = AppError::new(AppErrorCode::Validation, format!("{field}: {msg}"));
            e.field = Some(field.to_owned());
            Err(e)
        };
        if !(1..=60).contains(&self.poll_fast_secs) {
            return bad("pollFastSecs", "must be between 1 and 60 seconds");
        }
        if !(15..=3600).contains(&self.poll_idle_secs) {
            return bad("pollIdleSecs", "must be between 15 and 3600 seconds");
        }
        if !self.low_balance_threshold.is_finite() || self.low_balance_threshold < 0.0 {
            return bad("lowBalanceThreshold", "must be 0 or more");
        }
        for p in &self.profiles {
            if let Err(m) = barrack_credentials::check_profile_name(&p.name) {
                return bad("profiles.name", &m);
            }
            if let Err(e) = barrack_api::parse_base_url(&p.base_url) {
                return bad("profiles.baseUrl", &e.message);
            }
            if let Err(e) = p.auth_scheme.parse::<barrack_api::AuthScheme>() {
                return bad("profiles.authScheme", &e.message);
            }
        }
        Ok(())
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_round_trip() {
        let s = Settings::default();
        s.validate().unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["pollIdleSecs"], 60);
        let back: Settings = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
        // Missing fields take defaults (older settings files).
        let partial: Settings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(partial.theme, Theme::Dark);
        assert_eq!(partial.poll_fast_secs, 2);
    }

    #[test]
    fn bad_values_name_their_field() {
        let mut s = Settings {
            poll_idle_secs: 1,
            ..Default::default()
        };
        assert_eq!(
            s.validate().unwrap_err().field.as_deref(),
            Some("pollIdleSecs")
        );
        s.poll_idle_secs = 60;
        s.profiles.push(Profile {
            base_url: "http://example.com/api/".into(),
            ..Default::default()
        });
        assert_eq!(
            s.validate().unwrap_err().field.as_deref(),
            Some("profiles.baseUrl")
        );
    }
}
