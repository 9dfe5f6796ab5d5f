//! What the integration tests share.

use barrack_core::state::{AppState, MemorySettings};
use barrack_credentials::MemoryStore;
use std::sync::Arc;

/// An app state signed in (profile "work") to a barrack-sim of its own, with the sandbox's data.
pub async fn signed_in() -> (AppState, barrack_sim::RunningSim) {
    let sim = barrack_sim::start(barrack_sim::SimConfig {
        seed: barrack_sim::Seed::Sandbox,
        ..Default::default()
    })
    .await
    .unwrap();
    let state = AppState::new(
        Arc::new(MemoryStore::default()),
        Arc::new(MemorySettings::default()),
    );
    barrack_core::session::sign_in(
        &state,
        barrack_core::session::SignInRequest {
            profile: Some("work".into()),
            base_url: Some(sim.url()),
            auth_scheme: None,
            api_key: sim.api_key.clone(),
        },
    )
    .await
    .unwrap();
    (state, sim)
}
