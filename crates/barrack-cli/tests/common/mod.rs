//! Shared by the CLI's integration tests: an emulator on 127.0.0.1 in this process, and the
//! real `barrack` binary pointed at it (key through BARRACK_API_KEY, a private config folder).
#![allow(dead_code)]

use barrack_api::{ApiKey, Client};
use barrack_sim::{RunningSim, Seed, SimConfig};
use serde_json::Value;

mod run;
#[allow(unused_imports)] // not every test file checks output through these
pub use run::*;

pub struct TestSim {
    pub url: String,
    pub key: String,
    pub admin_url: String,
    pub rt: tokio::runtime::Runtime,
    pub config_dir: tempfile::TempDir,
    sim: Option<RunningSim>,
}

impl TestSim {
    /// The sandbox account, with the clock at 600× (a 2-minute transition takes 0.2 s).
    pub fn sandbox() -> TestSim {
        Self::start(Seed::Sandbox, 600.0)
    }

    pub fn empty() -> TestSim {
        Self::start(Seed::Empty, 600.0)
    }

    pub fn start(seed: Seed, time_scale: f64) -> TestSim {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let sim = rt
            .block_on(barrack_sim::start(SimConfig {
                seed,
                time_scale,
                ..Default::default()
            }))
            .expect("sim starts");
        TestSim {
            url: sim.url(),
            key: sim.api_key.clone(),
            admin_url: sim.admin_url(),
            rt,
            config_dir: tempfile::tempdir().expect("tempdir"),
            sim: Some(sim),
        }
    }

    /// `barrack` pointed at this emulator.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::cargo_bin("barrack").expect("barrack binary");
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.config_dir.path())
            .env("BARRACK_CONFIG_DIR", self.config_dir.path())
            .env("BARRACK_API_URL", &self.url)
            .env("BARRACK_API_KEY", &self.key)
            .timeout(std::time::Duration::from_secs(60));
        c
    }

    /// `barrack --json ARGS`, its stdout parsed.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().arg("--json").args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "barrack --json {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout of {args:?} is not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    pub fn client(&self) -> Client {
        Client::builder()
            .base_url(self.url.clone())
            .api_key(ApiKey::new(self.key.clone()))
            .build()
            .expect("client")
    }

    /// Runs a client call on the emulator's runtime.
    pub fn api<T, F: std::future::Future<Output = barrack_api::Result<T>>>(
        &self,
        f: impl FnOnce(Client) -> F,
    ) -> T {
        let c = self.client();
        self.rt.block_on(f(c)).expect("api call")
    }

    pub fn admin(&self, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.admin_url);
        let key = self.key.clone();
        self.rt.block_on(async move {
            let r = reqwest::Client::new()
                .post(url)
                .bearer_auth(key)
                .json(&body)
                .send()
                .await
                .expect("admin");
            assert!(r.status().is_success(), "admin {path}: {}", r.status());
            r.json().await.expect("admin json")
        })
    }

    pub fn admin_get(&self, path: &str) -> Value {
        let url = format!("{}{path}", self.admin_url);
        self.rt.block_on(async move {
            reqwest::Client::new()
                .get(url)
                .send()
                .await
                .expect("admin")
                .json()
                .await
                .expect("json")
        })
    }

    /// How many requests each operation has received (to prove nothing was sent).
    pub fn request_count(&self, op: &str) -> u64 {
        self.admin_get("requests")[op].as_u64().unwrap_or(0)
    }

    /// Moves the emulator's clock forward.
    pub fn advance(&self, minutes: f64) {
        self.admin("clock", serde_json::json!({ "advance_minutes": minutes }));
    }

    /// The id of the account's resource of a kind (`instances`, `snapshots`, `images`,
    /// `firewalls`, `ssh_keys`, `scripts`, `volumes`) with this name, from the emulator's state.
    pub fn id_by_name(&self, kind: &str, name: &str) -> String {
        let state = self.admin_get("state");
        state[kind]
            .as_object()
            .and_then(|m| {
                m.iter()
                    .find(|(_, v)| v["name"] == name)
                    .map(|(id, _)| id.clone())
            })
            .unwrap_or_else(|| panic!("no {kind} named {name}"))
    }

    /// Ids of the sandbox's resources by name.
    pub fn vm_id(&self, name: &str) -> String {
        let list = self.api(|c| async move { c.list_instances(&Default::default()).await });
        list.instances
            .into_iter()
            .find(|v| v.name == name)
            .map(|v| v.id)
            .unwrap_or_else(|| panic!("no VM {name}"))
    }
}

impl Drop for TestSim {
    fn drop(&mut self) {
        if let Some(sim) = self.sim.take() {
            self.rt.block_on(sim.stop());
        }
    }
}

/// The subcommands a test file covers, checked against the CLI's help by `coverage.rs`.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn snapshot_id(s: &TestSim, name: &str) -> String {
    s.id_by_name("snapshots", name)
}

pub fn image_id(s: &TestSim, name: &str) -> String {
    s.id_by_name("images", name)
}

pub fn fw_id(s: &TestSim, name: &str) -> String {
    s.id_by_name("firewalls", name)
}

pub fn script_id(s: &TestSim, name: &str) -> String {
    s.id_by_name("scripts", name)
}

pub fn key_id(s: &TestSim, name: &str) -> String {
    s.id_by_name("ssh_keys", name)
}
