//! barrack-sim: a local, stateful emulator of the Barrack API.
//!
//! It mounts every operation of `barrack_api::ENDPOINTS` under `/api/`, keeps one account
//! per API key in memory (optionally persisted to a JSON file, written atomically), follows
//! the documented state machines, billing and rules (`world`, `handlers`), and takes test
//! controls on `/admin/` (balance, clock, stock, seeding, faults).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sim = barrack_sim::start(barrack_sim::SimConfig::default()).await?;
//! println!("{} {}", sim.url(), sim.api_key);
//! # Ok(()) }
//! ```

pub mod admin;
pub mod catalog;
pub mod clock;
pub mod error;
pub mod faults;
pub mod handlers;
pub mod keys;
pub mod persist;
pub mod request_log;
pub mod seed;
pub mod server;
pub mod world;

use barrack_api::types::CurrencyEnum;
use clock::SimClock;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use world::{Account, Catalog};

/// Which account the emulator starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seed {
    /// Balance 100 in the account currency, no resources.
    #[default]
    Empty,
    /// The demo account (see `seed::sandbox`).
    Sandbox,
}

#[derive(Debug, Clone)]
pub struct SimConfig {
    pub host: IpAddr,
    /// 0 = any free port.
    pub port: u16,
    /// How many simulated seconds pass per real second.
    pub time_scale: f64,
    pub seed: Seed,
    pub state_file: Option<PathBuf>,
    /// The first account's key; a random one when absent.
    pub api_key: Option<String>,
    pub currency: CurrencyEnum,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            time_scale: 1.0,
            seed: Seed::Empty,
            state_file: None,
            api_key: None,
            currency: CurrencyEnum::Usd,
        }
    }
}

/// Everything the emulator knows.
pub struct World {
    pub accounts: BTreeMap<String, Account>,
    pub clock: SimClock,
    pub default_key: String,
    pub seq: u64,
}

impl World {
    pub fn new_account(
        &mut self,
        currency: CurrencyEnum,
        catalog: &Catalog,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Account {
        // Each account numbers its ids from its own block, so ids never collide.
        self.seq += 100_000;
        Account::new(self.seq, currency, catalog, now)
    }
}

pub struct SimState {
    world: Mutex<World>,
    pub catalog: Catalog,
    faults: Mutex<faults::Faults>,
    requests: Mutex<BTreeMap<String, u64>>,
    /// Each request with its path, query and timing (admin `/requests/log`).
    pub request_log: request_log::RequestLog,
    state_file: Option<PathBuf>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic is caught per request, so a poisoned lock still holds consistent data.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl SimState {
    pub fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }
    pub fn faults(&self) -> MutexGuard<'_, faults::Faults> {
        lock(&self.faults)
    }
    pub fn count(&self, op: &str) {
        *lock(&self.requests).entry(op.to_owned()).or_insert(0) += 1;
    }
    pub fn request_counts(&self) -> BTreeMap<String, u64> {
        lock(&self.requests).clone()
    }
    pub fn clear_request_counts(&self) {
        lock(&self.requests).clear();
        self.request_log.clear();
    }
    /// Writes the state file, if there is one (atomically: temp file, then rename).
    pub fn persist(&self) {
        if let Some(path) = &self.state_file {
            let snapshot = persist::snapshot(&self.world());
            if let Err(e) = persist::write_atomically(path, &snapshot) {
                eprintln!(
                    "barrack-sim: could not save state to {}: {e}",
                    path.display()
                );
            }
        }
    }
}

/// A fresh random key, `sk-sim-` and 32 hex digits.
pub fn new_key() -> String {
    format!(
        "sk-sim-{:016x}{:016x}",
        fastrand::u64(..),
        fastrand::u64(..)
    )
}

pub struct RunningSim {
    pub addr: SocketAddr,
    pub api_key: String,
    pub state: Arc<SimState>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl RunningSim {
    /// The base URL a client uses: `http://127.0.0.1:N/api/`.
    pub fn url(&self) -> String {
        format!("http://{}/api/", self.addr)
    }
    pub fn admin_url(&self) -> String {
        format!("http://{}/admin/", self.addr)
    }
    /// The first line the binary prints.
    pub fn announcement(&self) -> serde_json::Value {
        serde_json::json!({"url": self.url(), "api_key": self.api_key, "admin_url": self.admin_url()})
    }
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
    }
    /// Waits until the server stops (it does not, unless stopped).
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}

/// Starts the emulator on its own task. Returns once it accepts connections.
pub async fn start(cfg: SimConfig) -> std::io::Result<RunningSim> {
    let catalog = Catalog::new();
    let loaded = match &cfg.state_file {
        Some(p) if p.exists() => Some(persist::load(p)?),
        _ => None,
    };
    let world = match loaded {
        Some(saved) => persist::restore(saved),
        None => {
            let clock = SimClock::new(cfg.time_scale);
            let now = clock.now();
            let mut w = World {
                accounts: BTreeMap::new(),
                clock,
                default_key: String::new(),
                seq: 0,
            };
            let mut acct = w.new_account(cfg.currency.clone(), &catalog, now);
            match cfg.seed {
                Seed::Empty => seed::set_balance(&mut acct, 100.0),
                Seed::Sandbox => seed::sandbox(&mut acct, now, &catalog),
            }
            let key = cfg.api_key.clone().unwrap_or_else(new_key);
            w.accounts.insert(key.clone(), acct);
            w.default_key = key;
            w
        }
    };
    let mut world = world;
    if cfg.state_file.is_some() && cfg.time_scale != world.clock.scale() {
        world.clock.set_scale(cfg.time_scale);
    }
    let api_key = world.default_key.clone();
    let state = Arc::new(SimState {
        world: Mutex::new(world),
        catalog,
        faults: Mutex::new(faults::Faults::default()),
        requests: Mutex::new(BTreeMap::new()),
        request_log: Default::default(),
        state_file: cfg.state_file.clone(),
    });
    state.persist();
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(cfg.host, cfg.port)).await?;
    let addr = listener.local_addr()?;
    let app = server::router(state.clone());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    Ok(RunningSim {
        addr,
        api_key,
        state,
        shutdown: Some(tx),
        task,
    })
}
