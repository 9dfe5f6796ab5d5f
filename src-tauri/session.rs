//! Signing in and out, restoring the session at start, and the embedded sandbox.
//!
//! Sign-in checks the key with a real call (the balance) before anything is saved; the key
//! then goes to the OS keyring only, and the settings keep just its last four characters.

use crate::error::{AppError, AppErrorCode};
use crate::settings::Profile;
use crate::state::{AppState, Session};
use barrack_api::{ApiKey, AuthScheme, Client};
use serde::{Deserialize, Serialize};

/// What the UI may know about the session: never the key.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    pub signed_in: bool,
    pub profile: Option<String>,
    pub sandbox: bool,
    /// "…abcd".
    pub key_hint: Option<String>,
    pub base_url: Option<String>,
    /// Why the saved session did not come back when the app started (e.g. a locked keyring).
    pub startup_error: Option<AppError>,
    /// The server refused this session's key (401): nothing polls with it; sign in again.
    pub key_refused: bool,
}

impl SessionInfo {
    pub fn of(s: Option<&Session>) -> SessionInfo {
        match s {
            Some(s) => SessionInfo {
                signed_in: true,
                profile: Some(s.profile.clone()),
                sandbox: s.sandbox,
                key_hint: Some(s.key_hint.clone()),
                base_url: Some(s.base_url.clone()),
                startup_error: None,
                key_refused: s.is_key_refused(),
            },
            None => SessionInfo {
                signed_in: false,
                profile: None,
                sandbox: false,
                key_hint: None,
                base_url: None,
                startup_error: None,
                key_refused: false,
            },
        }
    }
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SignInRequest {
    pub profile: Option<String>,
    pub base_url: Option<String>,
    pub auth_scheme: Option<String>,
    /// Crosses the boundary once, inbound only; never sent back.
    pub api_key: String,
}

fn validation(field: &str, message: impl Into<String>) -> AppError {
    let mut e = AppError::new(AppErrorCode::Validation, message);
    e.field = Some(field.to_owned());
    e
}

fn client(base_url: &str, auth: &AuthScheme, key: ApiKey) -> Result<Client, AppError> {
    Ok(Client::builder()
        .base_url(base_url)
        .auth_scheme(auth.clone())
        .api_key(key)
        .user_agent(format!("barrack-desktop/{}", env!("CARGO_PKG_VERSION")))
        .build()?)
}

pub async fn sign_in(state: &AppState, req: SignInRequest) -> Result<SessionInfo, AppError> {
    let profile = req
        .profile
        .unwrap_or_else(|| barrack_credentials::DEFAULT_PROFILE.to_owned());
    barrack_credentials::check_profile_name(&profile).map_err(|m| validation("profile", m))?;
    let base_url = req
        .base_url
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| barrack_api::DEFAULT_BASE_URL.to_owned());
    let auth_text = req
        .auth_scheme
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "bearer".to_owned());
    let auth: AuthScheme = auth_text
        .parse()
        .map_err(|e: barrack_api::ApiError| validation("authScheme", e.message))?;
    barrack_api::parse_base_url(&base_url).map_err(|e| validation("baseUrl", e.message))?;
    let key = ApiKey::new(req.api_key);
    if key.is_empty() {
        return Err(validation("apiKey", "Paste your API key"));
    }
    let client = client(&base_url, &auth, key.clone())?;
    // A real call first: a wrong key is refused here and nothing is saved.
    client.get_balance().await?;
    let hint = key.hint();
    let mut settings = state.settings.load()?;
    settings.upsert_profile(Profile {
        name: profile.clone(),
        base_url: base_url.clone(),
        auth_scheme: auth.to_string(),
        key_hint: Some(hint.clone()),
    });
    settings.active_profile = Some(profile.clone());
    // The key and the profile that says where it goes are saved together: if the settings
    // cannot be saved, the keyring entry is put back as it was (the previous key, or none),
    // so the keyring never holds a key the settings point elsewhere for.
    let previous = state.secrets.get(&profile)?;
    state.secrets.set(&profile, &key)?;
    if let Err(e) = state.settings.save(&settings) {
        let undone = match &previous {
            Some(old) => state.secrets.set(&profile, old),
            None => state.secrets.delete(&profile).map(|_| ()),
        };
        return Err(match undone {
            Ok(()) => e,
            Err(k) => AppError::new(
                e.code,
                format!(
                    "{} The key just entered also stayed in the keyring: {k}",
                    e.message
                ),
            ),
        });
    }
    let session = Session {
        profile,
        client,
        sandbox: false,
        key_hint: hint,
        base_url,
        key_refused: Default::default(),
    };
    *state.session.write().await = Some(session.clone());
    state.poke_poller();
    Ok(SessionInfo::of(Some(&session)))
}

/// Deletes the profile's key from the keyring and forgets the session.
pub async fn sign_out(state: &AppState) -> Result<SessionInfo, AppError> {
    let current = state.session.write().await.take();
    if let Some(s) = current {
        if s.sandbox {
            stop_sandbox(state).await;
        } else {
            state.secrets.delete(&s.profile)?;
            let mut settings = state.settings.load()?;
            if let Some(p) = settings.profiles.iter_mut().find(|p| p.name == s.profile) {
                p.key_hint = None;
            }
            if settings.active_profile.as_deref() == Some(s.profile.as_str()) {
                settings.active_profile = None;
            }
            state.settings.save(&settings)?;
        }
    }
    Ok(SessionInfo::of(None))
}

/// Forgets a saved profile: its keyring entry and its settings (signing out first when it
/// is the current session).
pub async fn remove_profile(
    state: &AppState,
    name: &str,
) -> Result<crate::settings::Settings, AppError> {
    let current = state.current().await;
    if current
        .as_ref()
        .is_some_and(|s| !s.sandbox && s.profile == name)
    {
        sign_out(state).await?;
    } else {
        state.secrets.delete(name)?;
    }
    let mut settings = state.settings.load()?;
    settings.profiles.retain(|p| p.name != name);
    if settings.active_profile.as_deref() == Some(name) {
        settings.active_profile = None;
    }
    state.settings.save(&settings)?;
    Ok(settings)
}

/// Signs in to a saved profile with the key from the keyring (no network).
pub async fn use_profile(state: &AppState, name: &str) -> Result<SessionInfo, AppError> {
    let settings = state.settings.load()?;
    let profile = settings
        .profile(name)
        .cloned()
        .ok_or_else(|| validation("profile", format!("There is no profile {name:?}")))?;
    let Some(key) = state.secrets.get(name)? else {
        return Err(AppError::new(
            AppErrorCode::NotSignedIn,
            format!("Profile {name:?} has no key in the keyring; sign in again."),
        ));
    };
    // A stored profile whose address could not be read has none (settings.rs): it sends
    // its key nowhere until the user signs in to it again.
    if barrack_api::parse_base_url(&profile.base_url).is_err() {
        return Err(AppError::new(
            AppErrorCode::NotSignedIn,
            format!("Profile {name:?} has no usable server address; sign in to it again."),
        ));
    }
    let auth: AuthScheme = profile.auth_scheme.parse().unwrap_or_default();
    let client = client(&profile.base_url, &auth, key.clone())?;
    let session = Session {
        profile: name.to_owned(),
        client,
        sandbox: false,
        key_hint: key.hint(),
        base_url: profile.base_url.clone(),
        key_refused: Default::default(),
    };
    let mut settings = settings;
    settings.active_profile = Some(name.to_owned());
    state.settings.save(&settings)?;
    *state.session.write().await = Some(session.clone());
    state.poke_poller();
    Ok(SessionInfo::of(Some(&session)))
}

/// At start: the active profile's session, if its key is in the keyring.
pub async fn restore(state: &AppState) -> Result<SessionInfo, AppError> {
    let settings = state.settings.load()?;
    match settings.active_profile {
        Some(name) => use_profile(state, &name).await,
        None => Ok(SessionInfo::of(None)),
    }
}

/// Starts the emulator inside the app (127.0.0.1, random port, the sandbox seed) and signs
/// in to it with its throw-away key, which is never stored.
pub async fn start_sandbox(state: &AppState) -> Result<SessionInfo, AppError> {
    let mut guard = state.sandbox.lock().await;
    if guard.is_none() {
        let cfg = barrack_sim::SimConfig {
            seed: barrack_sim::Seed::Sandbox,
            time_scale: state.sandbox_time_scale(),
            ..Default::default()
        };
        let sim = barrack_sim::start(cfg).await.map_err(|e| {
            AppError::new(
                AppErrorCode::Sandbox,
                format!("The sandbox could not start: {e}"),
            )
        })?;
        *guard = Some(sim);
    }
    let sim = guard
        .as_ref()
        .ok_or_else(|| AppError::new(AppErrorCode::Sandbox, "The sandbox is not running"))?;
    let key = ApiKey::new(sim.api_key.clone());
    let client = client(&sim.url(), &AuthScheme::Bearer, key.clone())?;
    let session = Session {
        profile: "sandbox".into(),
        client,
        sandbox: true,
        key_hint: key.hint(),
        base_url: sim.url(),
        key_refused: Default::default(),
    };
    drop(guard);
    *state.session.write().await = Some(session.clone());
    state.poke_poller();
    Ok(SessionInfo::of(Some(&session)))
}

async fn stop_sandbox(state: &AppState) {
    if let Some(sim) = state.sandbox.lock().await.take() {
        sim.stop().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{MemorySettings, SettingsBackend};
    use barrack_credentials::{MemoryStore, SecretStore};
    use std::sync::Arc;

    fn state() -> (AppState, Arc<MemoryStore>, Arc<MemorySettings>) {
        let secrets = Arc::new(MemoryStore::default());
        let settings = Arc::new(MemorySettings::default());
        (
            AppState::new(secrets.clone(), settings.clone()),
            secrets,
            settings,
        )
    }

    #[tokio::test]
    async fn sign_in_checks_the_key_before_saving_it() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let (st, secrets, settings) = state();
        let wrong = SignInRequest {
            profile: Some("work".into()),
            base_url: Some(sim.url()),
            auth_scheme: None,
            api_key: "sk-wrong-0000".into(),
        };
        let err = sign_in(&st, wrong).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::Unauthorized);
        assert!(secrets.get("work").unwrap().is_none(), "nothing stored");
        assert!(st.current().await.is_none());

        let good = SignInRequest {
            profile: Some("work".into()),
            base_url: Some(sim.url()),
            auth_scheme: Some("x-api-key".into()),
            api_key: sim.api_key.clone(),
        };
        let info = sign_in(&st, good).await.unwrap();
        assert!(info.signed_in && !info.sandbox);
        assert_eq!(
            info.key_hint.as_deref(),
            Some(ApiKey::new(sim.api_key.clone()).hint().as_str())
        );
        assert_eq!(secrets.get("work").unwrap().unwrap().expose(), sim.api_key);
        let saved = serde_json::to_string(&settings.load().unwrap()).unwrap();
        assert!(
            !saved.contains(&sim.api_key),
            "the key is not in the settings: {saved}"
        );
        assert!(
            !serde_json::to_string(&info).unwrap().contains(&sim.api_key),
            "nor in what the UI sees"
        );
        assert!(st.client().await.unwrap().get_balance().await.is_ok());

        // A restart restores the session from the keyring.
        let st2 = AppState::new(secrets.clone(), settings.clone());
        let info = restore(&st2).await.unwrap();
        assert_eq!(info.profile.as_deref(), Some("work"));
        assert!(st2.client().await.unwrap().get_balance().await.is_ok());

        // Removing another profile deletes its entry and its settings.
        secrets
            .set("other", &ApiKey::new("sk-other-1234567890"))
            .unwrap();
        let mut with_other = settings.load().unwrap();
        with_other.upsert_profile(Profile {
            name: "other".into(),
            ..Default::default()
        });
        settings.save(&with_other).unwrap();
        let after = remove_profile(&st2, "other").await.unwrap();
        assert!(after.profile("other").is_none() && after.profile("work").is_some());
        assert!(secrets.get("other").unwrap().is_none());
        assert!(st2.current().await.is_some(), "the current session stays");

        // Sign-out deletes the entry.
        sign_out(&st2).await.unwrap();
        assert!(secrets.get("work").unwrap().is_none());
        assert_eq!(
            st2.client().await.unwrap_err().code,
            AppErrorCode::NotSignedIn
        );
        assert!(
            !restore(&AppState::new(secrets, settings))
                .await
                .unwrap()
                .signed_in
        );
    }

    /// Settings that read but cannot be written (a full disk, a read-only folder).
    #[derive(Default)]
    struct UnsavableSettings(MemorySettings);

    impl SettingsBackend for UnsavableSettings {
        fn load(&self) -> Result<crate::settings::Settings, AppError> {
            self.0.load()
        }
        fn save(&self, _: &crate::settings::Settings) -> Result<(), AppError> {
            Err(AppError::new(AppErrorCode::Settings, "disk full"))
        }
    }

    #[tokio::test]
    async fn a_sign_in_whose_settings_cannot_be_saved_leaves_the_keyring_as_it_was() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let st = AppState::new(secrets.clone(), Arc::new(UnsavableSettings::default()));
        let req = |profile: &str| SignInRequest {
            profile: Some(profile.into()),
            base_url: Some(sim.url()),
            auth_scheme: None,
            api_key: sim.api_key.clone(),
        };

        // No entry before: none after.
        let err = sign_in(&st, req("fresh")).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::Settings);
        assert!(
            secrets.get("fresh").unwrap().is_none(),
            "the entry is removed"
        );
        assert!(st.current().await.is_none());

        // An entry before (the key for the address the settings still name): it comes back.
        let old = ApiKey::new("sk-previous-key-0000");
        secrets.set("work", &old).unwrap();
        let err = sign_in(&st, req("work")).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::Settings);
        assert_eq!(
            secrets.get("work").unwrap().unwrap().expose(),
            old.expose(),
            "the previous key is put back"
        );
        assert!(st.current().await.is_none());
    }

    #[tokio::test]
    async fn a_profile_whose_address_was_lost_sends_its_key_nowhere() {
        let (st, secrets, settings) = state();
        // As decoded from a settings file whose baseUrl could not be read.
        let stored = crate::settings::Settings::decode_lenient(&serde_json::json!({
            "profiles": [{"name": "work", "baseUrl": 42, "keyHint": "abcd"}],
            "activeProfile": "work"
        }));
        settings.save(&stored).unwrap();
        secrets
            .set("work", &ApiKey::new("sk-work-1234567890"))
            .unwrap();
        let err = restore(&st).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::NotSignedIn);
        assert!(st.current().await.is_none());
        assert_eq!(settings.load().unwrap().profiles.len(), 1, "kept");
    }

    #[tokio::test]
    async fn sign_in_refuses_bad_input_with_the_field() {
        let (st, _, _) = state();
        let req = |base: &str, key: &str, profile: &str| SignInRequest {
            profile: Some(profile.into()),
            base_url: Some(base.into()),
            auth_scheme: None,
            api_key: key.into(),
        };
        assert_eq!(
            sign_in(&st, req("http://example.com/api/", "k", "p"))
                .await
                .unwrap_err()
                .field
                .as_deref(),
            Some("baseUrl")
        );
        assert_eq!(
            sign_in(&st, req("https://barrack.ai/api/", "  ", "p"))
                .await
                .unwrap_err()
                .field
                .as_deref(),
            Some("apiKey")
        );
        assert_eq!(
            sign_in(&st, req("https://barrack.ai/api/", "k", "my profile"))
                .await
                .unwrap_err()
                .field
                .as_deref(),
            Some("profile")
        );
    }

    #[tokio::test]
    async fn sandbox_starts_with_a_seeded_account_and_stores_nothing() {
        let (st, secrets, settings) = state();
        let info = start_sandbox(&st).await.unwrap();
        assert!(info.sandbox && info.signed_in);
        let balance = st.client().await.unwrap().get_balance().await.unwrap();
        assert!(balance.primary() > 0.0);
        assert!(secrets.get("sandbox").unwrap().is_none());
        assert!(settings.load().unwrap().profiles.is_empty());
        sign_out(&st).await.unwrap();
        assert!(
            st.sandbox.lock().await.is_none(),
            "the sandbox stops with sign-out"
        );
    }
}
