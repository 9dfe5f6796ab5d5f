//! One journey: its name, artifact folder and private home (cleared when it begins, so
//! journeys do not see each other's settings or storage), and a log with elapsed times.

use crate::host::{artifacts_root, is_ci, prerequisites, work_root, GATE_VAR};
use crate::{Driver, Sim};
use anyhow::Result;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// The app's identifier: its folders under the XDG data, config and cache homes.
pub const APP_IDENTIFIER: &str = "ai.barrack.desktop";

/// One journey: its name, artifact folder, private home and a clock for the log.
pub struct Journey {
    pub name: String,
    pub artifacts: PathBuf,
    pub work: PathBuf,
    started: Instant,
}

impl Journey {
    /// Starts a journey, or returns `None` after printing why it is skipped (it panics
    /// instead when `BARRACK_E2E=1` and `CI=true`: a CI run must not skip silently).
    pub fn begin(name: &str) -> Option<Journey> {
        if let Err(reason) = prerequisites() {
            let gated = std::env::var(GATE_VAR).as_deref() == Ok("1");
            if gated && is_ci() {
                panic!("e2e journey {name}: cannot run under CI=true: {reason}");
            }
            // Straight to the process's stderr: libtest captures eprintln! of passing tests,
            // and a skip must be seen in the plain `cargo test --workspace` stage too.
            let _ = writeln!(std::io::stderr(), "e2e journey {name}: SKIPPED: {reason}");
            return None;
        }
        let artifacts = artifacts_root().join(name);
        let work = work_root().join(name);
        for d in [&artifacts, &work] {
            let _ = fs::remove_dir_all(d);
            fs::create_dir_all(d).expect("create the journey's folders");
        }
        let j = Journey {
            name: name.to_owned(),
            artifacts,
            work,
            started: Instant::now(),
        };
        j.log("started");
        Some(j)
    }

    /// Prints a step with the time since the journey started (shown by `--nocapture`).
    pub fn log(&self, msg: impl std::fmt::Display) {
        eprintln!(
            "[e2e {} +{:.2}s] {msg}",
            self.name,
            self.started.elapsed().as_secs_f64()
        );
    }

    /// The app's private home (HOME; XDG data, config and cache homes are inside it).
    pub fn home(&self) -> PathBuf {
        self.work.join("home")
    }
    pub fn data_home(&self) -> PathBuf {
        self.home().join(".local/share")
    }
    pub fn config_home(&self) -> PathBuf {
        self.home().join(".config")
    }
    pub fn cache_home(&self) -> PathBuf {
        self.home().join(".cache")
    }
    /// `<XDG_DATA_HOME>/ai.barrack.desktop`: settings.json and WebKit's storage.
    pub fn app_data_dir(&self) -> PathBuf {
        self.data_home().join(APP_IDENTIFIER)
    }
    pub fn app_config_dir(&self) -> PathBuf {
        self.config_home().join(APP_IDENTIFIER)
    }

    /// Starts tauri-driver (and so WebKitWebDriver) for this journey.
    pub async fn driver(&self) -> Result<Driver> {
        Driver::start(self).await
    }

    /// Starts tauri-driver with `env` added to what the app inherits.
    pub async fn driver_with_env(&self, env: &[(String, String)]) -> Result<Driver> {
        Driver::start_with_env(self, env).await
    }

    /// Starts `barrack-sim` (extra arguments, e.g. `["--seed", "sandbox"]`).
    pub async fn sim(&self, args: &[&str]) -> Result<Sim> {
        Sim::start(self, args).await
    }

    pub fn finish(self) {
        self.log(format!(
            "PASSED in {:.1}s; artifacts in {}",
            self.started.elapsed().as_secs_f64(),
            self.artifacts.display()
        ));
    }
}
