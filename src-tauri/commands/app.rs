//! The app's own commands: session, profiles, sandbox, settings, check connection (the
//! logic is barrack-core's `session`).

use crate::error::AppError;
use crate::guard::guarded;
use crate::session::{self, SessionInfo, SignInRequest};
use crate::settings::{Preferences, Settings};
use crate::state::AppState;
use barrack_api::probe::ProbeResult;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn get_session(state: State<'_, AppState>) -> Result<SessionInfo, AppError> {
    guarded(async move { Ok(session::session_info(&state).await) }).await
}

/// Checks the key with a real call, then keeps it in the OS keyring only.
#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    request: SignInRequest,
) -> Result<SessionInfo, AppError> {
    guarded(async move { session::sign_in(&state, request).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>) -> Result<SessionInfo, AppError> {
    guarded(async move { session::sign_out(&state).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn use_profile(
    state: State<'_, AppState>,
    name: String,
) -> Result<SessionInfo, AppError> {
    guarded(async move { session::use_profile(&state, &name).await }).await
}

/// Forgets a saved profile and deletes its key from the keyring.
#[tauri::command]
#[specta::specta]
pub async fn remove_profile(
    state: State<'_, AppState>,
    name: String,
) -> Result<Settings, AppError> {
    guarded(async move { session::remove_profile(&state, &name).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn start_sandbox(state: State<'_, AppState>) -> Result<SessionInfo, AppError> {
    guarded(async move { session::start_sandbox(&state).await }).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    guarded(async move { session::settings_for_ui(&state) }).await
}

/// Saves the UI's preferences into the stored settings. Only preferences: profiles, the
/// active profile and the window are never taken from the webview (a profile's address,
/// auth scheme and key change together through sign-in only), so a script cannot point
/// the stored key at another server. Answers the whole settings, as saved.
#[tauri::command]
#[specta::specta]
pub async fn set_settings(
    state: State<'_, AppState>,
    settings: Preferences,
) -> Result<Settings, AppError> {
    guarded(async move { session::set_preferences(&state, settings) }).await
}

/// Probes every read endpoint of the current account (Settings › Check connection).
#[tauri::command]
#[specta::specta]
pub async fn check_connection(state: State<'_, AppState>) -> Result<Vec<ProbeResult>, AppError> {
    guarded(async move { session::check_connection(&state).await }).await
}

/// What the window must tell the user once (a damaged settings file kept aside, timers that
/// fired late, …); the queue is empty afterwards.
#[tauri::command]
#[specta::specta]
pub async fn take_app_notices(
    state: State<'_, AppState>,
) -> Result<Vec<crate::notices::AppNotice>, AppError> {
    guarded(async move { Ok(state.notices.take()) }).await
}

#[cfg(test)]
mod tests {
    //! Through the real IPC path (tauri's mock runtime): what a script in the webview sends.
    use crate::error::AppError;
    use crate::settings::{Profile, Settings};
    use crate::state::{AppState, MemorySettings, SettingsBackend};
    use barrack_credentials::{MemoryStore, SecretStore};
    use serde_json::{json, Value};
    use std::sync::Arc;
    use std::time::Duration;
    use tauri::ipc::{CallbackFn, InvokeBody, InvokeError, InvokeResponse};
    use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    struct Ui {
        _app: tauri::App<MockRuntime>,
        webview: tauri::WebviewWindow<MockRuntime>,
    }

    fn ui(state: AppState) -> Ui {
        let app = mock_builder()
            .invoke_handler(tauri::generate_handler![
                super::get_settings,
                super::set_settings,
                crate::commands::api::create_ssh_key,
            ])
            .manage(state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Ui { _app: app, webview }
    }

    impl Ui {
        /// Calls a command as the webview does; a command that never answers fails the test.
        fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            let request = InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            };
            let webview: &tauri::Webview<MockRuntime> = self.webview.as_ref();
            webview.clone().on_message(
                request,
                Box::new(move |_w, _c, response, _cb, _e| {
                    let _ = tx.send(response);
                }),
            );
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(InvokeResponse::Ok(body)) => Ok(body.deserialize().unwrap()),
                Ok(InvokeResponse::Err(InvokeError(v))) => Err(v),
                Err(_) => panic!("{cmd} never answered: the webview's promise would hang"),
            }
        }
    }

    fn signed_in_settings(base_url: &str) -> Settings {
        Settings {
            profiles: vec![Profile {
                name: "work".into(),
                base_url: base_url.into(),
                auth_scheme: "x-api-key".into(),
                key_hint: Some("…abcd".into()),
            }],
            active_profile: Some("work".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_script_cannot_point_the_stored_key_at_another_server() {
        let sim = tauri::async_runtime::block_on(barrack_sim::start(Default::default())).unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let settings = Arc::new(MemorySettings::default());
        let original = signed_in_settings(&sim.url());
        // The profile as sign-in stores it: in the profile store shared with the CLI.
        let profiles = Arc::new(barrack_credentials::profiles::ProfileStore::in_memory());
        let mut stored_profiles = barrack_credentials::profiles::Profiles {
            default: Some("work".into()),
            ..Default::default()
        };
        stored_profiles
            .profiles
            .insert("work".into(), original.profiles[0].to_stored());
        profiles.save(&stored_profiles).unwrap();
        secrets
            .set("work", &barrack_api::ApiKey::new(sim.api_key.clone()))
            .unwrap();
        let ui =
            ui(AppState::new(secrets.clone(), settings.clone()).with_profiles(profiles.clone()));

        // Where a script would like the key to go: a loopback listener that counts visits.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let elsewhere = format!("http://{}/api/", listener.local_addr().unwrap());

        // The whole settings object as the old UI sent it, with the profile moved elsewhere.
        let mut hostile = serde_json::to_value(&original).unwrap();
        hostile["profiles"][0]["baseUrl"] = json!(elsewhere);
        hostile["profiles"][0]["authScheme"] = json!("header:X-Leak");
        hostile["profiles"]
            .as_array_mut()
            .unwrap()
            .push(json!({"name": "evil", "baseUrl": elsewhere, "authScheme": "bearer"}));
        hostile["activeProfile"] = json!("evil");
        hostile["theme"] = json!("dark");
        let saved = ui
            .invoke("set_settings", json!({ "settings": hostile }))
            .expect("the preferences in it are saved");
        assert_eq!(saved["theme"], "dark");
        assert_eq!(saved["profiles"], json!([original.profiles[0]]));
        assert_eq!(saved["activeProfile"], "work");

        assert_eq!(
            profiles.load().unwrap().profiles,
            stored_profiles,
            "profiles unchanged"
        );
        let stored = settings.load().unwrap();
        assert!(stored.profiles.is_empty(), "and not kept in the settings");
        assert_eq!(stored.active_profile, None);

        // The next start builds its client to the ORIGINAL server, and the key works there.
        let restarted = AppState::new(secrets, settings).with_profiles(profiles);
        tauri::async_runtime::block_on(async {
            let info = crate::session::restore(&restarted).await.unwrap();
            assert_eq!(info.base_url.as_deref(), Some(sim.url().as_str()));
            restarted
                .client()
                .await
                .unwrap()
                .get_balance()
                .await
                .unwrap();
        });
        assert!(
            listener.accept().is_err(),
            "nothing was sent to the address the script named"
        );
    }

    #[test]
    fn bad_preferences_are_refused_with_their_field() {
        let settings = Arc::new(MemorySettings::default());
        let ui = ui(AppState::new(
            Arc::new(MemoryStore::default()),
            settings.clone(),
        ));
        let mut prefs = serde_json::to_value(Settings::default()).unwrap();
        prefs["pollFastSecs"] = json!(0);
        let err = ui
            .invoke("set_settings", json!({ "settings": prefs }))
            .unwrap_err();
        assert_eq!(err["code"], "Validation");
        assert_eq!(err["field"], "pollFastSecs");
        assert_eq!(settings.load().unwrap(), Settings::default());
    }

    /// Settings whose reading panics (a bug anywhere below a command).
    struct PanickingSettings;

    impl SettingsBackend for PanickingSettings {
        fn load(&self) -> Result<Settings, AppError> {
            panic!("a bug while reading the settings")
        }
        fn save(&self, _: &Settings) -> Result<(), AppError> {
            panic!("a bug while writing the settings")
        }
    }

    #[test]
    fn a_command_that_panics_answers_internal() {
        let ui = ui(AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(PanickingSettings),
        ));
        for _ in 0..2 {
            let err = ui.invoke("get_settings", json!({})).unwrap_err();
            assert_eq!(err["code"], "Internal", "{err}");
            assert_eq!(err["message"], crate::guard::INTERNAL_MESSAGE);
        }
        let prefs = serde_json::to_value(Settings::default()).unwrap();
        let err = ui
            .invoke("set_settings", json!({ "settings": prefs }))
            .unwrap_err();
        assert_eq!(err["code"], "Internal");
    }

    #[test]
    fn create_ssh_key_never_hands_a_private_key_to_the_webview() {
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        );
        tauri::async_runtime::block_on(crate::session::start_sandbox(&state)).unwrap();
        let client = tauri::async_runtime::block_on(state.client()).unwrap();
        let ui = ui(state);
        // Called directly, without a public key: the server generates the pair.
        let created = ui
            .invoke(
                "create_ssh_key",
                json!({ "body": { "name": "direct-call" } }),
            )
            .expect("the key is created");
        assert!(created["private_key"].is_null(), "{created}");
        let text = created.to_string();
        assert!(!text.contains("PRIVATE KEY"), "{text}");
        // The server did generate one (so there was something to strip).
        let id = created["ssh_key"]["id"].as_str().unwrap().to_owned();
        assert!(!id.is_empty());
        let again = tauri::async_runtime::block_on(client.create_ssh_key(
            &barrack_api::types::CreateSSHKeyRequest {
                name: "direct-client".into(),
                public_key: None,
            },
        ))
        .unwrap();
        assert!(again.private_key.is_some_and(|k| k.contains("PRIVATE KEY")));
    }
}
