//! Signing in and out, restoring the session at start, and the embedded sandbox.
//!
//! Sign-in checks the key with a real call (the balance) before anything is saved; the key
//! then goes to the OS keyring only, and the profile store shared with the CLI
//! (barrack-credentials) keeps its address, scheme and last four characters. The CLI's
//! `barrack login` goes through the same sign-in into the same store.
//!
//! Which profile the app opens is the app's own preference (`activeProfile` in
//! settings.json, set by sign-in and by switching profile); the store's `default` is the
//! CLI's (the profile used without `--profile`). The app sets that default only when the
//! store has none (at sign-in, as `barrack login` does), and clears it only as
//! `barrack logout` does: when it names the profile signed out of or removed.

use crate::error::{AppError, AppErrorCode};
use crate::notices::{AppNotice, AppNoticeKind};
use crate::settings::{Preferences, Profile, Settings};
use crate::state::{AppState, Session};
use barrack_api::probe::ProbeResult;
use barrack_api::{ApiKey, AuthScheme, Client};
use barrack_credentials::profiles::{ProfileError, Profiles, SetAside};
use barrack_credentials::sign_in::{SignIn, SignInError, SignOutError};
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
    /// Whether this build embeds the sandbox: the sign-in screen offers it only then.
    pub sandbox_built_in: bool,
}

/// Whether the app was built with the sandbox inside (the `sandbox` cargo feature, on by
/// default; `--no-default-features` leaves barrack-sim out of the binary).
pub const SANDBOX_BUILT_IN: bool = cfg!(feature = "sandbox");

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
                sandbox_built_in: SANDBOX_BUILT_IN,
            },
            None => SessionInfo {
                signed_in: false,
                profile: None,
                sandbox: false,
                key_hint: None,
                base_url: None,
                startup_error: None,
                key_refused: false,
                sandbox_built_in: SANDBOX_BUILT_IN,
            },
        }
    }
}

#[derive(Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SignInRequest {
    pub profile: Option<String>,
    pub base_url: Option<String>,
    pub auth_scheme: Option<String>,
    /// Crosses the boundary once, inbound only; never sent back.
    pub api_key: String,
}

/// Without the key: a `{:?}` of the request in a log line must not write it.
impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("profile", &self.profile)
            .field("base_url", &self.base_url)
            .field("auth_scheme", &self.auth_scheme)
            .field("api_key", &"<redacted>")
            .finish()
    }
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

/// The shared profile store's profiles; a damaged file met on the way is told once.
pub fn load_profiles(state: &AppState) -> Result<Profiles, AppError> {
    let loaded = state.profiles.load().map_err(store_error)?;
    tell_set_aside(state, loaded.set_aside);
    Ok(loaded.profiles)
}

/// Tells the user, once, that a damaged profiles file was kept aside.
pub(crate) fn tell_set_aside(state: &AppState, set_aside: Option<SetAside>) {
    if let Some(told) = set_aside {
        state.push_notice(AppNotice {
            kind: AppNoticeKind::SettingsDamaged,
            message: told.message,
        });
    }
}

fn store_error(e: ProfileError) -> AppError {
    AppError::new(
        AppErrorCode::Settings,
        format!("The profiles could not be saved or read: {e}"),
    )
}

fn sign_out_error(e: SignOutError) -> AppError {
    match e {
        SignOutError::Keyring(k) => k.into(),
        SignOutError::Store(s) => store_error(s),
    }
}

/// The session as the window sees it; waits for the start-up restore first (a few
/// milliseconds: the keyring and no network), and says why it failed when nobody is
/// signed in.
pub async fn session_info(state: &AppState) -> SessionInfo {
    let startup_error = state.startup.lock().await.clone();
    let mut info = SessionInfo::of(state.current().await.as_ref());
    if !info.signed_in {
        info.startup_error = startup_error;
    }
    info
}

/// Saves the UI's preferences into the stored settings. Only preferences: profiles, the
/// active profile and the window are never taken from the webview (a profile's address,
/// auth scheme and key change together through sign-in only), so a script cannot point
/// the stored key at another server. Answers the whole settings, as saved.
pub fn set_preferences(state: &AppState, prefs: Preferences) -> Result<Settings, AppError> {
    let next = state.settings.load()?.with_preferences(prefs)?;
    state.settings.save(&next)?;
    state.poke_poller();
    settings_for_ui(state)
}

/// Probes every read endpoint of the current account (Settings › Check connection).
pub async fn check_connection(state: &AppState) -> Result<Vec<ProbeResult>, AppError> {
    let client = state.client().await?;
    Ok(barrack_api::probe::probe_reads(&client).await)
}

/// The settings the UI sees: its preferences, the profiles of the shared store, and the
/// profile the app opens (see [`app_profile`]).
pub fn settings_for_ui(state: &AppState) -> Result<Settings, AppError> {
    let mut settings = state.settings.load()?;
    let profiles = load_profiles(state)?;
    settings.active_profile = app_profile(&settings, &profiles);
    settings.profiles = profiles
        .profiles
        .iter()
        .map(|(name, p)| Profile::from_stored(name, p))
        .collect();
    Ok(settings)
}

/// The profile the app opens: the app's own last-used one if the store still has it, else
/// the store's default (so a profile made by `barrack login` opens signed in), else a
/// signed-in profile named `default` (as the CLI resolves no `--profile`).
pub fn app_profile(settings: &Settings, profiles: &Profiles) -> Option<String> {
    let fallback = barrack_credentials::DEFAULT_PROFILE;
    settings
        .active_profile
        .clone()
        .filter(|a| profiles.profiles.contains_key(a))
        .or_else(|| profiles.default.clone())
        .or_else(|| {
            profiles
                .profiles
                .get(fallback)
                .is_some_and(|p| p.key_hint.is_some())
                .then(|| fallback.to_owned())
        })
}

/// Keeps `name` as the profile the app opens next time (settings.json's `activeProfile`).
/// A preference: if it cannot be saved, the session still stands and the log says why.
fn remember_app_profile(state: &AppState, name: &str) {
    let saved = state.settings.load().and_then(|mut s| {
        if s.active_profile.as_deref() == Some(name) {
            return Ok(());
        }
        s.active_profile = Some(name.to_owned());
        state.settings.save(&s)
    });
    if let Err(e) = saved {
        log::warn!(
            "profiles: could not remember {name:?} as the app's profile: {}",
            e.message
        );
    }
}

/// Forgets the app's own last-used profile if it is `name` (signed out of or removed).
fn forget_app_profile(state: &AppState, name: &str) {
    let saved = state.settings.load().and_then(|mut s| {
        if s.active_profile.as_deref() != Some(name) {
            return Ok(());
        }
        s.active_profile = None;
        state.settings.save(&s)
    });
    if let Err(e) = saved {
        log::warn!(
            "profiles: could not forget {name:?} as the app's profile: {}",
            e.message
        );
    }
}

/// Signs in through the one sign-in of the CLI and the app (barrack-credentials): the key
/// is checked with a real call, then it goes to the keyring and its profile to the shared
/// store together (the keyring is put back if the profile cannot be saved). It becomes the
/// app's profile; the store's default only if there is none.
pub async fn sign_in(state: &AppState, req: SignInRequest) -> Result<SessionInfo, AppError> {
    let profile = req
        .profile
        .unwrap_or_else(|| barrack_credentials::DEFAULT_PROFILE.to_owned());
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
    let key = ApiKey::new(req.api_key);
    let request = SignIn {
        profile: profile.clone(),
        base_url: base_url.clone(),
        auth_scheme: auth.clone(),
        key: key.clone(),
    };
    // The client is built in the check, after the input has passed sign-in's own checks.
    let signed_in = barrack_credentials::sign_in::sign_in(
        &state.profiles,
        state.secrets.as_ref(),
        request,
        || async {
            let client = client(&base_url, &auth, key.clone())?;
            client.get_balance().await?;
            Ok::<_, AppError>(client)
        },
    )
    .await
    .map_err(|e| match e {
        SignInError::Invalid { field, message } => validation(field, message),
        SignInError::Check(e) => e,
        SignInError::Keyring(k) => k.into(),
        e @ SignInError::Store { .. } => AppError::new(AppErrorCode::Settings, e.to_string()),
    })
    .inspect_err(|e| crate::logs::failed(&format!("sign-in to profile {profile:?}"), e))?;
    log::info!("signed in: profile {profile:?} at {base_url}");
    tell_set_aside(state, signed_in.set_aside);
    remember_app_profile(state, &profile);
    let session = Session {
        profile,
        client: signed_in.checked,
        sandbox: false,
        key_hint: signed_in.key_hint,
        base_url,
        key_refused: Default::default(),
    };
    {
        let mut slot = state.session.write().await;
        // The key may be another account's: what the profile showed before is not painted.
        // Deleted with the session swapped under the same lock: an overview fetched with the
        // old session is not saved after it (last_known.rs compares the session and key).
        state.last_known.forget(&session.profile);
        *slot = Some(session.clone());
    }
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
            let out = barrack_credentials::sign_in::sign_out(
                &state.profiles,
                state.secrets.as_ref(),
                &s.profile,
            )
            .map_err(sign_out_error)?;
            tell_set_aside(state, out.set_aside);
            forget_app_profile(state, &s.profile);
            state.last_known.forget(&s.profile);
        }
        log::info!("signed out of {}", describe(&s));
    }
    Ok(SessionInfo::of(None))
}

/// Forgets a saved profile: its keyring entry and its entry in the shared store (signing
/// out first when it is the current session).
pub async fn remove_profile(state: &AppState, name: &str) -> Result<Settings, AppError> {
    let current = state.current().await;
    if current
        .as_ref()
        .is_some_and(|s| !s.sandbox && s.profile == name)
    {
        *state.session.write().await = None;
    }
    let out = barrack_credentials::sign_in::remove(&state.profiles, state.secrets.as_ref(), name)
        .map_err(sign_out_error)?;
    tell_set_aside(state, out.set_aside);
    forget_app_profile(state, name);
    state.last_known.forget(name);
    settings_for_ui(state)
}

/// Signs in to a saved profile with the key from the keyring (no network), and makes it the
/// app's profile (not the CLI's default).
pub async fn use_profile(state: &AppState, name: &str) -> Result<SessionInfo, AppError> {
    let profiles = load_profiles(state)?;
    let profile = profiles
        .profiles
        .get(name)
        .map(|p| Profile::from_stored(name, p))
        .ok_or_else(|| validation("profile", format!("There is no profile {name:?}")))?;
    let Some(key) = state.secrets.get(name)? else {
        return Err(AppError::new(
            AppErrorCode::NotSignedIn,
            format!("Profile {name:?} has no key in the keyring; sign in again."),
        ));
    };
    // A stored profile whose address could not be read has none (barrack-credentials'
    // profiles.rs): it sends its key nowhere until the user signs in to it again.
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
    remember_app_profile(state, name);
    *state.session.write().await = Some(session.clone());
    state.poke_poller();
    log::info!("using profile {name:?} at {}", session.base_url);
    Ok(SessionInfo::of(Some(&session)))
}

/// At start: the profile [`app_profile`] names, if its key is in the keyring.
pub async fn restore(state: &AppState) -> Result<SessionInfo, AppError> {
    let profiles = load_profiles(state)?;
    let settings = state.settings.load()?;
    match app_profile(&settings, &profiles) {
        Some(name) => use_profile(state, &name).await,
        None => Ok(SessionInfo::of(None)),
    }
}

/// Starts the emulator inside the app (127.0.0.1, random port, the sandbox seed) and signs
/// in to it with its throw-away key, which is never stored.
#[cfg(feature = "sandbox")]
pub async fn start_sandbox(state: &AppState) -> Result<SessionInfo, AppError> {
    let mut guard = state.sandbox.lock().await;
    if guard.is_none() {
        let cfg = barrack_sim::SimConfig {
            seed: barrack_sim::Seed::Sandbox,
            time_scale: state.sandbox_time_scale(),
            ..Default::default()
        };
        let sim = barrack_sim::start(cfg)
            .await
            .map_err(|e| {
                AppError::new(
                    AppErrorCode::Sandbox,
                    format!("The sandbox could not start: {e}"),
                )
            })
            .inspect_err(|e| crate::logs::failed("the sandbox's start", e))?;
        log::info!("sandbox: the emulator listens on {}", sim.url());
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

/// Built without the `sandbox` feature: the sandbox (sign-in screen, `--sandbox`) is refused
/// with a code of its own.
#[cfg(not(feature = "sandbox"))]
pub async fn start_sandbox(_state: &AppState) -> Result<SessionInfo, AppError> {
    Err(AppError::new(
        AppErrorCode::SandboxNotBuiltIn,
        "This build of Barrack Desktop has no sandbox (built without the `sandbox` feature)",
    ))
}

/// A session as the log names it: its profile, or the sandbox (never its key or hint).
fn describe(s: &Session) -> String {
    if s.sandbox {
        "the sandbox".to_owned()
    } else {
        format!("profile {:?}", s.profile)
    }
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
    use barrack_credentials::profiles::{ProfileStore, Profiles};
    use barrack_credentials::{MemoryStore, SecretStore};
    use std::sync::Arc;

    fn state() -> (AppState, Arc<MemoryStore>, Arc<ProfileStore>) {
        let secrets = Arc::new(MemoryStore::default());
        let profiles = Arc::new(ProfileStore::in_memory());
        (
            AppState::new(secrets.clone(), Arc::new(MemorySettings::default()))
                .with_profiles(profiles.clone()),
            secrets,
            profiles,
        )
    }

    fn restarted(secrets: &Arc<MemoryStore>, profiles: &Arc<ProfileStore>) -> AppState {
        AppState::new(secrets.clone(), Arc::new(MemorySettings::default()))
            .with_profiles(profiles.clone())
    }

    #[tokio::test]
    async fn sign_in_checks_the_key_before_saving_it() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let (st, secrets, profiles) = state();
        let wrong = SignInRequest {
            profile: Some("work".into()),
            base_url: Some(sim.url()),
            auth_scheme: None,
            api_key: "sk-wrong-0000".into(),
        };
        let err = sign_in(&st, wrong).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::Unauthorized);
        assert!(secrets.get("work").unwrap().is_none(), "nothing stored");
        assert_eq!(profiles.load().unwrap().profiles, Profiles::default());
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
        let stored = profiles.load().unwrap().profiles;
        assert_eq!(stored.default.as_deref(), Some("work"));
        assert_eq!(
            stored.profiles["work"].base_url.as_deref(),
            Some(sim.url().as_str())
        );
        assert_eq!(
            stored.profiles["work"].auth_scheme.as_deref(),
            Some("x-api-key")
        );
        let saved = format!("{stored:?}{:?}", st.settings.load().unwrap());
        assert!(
            !saved.contains(&sim.api_key),
            "the key is not in the profiles or settings: {saved}"
        );
        assert!(
            !serde_json::to_string(&info).unwrap().contains(&sim.api_key),
            "nor in what the UI sees"
        );
        assert!(st.client().await.unwrap().get_balance().await.is_ok());

        // A restart restores the session from the keyring.
        let st2 = restarted(&secrets, &profiles);
        let info = restore(&st2).await.unwrap();
        assert_eq!(info.profile.as_deref(), Some("work"));
        assert!(st2.client().await.unwrap().get_balance().await.is_ok());

        // Removing another profile deletes its entry and its profile.
        secrets
            .set("other", &ApiKey::new("sk-other-1234567890"))
            .unwrap();
        profiles
            .update(|p| {
                p.profiles.insert("other".into(), Default::default());
            })
            .unwrap();
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
            !restore(&restarted(&secrets, &profiles))
                .await
                .unwrap()
                .signed_in
        );
    }

    #[tokio::test]
    async fn a_sign_in_whose_profile_cannot_be_saved_leaves_the_keyring_as_it_was() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        // A profiles file whose folder is a file: every save fails (a read-only folder).
        let dir = std::env::temp_dir().join(format!(
            "brk-session-unsavable-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        std::fs::write(&dir, "").unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let st = AppState::new(secrets.clone(), Arc::new(MemorySettings::default()))
            .with_profiles(Arc::new(ProfileStore::at(dir.join("profiles.json"))));
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

        // An entry before (the key for the address the store still names): it comes back.
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
        let _ = std::fs::remove_file(&dir);
    }

    #[tokio::test]
    async fn a_profile_whose_address_was_lost_sends_its_key_nowhere() {
        let (st, secrets, profiles) = state();
        // As decoded from a profiles file whose base_url could not be read.
        let (stored, _) = barrack_credentials::profiles::decode(&serde_json::json!({
            "profiles": {"work": {"base_url": 42, "key_hint": "…abcd"}},
            "default": "work"
        }));
        profiles.save(&stored).unwrap();
        secrets
            .set("work", &ApiKey::new("sk-work-1234567890"))
            .unwrap();
        let err = restore(&st).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::NotSignedIn);
        assert!(st.current().await.is_none());
        assert_eq!(profiles.load().unwrap().profiles.profiles.len(), 1, "kept");
    }

    /// What `barrack login` leaves (the profile store in the configuration folder, the key
    /// in the OS keyring), opened by the app's start-up restore.
    #[tokio::test]
    async fn a_profile_made_by_the_clis_login_opens_signed_in() {
        use barrack_credentials::sign_in::{sign_in as shared_sign_in, SignIn};
        use barrack_credentials::OsKeyring;
        if !barrack_credentials::ci::secret_service_usable(
            "a_profile_made_by_the_clis_login_opens_signed_in",
        ) {
            return;
        }
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let dir = std::env::temp_dir().join(format!(
            "brk-session-cli-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        let file = dir.join("profiles.json");
        let name = format!("test-cli-restore-{}", std::process::id());
        // As `barrack --profile NAME --auth-scheme x-api-key login` does it (cmd/auth.rs).
        let scheme: AuthScheme = "x-api-key".parse().unwrap();
        let key = ApiKey::new(sim.api_key.clone());
        let checker = client(&sim.url(), &scheme, key.clone()).unwrap();
        shared_sign_in(
            &ProfileStore::at(&file),
            &OsKeyring,
            SignIn {
                profile: name.clone(),
                base_url: sim.url(),
                auth_scheme: scheme,
                key,
            },
            || async { checker.get_balance().await },
        )
        .await
        .unwrap();

        let st = AppState::new(Arc::new(OsKeyring), Arc::new(MemorySettings::default()))
            .with_profiles(Arc::new(ProfileStore::at(&file)));
        let info = restore(&st).await;
        let ui = settings_for_ui(&st);
        let _ = OsKeyring.delete(&name);
        let _ = std::fs::remove_dir_all(&dir);
        let info = info.unwrap();
        assert!(info.signed_in, "{info:?}");
        assert_eq!(info.profile.as_deref(), Some(name.as_str()));
        assert_eq!(info.base_url.as_deref(), Some(sim.url().as_str()));
        assert!(st.client().await.unwrap().get_balance().await.is_ok());
        let ui = ui.unwrap();
        assert_eq!(ui.profile(&name).unwrap().auth_scheme, "x-api-key");
        assert_eq!(ui.active_profile.as_deref(), Some(name.as_str()));
    }

    /// The store's `default` is the CLI's: the app's sign-in, switching and sign-out of
    /// another profile leave it alone; the app opens its own last-used profile.
    #[tokio::test]
    async fn the_app_keeps_its_own_profile_and_leaves_the_clis_default() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let settings = Arc::new(MemorySettings::default());
        let profiles = Arc::new(ProfileStore::in_memory());
        profiles
            .update(|p| {
                p.default = Some("cli".into());
                p.profiles.insert("cli".into(), Default::default());
            })
            .unwrap();
        let open =
            || AppState::new(secrets.clone(), settings.clone()).with_profiles(profiles.clone());
        let st = open();
        let req = |profile: &str| SignInRequest {
            profile: Some(profile.into()),
            base_url: Some(sim.url()),
            auth_scheme: None,
            api_key: sim.api_key.clone(),
        };
        let default = || profiles.load().unwrap().profiles.default;

        sign_in(&st, req("work")).await.unwrap();
        sign_in(&st, req("lab")).await.unwrap();
        assert_eq!(
            default().as_deref(),
            Some("cli"),
            "sign-in does not move it"
        );
        assert_eq!(
            settings.load().unwrap().active_profile.as_deref(),
            Some("lab")
        );
        use_profile(&st, "work").await.unwrap();
        assert_eq!(default().as_deref(), Some("cli"), "nor does switching");
        let ui = settings_for_ui(&st).unwrap();
        assert_eq!(ui.active_profile.as_deref(), Some("work"));
        assert!(
            settings.load().unwrap().profiles.is_empty(),
            "profiles stay in the shared store"
        );

        // A restart opens the app's profile, not the CLI's default.
        let info = restore(&open()).await.unwrap();
        assert_eq!(info.profile.as_deref(), Some("work"));

        // Signing out of it forgets it for the app and leaves the CLI's default.
        sign_out(&st).await.unwrap();
        assert_eq!(default().as_deref(), Some("cli"));
        assert_eq!(settings.load().unwrap().active_profile, None);

        // The app's profile removed from the store (by the CLI): the store's default opens.
        use_profile(&st, "lab").await.unwrap();
        profiles
            .update(|p| {
                p.profiles.remove("lab");
                p.default = Some("work".into());
                p.profiles.insert(
                    "work".into(),
                    barrack_credentials::profiles::Profile {
                        base_url: Some(sim.url()),
                        ..Default::default()
                    },
                );
            })
            .unwrap();
        secrets
            .set("work", &ApiKey::new(sim.api_key.clone()))
            .unwrap();
        let info = restore(&open()).await.unwrap();
        assert_eq!(info.profile.as_deref(), Some("work"));
    }

    /// A profiles file from an older CLI: no default named, a `default` profile signed in.
    #[tokio::test]
    async fn an_older_clis_default_profile_opens_signed_in() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let (st, secrets, profiles) = state();
        let (stored, _) = barrack_credentials::profiles::decode(&serde_json::json!({
            "profiles": {"default": {"base_url": sim.url(), "key_hint": "…abcd"}}
        }));
        profiles.save(&stored).unwrap();
        secrets
            .set("default", &ApiKey::new(sim.api_key.clone()))
            .unwrap();
        let info = restore(&st).await.unwrap();
        assert_eq!(info.profile.as_deref(), Some("default"));
        assert!(st.client().await.unwrap().get_balance().await.is_ok());
    }

    #[tokio::test]
    async fn a_damaged_profiles_file_is_told_once() {
        let dir = std::env::temp_dir().join(format!(
            "brk-session-damaged-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("profiles.json"), "{\"default\": ").unwrap();
        let st = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        )
        .with_profiles(Arc::new(ProfileStore::at(dir.join("profiles.json"))));
        assert!(!restore(&st).await.unwrap().signed_in);
        let notices = st.notices.take();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert_eq!(
            notices[0].kind,
            crate::notices::AppNoticeKind::SettingsDamaged
        );
        assert!(notices[0].message.contains("profiles.json.damaged-"));
        settings_for_ui(&st).unwrap();
        assert!(st.notices.take().is_empty(), "told once");
        let _ = std::fs::remove_dir_all(&dir);
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

    #[cfg(feature = "sandbox")]
    #[tokio::test]
    async fn sandbox_starts_with_a_seeded_account_and_stores_nothing() {
        let (st, secrets, profiles) = state();
        let info = start_sandbox(&st).await.unwrap();
        assert!(info.sandbox && info.signed_in);
        let balance = st.client().await.unwrap().get_balance().await.unwrap();
        assert!(balance.primary() > 0.0);
        assert!(secrets.get("sandbox").unwrap().is_none());
        assert_eq!(profiles.load().unwrap().profiles, Profiles::default());
        sign_out(&st).await.unwrap();
        assert!(
            st.sandbox.lock().await.is_none(),
            "the sandbox stops with sign-out"
        );
    }

    #[tokio::test]
    async fn the_session_answer_says_whether_the_sandbox_is_built_in() {
        let (st, _, _) = state();
        assert_eq!(
            session_info(&st).await.sandbox_built_in,
            cfg!(feature = "sandbox")
        );
    }

    /// `cargo test -p barrack-core --no-default-features --lib not_built_in`
    #[cfg(not(feature = "sandbox"))]
    #[tokio::test]
    async fn without_the_feature_the_sandbox_is_refused_as_not_built_in() {
        let (st, _, _) = state();
        let err = start_sandbox(&st).await.unwrap_err();
        assert_eq!(err.code, AppErrorCode::SandboxNotBuiltIn);
        let info = session_info(&st).await;
        assert!(!info.signed_in && !info.sandbox_built_in);
        assert!(st.sandbox.lock().await.is_none());
    }
}
