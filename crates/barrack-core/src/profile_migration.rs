//! Moves the profiles an older app kept in settings.json into the profile store shared with
//! the CLI (barrack-credentials' `profiles.json`), at start, so there is one list and one
//! sign-in for both.
//!
//! The rule: settings.json is read with its tolerant decoding (barrack-core's settings.rs:
//! no profile is dropped, a lost name becomes `recovered-N`, a lost address stays empty,
//! never the default). A profile whose name the store does not have is moved as it is. One
//! it already has (made by `barrack login`) with the same address keeps the store's. With
//! another address, the keyring decides: its entry of that name (one for both) holds the
//! key of whichever signed in last, so the side whose key hint is that key's hint is kept;
//! if neither or both match (or the keyring cannot be read), the profile is kept with no
//! address (`""`), which sends its key nowhere until the user signs in to it again — a key
//! is never sent to a server it was not entered for. The log says which.
//!
//! The app's active profile stays in settings.json (it is the app's preference, see
//! barrack-core's session.rs) and becomes the store's default only when the store has
//! none. The profiles leave settings.json only after the store has them, so a failed move
//! is tried again at the next start.

use crate::error::AppError;
use crate::state::AppState;
use barrack_credentials::profiles::Profile;
use std::collections::BTreeMap;

/// What happened, by profile name.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Moved {
    /// Moved from settings.json into the store.
    pub moved: Vec<String>,
    /// Already in the store under the same name: the store's was kept, the app's dropped.
    pub kept_from_store: Vec<String>,
    /// Already in the store with another address, but the keyring's key is the app's: the
    /// app's replaced the store's.
    pub kept_from_app: Vec<String>,
    /// In both with different addresses and the keyring's key matching neither (or both):
    /// kept with no address, to be signed in to again.
    pub address_cleared: Vec<String>,
}

/// Which of two profiles of one name to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Store,
    App,
    Neither,
}

/// `stored` and `app` are the store's and settings.json's profile of one name; `key_hint`
/// is the hint of the key the keyring holds under that name (`None`: no key, or unreadable).
fn which_to_keep(stored: &Profile, app: &Profile, key_hint: Option<&str>) -> Keep {
    if stored.base_url_or_default() == app.base_url_or_default() {
        return Keep::Store;
    }
    let is_the_key = |p: &Profile| match (p.key_hint.as_deref(), key_hint) {
        (Some(h), Some(k)) => same_hint(h, k),
        _ => false,
    };
    match (is_the_key(stored), is_the_key(app)) {
        (true, false) => Keep::Store,
        (false, true) => Keep::App,
        _ => Keep::Neither,
    }
}

/// Hints are "…abcd" (`ApiKey::hint`); an older app may have kept "abcd". A key too short
/// to have a hint ("…") matches nothing.
fn same_hint(a: &str, b: &str) -> bool {
    let tail = |h: &str| h.trim().trim_start_matches('…').to_owned();
    let (a, b) = (tail(a), tail(b));
    !a.is_empty() && a == b
}

/// The hint of the key the keyring holds under `name`; `None` when there is none or the
/// keyring cannot be read (then no side can be shown to own it).
fn keyring_hint(state: &AppState, name: &str) -> Option<String> {
    match state.secrets.get(name) {
        Ok(key) => key.map(|k| k.hint()),
        Err(e) => {
            eprintln!("profiles: the keyring entry of {name:?} could not be read: {e}");
            None
        }
    }
}

pub fn move_profiles_from_settings(state: &AppState) -> Result<Moved, AppError> {
    let mut settings = state.settings.load()?;
    if settings.profiles.is_empty() {
        return Ok(Moved::default());
    }
    let legacy = std::mem::take(&mut settings.profiles);
    let legacy_active = settings.active_profile.clone();
    // Read before the store is locked (the keyring may be slow to answer).
    let hints: BTreeMap<&str, Option<String>> = legacy
        .iter()
        .map(|p| (p.name.as_str(), keyring_hint(state, &p.name)))
        .collect();
    let ((moved, active), set_aside) = state
        .profiles
        .update(|store| {
            let mut moved = Moved::default();
            for p in &legacy {
                let app = p.to_stored();
                let Some(stored) = store.profiles.get_mut(&p.name) else {
                    store.profiles.insert(p.name.clone(), app);
                    moved.moved.push(p.name.clone());
                    continue;
                };
                let key_hint = hints.get(p.name.as_str()).cloned().flatten();
                match which_to_keep(stored, &app, key_hint.as_deref()) {
                    Keep::Store => moved.kept_from_store.push(p.name.clone()),
                    Keep::App => {
                        *stored = app;
                        moved.kept_from_app.push(p.name.clone());
                    }
                    Keep::Neither => {
                        stored.base_url = Some(String::new());
                        stored.key_hint = key_hint;
                        moved.address_cleared.push(p.name.clone());
                    }
                }
            }
            let active = match (&store.default, legacy_active) {
                (None, Some(a)) if store.profiles.contains_key(&a) => {
                    store.default = Some(a.clone());
                    Some(a)
                }
                _ => None,
            };
            (moved, active)
        })
        .map_err(|e| {
            AppError::new(
                crate::error::AppErrorCode::Settings,
                format!("The app's profiles could not be moved to the shared profiles file: {e}"),
            )
        })?;
    crate::session::tell_set_aside(state, set_aside);
    // Only now that the store has them.
    state.settings.save(&settings)?;
    for name in &moved.moved {
        eprintln!("profiles: moved {name:?} from settings.json to the shared profiles file");
    }
    for name in &moved.kept_from_store {
        eprintln!(
            "profiles: {name:?} is in both settings.json and the shared profiles file; \
             the shared file's (the CLI's) was kept and the app's dropped"
        );
    }
    for name in &moved.kept_from_app {
        eprintln!(
            "profiles: {name:?} is in both settings.json and the shared profiles file with \
             different addresses; the keyring holds the app's key, so the app's was kept"
        );
    }
    for name in &moved.address_cleared {
        eprintln!(
            "profiles: {name:?} is in both settings.json and the shared profiles file with \
             different addresses, and the keyring's key matches neither (or both); it was \
             kept with no address and must be signed in to again"
        );
    }
    if let Some(a) = active {
        eprintln!("profiles: {a:?} (the app's active profile) is now the default profile");
    }
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use barrack_credentials::profiles::{Profile, ProfileStore, Profiles};
    use std::sync::Arc;

    #[test]
    fn a_profile_the_cli_already_has_keeps_the_clis() {
        let settings = Arc::new(crate::state::MemorySettings::default());
        let s = crate::settings::Settings {
            profiles: vec![
                crate::settings::Profile {
                    name: "default".into(),
                    base_url: "https://old.example/api/".into(),
                    auth_scheme: "bearer".into(),
                    key_hint: Some("…app1".into()),
                },
                crate::settings::Profile {
                    name: "home".into(),
                    base_url: "https://barrack.ai/api/".into(),
                    auth_scheme: "bearer".into(),
                    key_hint: None,
                },
            ],
            active_profile: Some("home".into()),
            ..Default::default()
        };
        crate::state::SettingsBackend::save(settings.as_ref(), &s).unwrap();
        let store = Arc::new(ProfileStore::in_memory());
        let cli = Profile {
            base_url: Some("https://barrack.ai/api/".into()),
            auth_scheme: None,
            key_hint: Some("…cli1".into()),
        };
        let mut from_cli = Profiles {
            default: Some("default".into()),
            ..Default::default()
        };
        from_cli.profiles.insert("default".into(), cli.clone());
        store.save(&from_cli).unwrap();
        // The keyring holds the CLI's key (it signed in last).
        let secrets = Arc::new(barrack_credentials::MemoryStore::default());
        barrack_credentials::SecretStore::set(
            secrets.as_ref(),
            "default",
            &barrack_api::ApiKey::new("sk-from-the-cli-cli1"),
        )
        .unwrap();
        let state = AppState::new(secrets, settings.clone()).with_profiles(store.clone());

        let moved = move_profiles_from_settings(&state).unwrap();
        assert_eq!(moved.moved, ["home"]);
        assert_eq!(moved.kept_from_store, ["default"]);
        let p = store.load().unwrap().profiles;
        assert_eq!(p.profiles["default"], cli, "the CLI's is kept");
        assert_eq!(
            p.default.as_deref(),
            Some("default"),
            "the store's default stays"
        );
        let left = crate::state::SettingsBackend::load(settings.as_ref()).unwrap();
        assert!(left.profiles.is_empty());
        assert_eq!(left.active_profile.as_deref(), Some("home"), "the app's");
    }

    /// Names whose keyring entries are deleted at the end, even on failure.
    struct Entries(Vec<String>);

    impl Drop for Entries {
        fn drop(&mut self) {
            for name in &self.0 {
                let _ =
                    barrack_credentials::SecretStore::delete(&barrack_credentials::OsKeyring, name);
            }
        }
    }

    /// One name, two addresses: the real keyring's key decides which is kept, and when it
    /// matches neither side the profile keeps no address and sends its key nowhere.
    #[tokio::test]
    async fn the_keyrings_key_decides_between_two_addresses() {
        use barrack_api::ApiKey;
        use barrack_credentials::{OsKeyring, SecretStore};
        if !barrack_credentials::ci::secret_service_usable(
            "the_keyrings_key_decides_between_two_addresses",
        ) {
            return;
        }
        let tag = format!("test-migrate-{}", std::process::id());
        let [to_cli, to_app, to_neither, to_both] =
            ["cli", "app", "neither", "both"].map(|s| format!("{tag}-{s}"));
        let _cleanup = Entries(vec![
            to_cli.clone(),
            to_app.clone(),
            to_neither.clone(),
            to_both.clone(),
        ]);
        let cli_key = ApiKey::new("sk-entered-in-the-cli-c111");
        let app_key = ApiKey::new("sk-entered-in-the-app-a222");
        let other_key = ApiKey::new("sk-entered-elsewhere-z999");
        OsKeyring.set(&to_cli, &cli_key).unwrap();
        OsKeyring.set(&to_app, &app_key).unwrap();
        OsKeyring.set(&to_neither, &other_key).unwrap();
        OsKeyring.set(&to_both, &cli_key).unwrap();

        let cli_url = "https://cli.example/api/";
        let app_url = "https://app.example/api/";
        let store = Arc::new(ProfileStore::in_memory());
        let mut from_cli = Profiles::default();
        for name in [&to_cli, &to_app, &to_neither, &to_both] {
            from_cli.profiles.insert(
                name.clone(),
                Profile {
                    base_url: Some(cli_url.into()),
                    auth_scheme: None,
                    key_hint: Some(cli_key.hint()),
                },
            );
        }
        store.save(&from_cli).unwrap();
        let app_profile = |name: &str, hint: String| crate::settings::Profile {
            name: name.into(),
            base_url: app_url.into(),
            auth_scheme: "x-api-key".into(),
            key_hint: Some(hint),
        };
        let settings = Arc::new(crate::state::MemorySettings::default());
        let s = crate::settings::Settings {
            profiles: vec![
                app_profile(&to_cli, app_key.hint()),
                app_profile(&to_app, app_key.hint()),
                app_profile(&to_neither, app_key.hint()),
                // Both sides claim the key: nothing says which address it was entered for.
                app_profile(&to_both, cli_key.hint()),
            ],
            ..Default::default()
        };
        crate::state::SettingsBackend::save(settings.as_ref(), &s).unwrap();
        let state = AppState::new(Arc::new(OsKeyring), settings).with_profiles(store.clone());

        let moved = move_profiles_from_settings(&state).unwrap();
        assert_eq!(moved.kept_from_store, std::slice::from_ref(&to_cli));
        assert_eq!(moved.kept_from_app, std::slice::from_ref(&to_app));
        assert_eq!(moved.address_cleared, [to_neither.clone(), to_both.clone()]);
        let p = store.load().unwrap().profiles;
        assert_eq!(p.profiles[&to_cli].base_url.as_deref(), Some(cli_url));
        assert_eq!(p.profiles[&to_app].base_url.as_deref(), Some(app_url));
        assert_eq!(
            p.profiles[&to_app].auth_scheme.as_deref(),
            Some("x-api-key")
        );
        assert_eq!(p.profiles[&to_app].key_hint, Some(app_key.hint()));
        for name in [&to_neither, &to_both] {
            assert_eq!(p.profiles[name].base_url.as_deref(), Some(""), "{name}");
            // Sends nothing: the app refuses it until it is signed in to again.
            let err = crate::session::use_profile(&state, name).await.unwrap_err();
            assert_eq!(err.code, crate::error::AppErrorCode::NotSignedIn, "{name}");
            assert!(state.current().await.is_none());
        }
        assert_eq!(p.profiles[&to_neither].key_hint, Some(other_key.hint()));
    }
}
