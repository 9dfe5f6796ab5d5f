//! The backend's state: the signed-in session (a client with the key inside), the
//! embedded sandbox, and where secrets and settings are kept. Tauri-free, so the session
//! logic is tested without a webview.

use crate::deploy_store::{DocStore, MemoryDocs};
use crate::error::{AppError, AppErrorCode};
use crate::settings::Settings;
use barrack_api::Client;
use barrack_credentials::SecretStore;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use tokio::sync::{Mutex, Notify, RwLock};

/// Where settings live: tauri-plugin-store in the app (the desktop crate), memory in tests.
pub trait SettingsBackend: Send + Sync {
    fn load(&self) -> Result<Settings, AppError>;
    fn save(&self, settings: &Settings) -> Result<(), AppError>;
}

#[derive(Default)]
pub struct MemorySettings(std::sync::Mutex<Settings>);

impl SettingsBackend for MemorySettings {
    fn load(&self) -> Result<Settings, AppError> {
        Ok(self
            .0
            .lock()
            .map_err(|e| AppError::new(AppErrorCode::Settings, e.to_string()))?
            .clone())
    }
    fn save(&self, settings: &Settings) -> Result<(), AppError> {
        *self
            .0
            .lock()
            .map_err(|e| AppError::new(AppErrorCode::Settings, e.to_string()))? = settings.clone();
        Ok(())
    }
}

/// A signed-in account (or the sandbox). The key is inside `client` only.
#[derive(Clone)]
pub struct Session {
    pub profile: String,
    pub client: Client,
    pub sandbox: bool,
    pub key_hint: String,
    pub base_url: String,
    /// Set when the server answered 401 to this session's key: nothing polls with it any
    /// more. Shared by the clones of one session; a new session (sign-in, another profile,
    /// the sandbox) starts with a fresh one.
    pub key_refused: Arc<AtomicBool>,
}

impl Session {
    pub fn is_key_refused(&self) -> bool {
        self.key_refused.load(Ordering::SeqCst)
    }

    /// Which account and server this session talks to: what the poller saw with one
    /// session says nothing about another.
    pub fn identity(&self) -> String {
        format!("{}|{}|{}", self.profile, self.base_url, self.sandbox)
    }
}

/// The embedded sandbox's emulator. Tests always have barrack-sim (a dev-dependency), so
/// they reach the running emulator (its admin URL) with or without the `sandbox` feature.
#[cfg(any(test, feature = "sandbox"))]
pub use barrack_sim::RunningSim as EmbeddedSim;

/// Built without the `sandbox` feature: no emulator can run, so there is none to hold.
#[cfg(not(any(test, feature = "sandbox")))]
pub enum EmbeddedSim {}

#[cfg(not(any(test, feature = "sandbox")))]
impl EmbeddedSim {
    pub async fn stop(self) {
        match self {}
    }
}

pub struct AppState {
    pub session: RwLock<Option<Session>>,
    pub sandbox: Mutex<Option<EmbeddedSim>>,
    pub secrets: Arc<dyn SecretStore>,
    pub settings: Arc<dyn SettingsBackend>,
    /// The profiles, shared with the CLI (barrack-credentials' `profiles.json`); memory in tests.
    pub profiles: Arc<barrack_credentials::profiles::ProfileStore>,
    /// Other documents of the store (the deploy wizard's draft and templates).
    pub docs: Arc<dyn DocStore>,
    /// Held by the start-up task until the saved session is restored (or the sandbox
    /// started); holds why that failed, if it did. `get_session` waits for it.
    pub startup: Arc<Mutex<Option<AppError>>>,
    /// The pricing table and when (and from where) it was fetched.
    pub pricing_cache: Mutex<Option<(std::time::Instant, String, barrack_api::types::PricingData)>>,
    /// Wakes the poller after an action started a transition.
    pub poke: Notify,
    /// Held while the hibernate timers are read and written (commands and runner).
    pub timers_lock: Mutex<()>,
    /// Wakes the timer runner after a timer changed.
    pub timers_poke: Notify,
    /// Simulated seconds per real second in the sandbox (transitions take seconds).
    pub sandbox_time_scale: std::sync::Mutex<f64>,
    /// What the window must tell the user once (see notices.rs).
    pub notices: crate::notices::NoticeQueue,
    /// How the background work reaches the user (set once by the app; see effects.rs).
    pub effects: OnceLock<crate::effects::Effects>,
    /// What the poller saw, and what it is asked to follow (see watching.rs).
    pub watching: crate::watching::Watching,
    /// Each profile's last-known state, painted at the next start (see last_known.rs).
    pub last_known: Arc<crate::last_known::LastKnownStore>,
    /// The dashboard's last burn rate per hour, with the identity of the session it was
    /// read in: the poller's runway for a new balance (poller.rs).
    pub burn: std::sync::Mutex<Option<(String, f64)>>,
}

impl AppState {
    pub fn new(secrets: Arc<dyn SecretStore>, settings: Arc<dyn SettingsBackend>) -> Self {
        AppState {
            session: RwLock::new(None),
            sandbox: Mutex::new(None),
            secrets,
            settings,
            profiles: Arc::new(barrack_credentials::profiles::ProfileStore::in_memory()),
            docs: Arc::new(MemoryDocs::default()),
            poke: Notify::new(),
            timers_lock: Mutex::new(()),
            timers_poke: Notify::new(),
            pricing_cache: Mutex::new(None),
            burn: std::sync::Mutex::new(None),
            startup: Arc::new(Mutex::new(None)),
            sandbox_time_scale: std::sync::Mutex::new(30.0),
            notices: Default::default(),
            effects: OnceLock::new(),
            watching: Default::default(),
            last_known: Arc::new(crate::last_known::LastKnownStore::nowhere()),
        }
    }

    /// Keeps profiles in `profiles` (the file shared with the CLI) instead of memory.
    pub fn with_profiles(
        mut self,
        profiles: Arc<barrack_credentials::profiles::ProfileStore>,
    ) -> Self {
        self.profiles = profiles;
        self
    }

    /// Keeps the profiles' last-known states in `store` (the app's data folder).
    pub fn with_last_known(mut self, store: Arc<crate::last_known::LastKnownStore>) -> Self {
        self.last_known = store;
        self
    }

    /// Keeps other documents in `docs` (the app's store) instead of memory.
    pub fn with_docs(mut self, docs: Arc<dyn DocStore>) -> Self {
        self.docs = docs;
        self
    }

    /// The signed-in session's profile name (drafts and templates are kept per profile).
    pub async fn profile(&self) -> Result<String, AppError> {
        match &*self.session.read().await {
            Some(s) => Ok(s.profile.clone()),
            None => Err(AppError::new(
                AppErrorCode::NotSignedIn,
                "Sign in with an API key, or explore the sandbox.",
            )),
        }
    }

    /// The signed-in session's client.
    pub async fn client(&self) -> Result<Client, AppError> {
        match &*self.session.read().await {
            Some(s) => Ok(s.client.clone()),
            None => Err(AppError::new(
                AppErrorCode::NotSignedIn,
                "Sign in with an API key, or explore the sandbox.",
            )),
        }
    }

    /// Keeps the burn rate the dashboard just read in session `identity`.
    pub fn remember_burn(&self, identity: String, per_hour: f64) {
        if let Ok(mut b) = self.burn.lock() {
            *b = Some((identity, per_hour));
        }
    }

    /// The burn rate last read in session `identity`, if any.
    pub fn burn_of(&self, identity: &str) -> Option<f64> {
        let b = self.burn.lock().ok()?;
        b.as_ref()
            .filter(|(id, _)| id == identity)
            .map(|(_, per_hour)| *per_hour)
    }

    /// The window (re)loaded: its reads go to the server, not to answers kept from before.
    pub async fn window_loaded(&self) {
        if let Some(s) = &*self.session.read().await {
            s.client.forget_received();
        }
    }

    /// [`AppState::window_loaded`] done at once, from the page-load callback (so the new
    /// page's first reads come after it), unless the session is being changed just now:
    /// false then, and the caller waits for [`AppState::window_loaded`].
    pub fn window_loaded_at_once(&self) -> bool {
        match self.session.try_read() {
            Ok(session) => {
                if let Some(s) = &*session {
                    s.client.forget_received();
                }
                true
            }
            Err(_) => false,
        }
    }

    pub async fn current(&self) -> Option<Session> {
        self.session.read().await.clone()
    }

    /// Tests change how fast the sandbox's clock runs.
    pub fn sandbox_time_scale_for_tests(&self, scale: f64) {
        if let Ok(mut s) = self.sandbox_time_scale.lock() {
            *s = scale;
        }
    }

    pub fn sandbox_time_scale(&self) -> f64 {
        self.sandbox_time_scale.lock().map(|s| *s).unwrap_or(30.0)
    }

    /// The pricing table, fetched at most every ten minutes per session.
    ///
    /// The cache's lock is not held while the table is fetched: a slow or failing pricing
    /// endpoint would otherwise queue every page that needs prices behind each other's
    /// full retry budget (five pages opening at once waited five budgets for the last).
    pub async fn pricing(
        &self,
        client: &Client,
    ) -> barrack_api::Result<barrack_api::types::PricingData> {
        let base = client.base_url().to_string();
        if let Some((at, url, data)) = self.pricing_cache.lock().await.as_ref() {
            if *url == base && at.elapsed() < std::time::Duration::from_secs(600) {
                return Ok(data.clone());
            }
        }
        let data = client.get_pricing(&Default::default()).await?.pricing_data;
        *self.pricing_cache.lock().await = Some((std::time::Instant::now(), base, data.clone()));
        Ok(data)
    }

    /// Queues a notice for the window (it is told once).
    pub fn push_notice(&self, notice: crate::notices::AppNotice) {
        self.notices.push(notice);
        if let Some(effects) = self.effects.get() {
            effects.events.notices_changed();
        }
    }

    /// The server refused `session`'s key (401): polling and timers stop using it until
    /// another session replaces it, and the window is told — once per session.
    pub async fn refuse_key(&self, session: &Session, reason: &str) {
        if session.key_refused.swap(true, Ordering::SeqCst) {
            return;
        }
        // A session replaced meanwhile (a sign-in while the request was out) is not news.
        let current = self
            .session
            .read()
            .await
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(&s.key_refused, &session.key_refused));
        if !current {
            return;
        }
        let event = crate::poller::KeyRefused::new(&session.profile, reason);
        if let Some(effects) = self.effects.get() {
            // Also as a notification: the window may be in the tray.
            effects
                .notifier
                .notify("Barrack Desktop: key refused", &event.message);
            effects.events.key_refused(event);
        }
    }

    pub fn poke_poller(&self) {
        self.poke.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use barrack_api::{ApiKey, RetryPolicy};
    use barrack_credentials::MemoryStore;
    use std::time::{Duration, Instant};

    /// Three pages asking for prices while the pricing endpoint takes 1 s to fail: they
    /// wait side by side (about 1 s), not one behind the other (3 s with the lock held
    /// across the request).
    #[tokio::test]
    async fn a_slow_pricing_endpoint_does_not_queue_its_callers() {
        let sim = barrack_sim::start(Default::default()).await.unwrap();
        let admin = crate::test_support::admin_http();
        for fault in [
            serde_json::json!({"op":"get_pricing","kind":"latency","ms":1000}),
            serde_json::json!({"op":"get_pricing","kind":"status","status":503}),
        ] {
            let r = admin
                .post(format!("{}faults", sim.admin_url()))
                .json(&fault)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success());
        }
        let client = Client::builder()
            .base_url(sim.url())
            .api_key(ApiKey::new(sim.api_key.clone()))
            .retry(RetryPolicy {
                max_retries: 0,
                ..RetryPolicy::default()
            })
            .build()
            .unwrap();
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        );
        let started = Instant::now();
        let (a, b, c) = tokio::join!(
            state.pricing(&client),
            state.pricing(&client),
            state.pricing(&client)
        );
        let elapsed = started.elapsed();
        assert!(a.is_err() && b.is_err() && c.is_err());
        assert!(elapsed < Duration::from_millis(2500), "{elapsed:?}");
        // Once the endpoint answers, the table is cached: one request for two calls.
        admin
            .delete(format!("{}faults", sim.admin_url()))
            .send()
            .await
            .unwrap();
        state.pricing(&client).await.expect("prices");
        state.pricing(&client).await.expect("cached prices");
        let counts = crate::test_support::request_counts(&sim.admin_url()).await;
        // The three callers at once share one request (barrack-api share.rs), then one more.
        assert_eq!(counts["get_pricing"], 2, "{counts}");
    }
}
