//! tauri-driver, which starts WebKitWebDriver, which starts the app: one per journey, in its
//! own process group so that ending the group ends all three. Opening the app is a new
//! WebDriver session on it.

use crate::host::{app_path, native_driver_path, tauri_driver_path};
use crate::process::{free_port, group_members, http_get, same_exe, send_signal, tail};
use crate::{App, Journey, POLL};
use anyhow::{anyhow, bail, Context, Result};
use fantoccini::ClientBuilder;
use serde_json::{json, Value};
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `tauri-driver --port P --native-port N --native-driver /usr/bin/WebKitWebDriver`, in its
/// own process group with the journey's private home.
pub struct Driver {
    child: Child,
    pub port: u16,
    log: PathBuf,
    journey: String,
    artifacts: PathBuf,
    started: Instant,
}

impl Driver {
    pub(crate) async fn start(j: &Journey) -> Result<Driver> {
        Self::start_with_env(j, &[]).await
    }

    /// Like [`Driver::start`], with `env` added to the environment tauri-driver, and so the
    /// app, inherit (e.g. a PATH with recording programs first).
    pub(crate) async fn start_with_env(j: &Journey, env: &[(String, String)]) -> Result<Driver> {
        let exe = tauri_driver_path().ok_or_else(|| anyhow!("tauri-driver not found"))?;
        for d in [j.data_home(), j.config_home(), j.cache_home()] {
            fs::create_dir_all(&d)?;
        }
        let port = free_port()?;
        let mut native_port = free_port()?;
        while native_port == port {
            native_port = free_port()?;
        }
        let log = j.artifacts.join("tauri-driver.log");
        let out = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)?;
        let child = Command::new(&exe)
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(native_driver_path())
            .env("HOME", j.home())
            .env("XDG_DATA_HOME", j.data_home())
            .env("XDG_CONFIG_HOME", j.config_home())
            .env("XDG_CACHE_HOME", j.cache_home())
            .env("NO_AT_BRIDGE", "1")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .process_group(0)
            .spawn()
            .with_context(|| format!("start {}", exe.display()))?;
        let mut driver = Driver {
            child,
            port,
            log,
            journey: j.name.clone(),
            artifacts: j.artifacts.clone(),
            started: Instant::now(),
        };
        // Ready when the native driver answers /status through tauri-driver.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = driver.child.try_wait()? {
                bail!(
                    "tauri-driver exited ({status}) before it was ready; its log:\n{}",
                    tail(&driver.log, 20)
                );
            }
            if let Ok((200, body)) = http_get(port, "/status") {
                if body.contains("\"ready\"") {
                    break;
                }
            }
            if Instant::now() > deadline {
                bail!(
                    "tauri-driver on port {port} not ready after 20s; its log:\n{}",
                    tail(&driver.log, 20)
                );
            }
            tokio::time::sleep(POLL).await;
        }
        j.log(format!(
            "tauri-driver ready on port {port} (native {native_port}) in {:.2}s",
            driver.started.elapsed().as_secs_f64()
        ));
        Ok(driver)
    }

    /// Launches the app with `args` in a new WebDriver session and waits for its page.
    pub async fn open(&self, args: &[&str]) -> Result<App> {
        self.open_binary(&app_path(), args).await
    }

    /// Like [`Driver::open`], with the binary at `app` (e.g. an installed package's).
    pub async fn open_binary(&self, app: &Path, args: &[&str]) -> Result<App> {
        let started = Instant::now();
        let opened = self.launch_binary(app, args).await?;
        // The document is there once the session exists; wait for it to finish loading.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let state = opened
                .client()
                .execute("return document.readyState", vec![])
                .await;
            if matches!(state, Ok(Value::String(ref s)) if s == "complete") {
                break;
            }
            if Instant::now() > deadline {
                bail!("the page did not finish loading within 20s ({state:?})");
            }
            tokio::time::sleep(POLL).await;
        }
        eprintln!(
            "[e2e {}] app {args:?} open in {:.2}s (pids {:?})",
            self.journey,
            started.elapsed().as_secs_f64(),
            opened.pids
        );
        Ok(opened)
    }

    /// Launches `app` with `args` in a new WebDriver session and returns as soon as the
    /// session exists, the page perhaps still loading (scripts/bench polls from there).
    pub async fn launch_binary(&self, app: &Path, args: &[&str]) -> Result<App> {
        let app = fs::canonicalize(app).unwrap_or_else(|_| app.to_path_buf());
        // Another copy would hand over to the live one (single-instance) and exit.
        let before = self.app_pids(&app);
        if !before.is_empty() {
            bail!("the app is still running (pids {before:?}); quit it first");
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app, "args": args }),
        );
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{}", self.port);
        let connect = builder.connect(&url);
        let client = tokio::time::timeout(Duration::from_secs(60), connect)
            .await
            .map_err(|_| anyhow!("no WebDriver session after 60s"))?
            .map_err(|e| {
                anyhow!(
                    "WebDriver session with {} {args:?} failed: {e}; driver log:\n{}",
                    app.display(),
                    tail(&self.log, 20)
                )
            })?;
        let pids = self.app_pids(&app);
        Ok(App {
            client: Some(client),
            journey: self.journey.clone(),
            artifacts: self.artifacts.clone(),
            app,
            pgid: self.child.id(),
            pids,
            shots: 0,
        })
    }

    fn app_pids(&self, app: &Path) -> Vec<u32> {
        group_members(self.child.id())
            .into_iter()
            .filter(|(_, exe)| same_exe(exe, app))
            .map(|(pid, _)| pid)
            .collect()
    }

    /// Ends tauri-driver, WebKitWebDriver and anything they started (the process group).
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let pgid = self.child.id();
        if self.child.try_wait().ok().flatten().is_none() {
            send_signal("TERM", -i64::from(pgid));
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while !group_members(pgid).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            let _ = self.child.try_wait();
        }
        if !group_members(pgid).is_empty() {
            send_signal("KILL", -i64::from(pgid));
        }
        let _ = self.child.wait();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.shutdown();
    }
}
