//! What the crate's tests share: a state signed in to a sandbox, and the emulator's admin
//! endpoints (reached directly: a proxy from the environment must not see test traffic to
//! 127.0.0.1).

use crate::state::{AppState, MemorySettings};
use barrack_credentials::MemoryStore;
use std::sync::Arc;

/// A fresh state with `settings`, signed in to a new sandbox.
pub async fn sandbox_state(settings: Arc<MemorySettings>) -> AppState {
    let state = AppState::new(Arc::new(MemoryStore::default()), settings);
    crate::session::start_sandbox(&state).await.unwrap();
    state
}

/// A client for the emulator's admin endpoints.
pub fn admin_http() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

/// How many requests of each operation the emulator behind `admin` has answered.
pub async fn request_counts(admin: &str) -> serde_json::Value {
    admin_http()
        .get(format!("{admin}requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// How many requests of `op` the emulator behind `admin` has answered.
pub async fn request_count(admin: &str, op: &str) -> u64 {
    request_counts(admin).await[op].as_u64().unwrap_or(0)
}

/// The requests of every operation together.
pub fn total(counts: &serde_json::Value) -> u64 {
    counts
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap_or(0))
        .sum()
}

/// Revokes the sandbox account's key (the session's requests are refused from now on);
/// the account's new key.
pub async fn revoke_key(admin: &str) -> String {
    let revoked: serde_json::Value = admin_http()
        .post(format!("{admin}revoke"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    revoked["api_key"].as_str().unwrap().to_owned()
}

/// What signing in again with `key` leaves: the session sending it, no longer refused.
pub async fn sign_in_again(state: &AppState, key: String) {
    let mut session = state.current().await.unwrap();
    session.client = barrack_api::Client::builder()
        .base_url(&session.base_url)
        .api_key(barrack_api::ApiKey::new(key))
        .build()
        .unwrap();
    session.key_refused = Default::default();
    *state.session.write().await = Some(session);
}
