//! The app's own commands: session, profiles, sandbox, settings, check connection.

use crate::error::AppError;
use crate::session::{self, SessionInfo, SignInRequest};
use crate::settings::Settings;
use crate::state::AppState;
use barrack_api::probe::ProbeResult;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn get_session(state: State<'_, AppState>) -> Result<SessionInfo, AppError> {
    // Wait for the start-up restore (a few milliseconds; the keyring and no network).
    let startup_error = state.startup.lock().await.clone();
    let mut info = SessionInfo::of(state.current().await.as_ref());
    if !info.signed_in {
        info.startup_error = startup_error;
    }
    Ok(info)
}

/// Checks the key with a real call, then keeps it in the OS keyring only.
#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    request: SignInRequest,
) -> Result<SessionInfo, AppError> {
    session::sign_in(&state, request).await
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>) -> Result<SessionInfo, AppError> {
    session::sign_out(&state).await
}

#[tauri::command]
#[specta::specta]
pub async fn use_profile(
    state: State<'_, AppState>,
    name: String,
) -> Result<SessionInfo, AppError> {
    session::use_profile(&state, &name).await
}

/// Forgets a saved profile and deletes its key from the keyring.
#[tauri::command]
#[specta::specta]
pub async fn remove_profile(
    state: State<'_, AppState>,
    name: String,
) -> Result<Settings, AppError> {
    session::remove_profile(&state, &name).await
}

#[tauri::command]
#[specta::specta]
pub async fn start_sandbox(state: State<'_, AppState>) -> Result<SessionInfo, AppError> {
    session::start_sandbox(&state).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    state.settings.load()
}

/// Saves settings. Profiles' key hints are kept from the stored copy: the UI cannot set them.
#[tauri::command]
#[specta::specta]
pub async fn set_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, AppError> {
    settings.validate()?;
    let stored = state.settings.load()?;
    let mut next = settings;
    for p in next.profiles.iter_mut() {
        p.key_hint = stored.profile(&p.name).and_then(|s| s.key_hint.clone());
    }
    state.settings.save(&next)?;
    state.poke_poller();
    Ok(next)
}

/// Probes every read endpoint of the current account (Settings › Check connection).
#[tauri::command]
#[specta::specta]
pub async fn check_connection(state: State<'_, AppState>) -> Result<Vec<ProbeResult>, AppError> {
    let client = state.client().await?;
    Ok(barrack_api::probe::probe_reads(&client).await)
}
