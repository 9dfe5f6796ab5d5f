//! End-to-end harness for Barrack Desktop: drives the real app window through WebDriver
//! (`tauri-driver` in front of WebKitGTK's `WebKitWebDriver`) with fantoccini.
//!
//! # Running
//!
//! `scripts/e2e [JOURNEY…]` builds the app with the bundled UI, `barrack-sim` and these tests,
//! then runs them inside `xvfb-run` (1280×800×24) and `dbus-run-session`, with an unlocked
//! throw-away gnome-keyring, `dunst` as notification server, `NO_AT_BRIDGE=1`,
//! `--test-threads=1` and `BARRACK_E2E=1`. See `tests/README.md`.
//!
//! # The gate
//!
//! The journeys run only when `BARRACK_E2E=1` (set by `scripts/e2e`). Anywhere else — the
//! plain `cargo test --workspace` stage of `scripts/test`, an IDE — each journey prints why
//! it skipped and passes; that holds under `CI=true` too, because CI runs them through
//! `scripts/e2e` (the last stage of `scripts/test`). Inside `scripts/e2e`, a missing display,
//! session bus, driver or built app is a skip with the reason printed, and a failure when
//! `CI=true`.
//!
//! # Isolation
//!
//! Each journey starts its own `tauri-driver` (free ports, own process group) whose
//! environment gives the app its own `HOME`, `XDG_DATA_HOME`, `XDG_CONFIG_HOME` and
//! `XDG_CACHE_HOME` under `target/e2e-work/<journey>/home` (cleared when the journey starts;
//! WebKitWebDriver passes its environment to the app it launches). The Secret Service is
//! the session's throw-away gnome-keyring. Journeys run one at a time: the single-instance
//! plugin owns a session-bus name, so a second app would hand over to the first and exit.
//!
//! # Artifacts
//!
//! Screenshots go to `target/e2e-artifacts/<journey>/<name>.png` (also one per timed-out
//! wait), next to `tauri-driver.log` (the driver's, WebKitWebDriver's and the app's output)
//! and `barrack-sim.log`. Every process started here is ended by its id (tauri-driver by
//! its process group, which holds WebKitWebDriver and the app) when its handle drops, also
//! when a journey panics.

use anyhow::{anyhow, bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod admin;
pub mod bench;
pub mod dialog;
pub mod listener;
pub mod notify;
pub mod origin;
pub mod page;
pub mod prefill;
pub mod signin;
pub mod sweep;
pub mod watch;
pub mod wizard;
pub mod wm;

pub use admin::{Admin, Api};
pub use notify::{
    count_notifications, shown_notifications, wait_new_notification, wait_notification,
};
pub use page::{
    clear_input, close_dialog, disabled_reason, focused, js, js_str, paste, q, scroll_to, text_of,
    wait_gone, wait_js, PRELUDE,
};
pub use signin::{finish, sign_in, sign_in_screen, sign_in_to, Signed};

/// First paint of a freshly started app (WebKit under Xvfb on a small machine).
pub const START: Duration = Duration::from_secs(30);
/// A click's effect, a call to the local emulator.
pub const STEP: Duration = Duration::from_secs(15);

/// The environment variable that lets the journeys run (set by `scripts/e2e`).
pub const GATE_VAR: &str = "BARRACK_E2E";
/// The keyring service the app stores keys under (barrack-credentials' `KEYRING_SERVICE`).
pub const KEYRING_SERVICE: &str = "ai.barrack.desktop";
/// The app's identifier: its folders under the XDG data, config and cache homes.
pub const APP_IDENTIFIER: &str = "ai.barrack.desktop";

/// How often the waits poll.
const POLL: Duration = Duration::from_millis(100);

/// `[data-testid="…"]`.
pub fn tid(test_id: &str) -> String {
    format!("[data-testid=\"{test_id}\"]")
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => {
            let d = PathBuf::from(d);
            if d.is_absolute() {
                d
            } else {
                workspace_root().join(d)
            }
        }
        None => workspace_root().join("target"),
    }
}

/// The app under test: `BARRACK_E2E_APP`, else `target/debug/barrack-desktop`.
pub fn app_path() -> PathBuf {
    std::env::var_os("BARRACK_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/barrack-desktop"))
}

/// The emulator: `BARRACK_E2E_SIM`, else `target/debug/barrack-sim`.
pub fn sim_path() -> PathBuf {
    std::env::var_os("BARRACK_E2E_SIM")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/barrack-sim"))
}

/// Where screenshots and logs go: `target/e2e-artifacts`.
pub fn artifacts_root() -> PathBuf {
    target_dir().join("e2e-artifacts")
}

fn work_root() -> PathBuf {
    target_dir().join("e2e-work")
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    // `cargo install` puts tauri-driver here, which is not always on PATH.
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

fn tauri_driver_path() -> Option<PathBuf> {
    find_in_path(&std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
}

fn native_driver_path() -> PathBuf {
    std::env::var_os("WEBKIT_WEBDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/WebKitWebDriver"))
}

fn is_ci() -> bool {
    // The rule of barrack_credentials::ci (this crate does not link the keyring).
    std::env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")
    })
}

/// Whether the journeys may run here; `Err` holds the reason they cannot.
fn prerequisites() -> Result<(), String> {
    if std::env::var(GATE_VAR).as_deref() != Ok("1") {
        return Err(format!(
            "end-to-end journeys run only under scripts/e2e ({GATE_VAR}=1 not set)"
        ));
    }
    if std::env::var_os("DISPLAY").is_none() {
        return Err("no DISPLAY (scripts/e2e runs the journeys under xvfb-run)".into());
    }
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return Err("no D-Bus session bus (scripts/e2e runs them under dbus-run-session)".into());
    }
    if tauri_driver_path().is_none() {
        return Err(
            "tauri-driver not found (scripts/setup installs it: cargo install tauri-driver@^2 --locked)"
                .into(),
        );
    }
    let native = native_driver_path();
    if !native.is_file() {
        return Err(format!(
            "{} not found (Debian package webkit2gtk-driver)",
            native.display()
        ));
    }
    for (what, p) in [("app", app_path()), ("barrack-sim", sim_path())] {
        if !p.is_file() {
            return Err(format!(
                "the {what} is not built: {} (scripts/e2e builds it)",
                p.display()
            ));
        }
    }
    Ok(())
}

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

/// A free TCP port on 127.0.0.1 (bound, read and released).
fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").context("bind a free port")?;
    Ok(l.local_addr()?.port())
}

/// `GET path` over plain HTTP/1.1; the status code and body.
fn http_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_secs(2),
    )?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut buf = String::new();
    s.read_to_string(&mut buf)?;
    let code = buf
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = buf.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
    Ok((code, body))
}

fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Sends `signal` to a process (`pid`) or a process group (`-pgid`) with kill(1).
fn send_signal(signal: &str, target: i64) {
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), "--", &target.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

fn process_alive(pid: u32) -> bool {
    // A zombie still has /proc/<pid>; its state is 'Z'.
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z"),
        Err(_) => false,
    }
}

/// Live processes in process group `pgid`, with their executables.
fn group_members(pgid: u32) -> Vec<(u32, PathBuf)> {
    let mut out = Vec::new();
    let Ok(dir) = fs::read_dir("/proc") else {
        return out;
    };
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // Fields after the command name: state ppid pgrp …
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        if f.len() > 2 && f[0] != "Z" && f[2].parse::<u32>().ok() == Some(pgid) {
            let exe = fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            out.push((pid, exe));
        }
    }
    out
}

fn same_exe(running: &Path, app: &Path) -> bool {
    let running = running.to_string_lossy();
    let running = running.trim_end_matches(" (deleted)");
    let app_c = fs::canonicalize(app).unwrap_or_else(|_| app.to_path_buf());
    Path::new(running) == app || Path::new(running) == app_c
}

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
    async fn start(j: &Journey) -> Result<Driver> {
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
        let app = app_path();
        let app = fs::canonicalize(&app).unwrap_or(app);
        // Another copy would hand over to the live one (single-instance) and exit.
        let before = self.app_pids(&app);
        if !before.is_empty() {
            bail!("the app is still running (pids {before:?}); quit it first");
        }
        let started = Instant::now();
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
        let opened = App {
            client: Some(client),
            journey: self.journey.clone(),
            artifacts: self.artifacts.clone(),
            app,
            pgid: self.child.id(),
            pids,
            shots: 0,
        };
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

/// The app in a WebDriver session.
pub struct App {
    client: Option<Client>,
    journey: String,
    artifacts: PathBuf,
    app: PathBuf,
    pgid: u32,
    /// The app's processes when the session started.
    pub pids: Vec<u32>,
    shots: u32,
}

impl App {
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// The test ids on the page now (for error messages).
    pub async fn visible_test_ids(&self) -> String {
        let script = "return Array.from(document.querySelectorAll('[data-testid]'))\
            .filter(e => e.offsetParent !== null || e.getClientRects().length > 0)\
            .map(e => e.getAttribute('data-testid')).join(', ')";
        match self.client().execute(script, vec![]).await {
            Ok(Value::String(s)) if s.is_empty() => "(none)".into(),
            Ok(Value::String(s)) => s,
            Ok(v) => v.to_string(),
            Err(e) => format!("(could not list: {e})"),
        }
    }

    async fn displayed(&self, selector: &str) -> Option<Element> {
        let found = self.client().find_all(Locator::Css(selector)).await.ok()?;
        for e in found {
            if e.is_displayed().await.unwrap_or(false) {
                return Some(e);
            }
        }
        None
    }

    /// The error of a wait that timed out, with the test ids on screen and a screenshot
    /// (`timeout-<selector>.png`).
    async fn timeout_error(&self, selector: &str, what: String) -> anyhow::Error {
        let ids = self.visible_test_ids().await;
        let slug: String = selector
            .replace("data-testid", "")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    ' '
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("_");
        let shot = match self.save_screenshot(&format!("timeout-{slug}")).await {
            Ok(p) => p.display().to_string(),
            Err(e) => format!("(no screenshot: {e})"),
        };
        anyhow!("{what}; test ids on screen: {ids}; screenshot {shot}")
    }

    /// Waits until an element matching `selector` is displayed; polls every 100 ms.
    pub async fn wait_for(&self, selector: &str, within: Duration) -> Result<Element> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(e) = self.displayed(selector).await {
                return Ok(e);
            }
            if Instant::now() > deadline {
                return Err(self
                    .timeout_error(
                        selector,
                        format!(
                            "{selector} not displayed within {:.1}s",
                            within.as_secs_f64()
                        ),
                    )
                    .await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Like [`App::wait_for`], but fails as soon as `forbidden` is displayed before
    /// `selector` is (e.g. a flash of the sign-in screen while a session is restored).
    pub async fn wait_for_never_seeing(
        &self,
        selector: &str,
        forbidden: &str,
        within: Duration,
    ) -> Result<Element> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(e) = self.displayed(selector).await {
                return Ok(e);
            }
            if self.displayed(forbidden).await.is_some() {
                return Err(self
                    .timeout_error(
                        forbidden,
                        format!("{forbidden} was displayed while waiting for {selector}"),
                    )
                    .await);
            }
            if Instant::now() > deadline {
                return Err(self
                    .timeout_error(
                        selector,
                        format!(
                            "{selector} not displayed within {:.1}s",
                            within.as_secs_f64()
                        ),
                    )
                    .await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until an element matching `selector` is displayed and its text satisfies
    /// `predicate`; returns the text.
    pub async fn wait_text(
        &self,
        selector: &str,
        predicate: impl Fn(&str) -> bool,
        within: Duration,
    ) -> Result<String> {
        let deadline = Instant::now() + within;
        let mut last: Option<String> = None;
        loop {
            if let Some(e) = self.displayed(selector).await {
                if let Ok(text) = e.text().await {
                    if predicate(&text) {
                        return Ok(text);
                    }
                    last = Some(text);
                }
            }
            if Instant::now() > deadline {
                let seen = match &last {
                    Some(t) => format!("its text was {t:?}"),
                    None => "it was never displayed".into(),
                };
                return Err(self
                    .timeout_error(
                        selector,
                        format!(
                            "{selector}: text not as expected within {:.1}s ({seen})",
                            within.as_secs_f64()
                        ),
                    )
                    .await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Whether an element matching `selector` is displayed right now.
    pub async fn is_displayed(&self, selector: &str) -> bool {
        self.displayed(selector).await.is_some()
    }

    /// Waits for the element, then clicks it.
    pub async fn click(&self, selector: &str, within: Duration) -> Result<()> {
        let e = self.wait_for(selector, within).await?;
        e.click()
            .await
            .with_context(|| format!("click {selector}"))?;
        Ok(())
    }

    /// Waits for an input, replaces its value with `text` and checks it took.
    pub async fn fill(&self, selector: &str, text: &str, within: Duration) -> Result<()> {
        let e = self.wait_for(selector, within).await?;
        e.click()
            .await
            .with_context(|| format!("focus {selector}"))?;
        e.clear()
            .await
            .with_context(|| format!("clear {selector}"))?;
        if !e.prop("value").await?.unwrap_or_default().is_empty() {
            // A controlled input that ignored the clear: select all and delete.
            use fantoccini::key::Key;
            e.send_keys(&(Key::Control + "a")).await?;
            e.send_keys(&char::from(Key::Backspace).to_string()).await?;
        }
        e.send_keys(text)
            .await
            .with_context(|| format!("type into {selector}"))?;
        let value = e.prop("value").await?.unwrap_or_default();
        if value != text {
            bail!(
                "{selector} holds {} characters after typing {} (the field rewrote the input)",
                value.chars().count(),
                text.chars().count()
            );
        }
        Ok(())
    }

    /// Waits for two animation frames (up to 1 s), so the window shows the latest DOM.
    pub async fn next_frame(&self) {
        let script = "const done = arguments[arguments.length - 1];\
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));\
            setTimeout(() => done(false), 1000);";
        let _ = self.client().execute_async(script, vec![]).await;
        // The compositor presents a little after the frame callbacks (TOOLCHAIN.md: ~300 ms).
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    async fn save_screenshot(&self, name: &str) -> Result<PathBuf> {
        self.next_frame().await;
        let png = self.client().screenshot().await.context("screenshot")?;
        let path = self.artifacts.join(format!("{name}.png"));
        fs::write(&path, png).with_context(|| format!("write {}", path.display()))?;
        Ok(path)
    }

    /// Saves `target/e2e-artifacts/<journey>/<name>.png` (after the next frame).
    pub async fn screenshot(&mut self, name: &str) -> Result<PathBuf> {
        self.shots += 1;
        let path = self.save_screenshot(name).await?;
        eprintln!("[e2e {}] screenshot {}", self.journey, path.display());
        Ok(path)
    }

    /// Kills the app's processes with SIGKILL (a crash: nothing is flushed or saved on the
    /// way out) and waits until they are gone. The WebDriver session dies with it; stop the
    /// driver and start a new one (same journey, same home) to open the app again.
    pub async fn kill(mut self) -> Result<()> {
        let started = Instant::now();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = self.live_pids();
            if left.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                bail!("the app (pids {left:?}) outlived SIGKILL by 10s");
            }
            for pid in &left {
                send_signal("KILL", i64::from(*pid));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // The session's app is gone: drop the client without asking the driver to close it.
        if let Some(c) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), c.close()).await;
        }
        eprintln!(
            "[e2e {}] app killed (SIGKILL) in {:.2}s",
            self.journey,
            started.elapsed().as_secs_f64()
        );
        Ok(())
    }

    /// The app's live processes: those of the driver's group running the app's executable,
    /// and those seen when the session started.
    fn live_pids(&self) -> Vec<u32> {
        let mut pids: Vec<u32> = group_members(self.pgid)
            .into_iter()
            .filter(|(_, exe)| same_exe(exe, &self.app))
            .map(|(pid, _)| pid)
            .chain(self.pids.iter().copied().filter(|p| process_alive(*p)))
            .collect();
        pids.sort_unstable();
        pids.dedup();
        pids
    }

    /// Whether any of the app's processes is still running (e.g. after its window was
    /// closed through the window manager).
    pub fn is_running(&self) -> bool {
        !self.live_pids().is_empty()
    }

    /// Waits until the app has exited by itself (its window closed by the user), then drops
    /// the WebDriver session, whose app is gone. Fails if it still runs after `within`.
    pub async fn wait_exited(mut self, within: Duration) -> Result<Duration> {
        let started = Instant::now();
        let deadline = started + within;
        loop {
            let left = self.live_pids();
            if left.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                bail!(
                    "the app (pids {left:?}) still runs {:.1}s after its window was closed",
                    within.as_secs_f64()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let took = started.elapsed();
        if let Some(c) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), c.close()).await;
        }
        eprintln!(
            "[e2e {}] app exited by itself in {:.2}s",
            self.journey,
            took.as_secs_f64()
        );
        Ok(took)
    }

    /// Ends the WebDriver session (which closes the app) and waits until the app's processes
    /// are gone, ending any that linger by pid, so that a next start is a fresh instance.
    pub async fn quit(mut self) -> Result<()> {
        let started = Instant::now();
        if let Some(c) = self.client.take() {
            c.close().await.context("end the WebDriver session")?;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut killed = false;
        loop {
            let left: Vec<u32> = group_members(self.pgid)
                .into_iter()
                .filter(|(_, exe)| same_exe(exe, &self.app))
                .map(|(pid, _)| pid)
                .chain(self.pids.iter().copied().filter(|p| process_alive(*p)))
                .collect();
            if left.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                if killed {
                    bail!("the app (pids {left:?}) did not exit");
                }
                for pid in &left {
                    send_signal("KILL", i64::from(*pid));
                }
                killed = true;
                eprintln!(
                    "[e2e {}] the app outlived its session by 10s; killed pids {left:?}",
                    self.journey
                );
                continue;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        eprintln!(
            "[e2e {}] app quit in {:.2}s",
            self.journey,
            started.elapsed().as_secs_f64()
        );
        Ok(())
    }
}

/// `barrack-sim` in its own process; its first stdout line gives the URL and key.
pub struct Sim {
    child: Child,
    pub url: String,
    pub api_key: String,
    pub admin_url: String,
}

impl Sim {
    async fn start(j: &Journey, args: &[&str]) -> Result<Sim> {
        let exe = sim_path();
        let log = fs::File::create(j.artifacts.join("barrack-sim.log"))?;
        let mut child = Command::new(&exe)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .with_context(|| format!("start {}", exe.display()))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = tx.send(reader.read_line(&mut line).map(|_| line));
            // Keep draining so the emulator never blocks on a full pipe.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let mut sim = Sim {
            child,
            url: String::new(),
            api_key: String::new(),
            admin_url: String::new(),
        };
        let line = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(30)))
            .await?
            .map_err(|_| anyhow!("barrack-sim printed nothing within 30s"))?
            .context("read barrack-sim's first line")?;
        let v: Value = serde_json::from_str(line.trim())
            .with_context(|| format!("barrack-sim's first line is not JSON: {line:?}"))?;
        let field = |k: &str| {
            v[k].as_str()
                .map(str::to_owned)
                .ok_or_else(|| anyhow!("barrack-sim's first line lacks {k}: {line}"))
        };
        sim.url = field("url")?;
        sim.api_key = field("api_key")?;
        sim.admin_url = field("admin_url")?;
        j.log(format!("barrack-sim at {}", sim.url));
        Ok(sim)
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            send_signal("TERM", i64::from(self.child.id()));
            let deadline = Instant::now() + Duration::from_secs(5);
            while self.child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// The first amount in a text such as "241.20 USD", "$1,204.50" or "€ 3,00".
pub fn parse_amount(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let negative = text[..start].trim_end().ends_with('-');
    let num: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let v: f64 = num.trim_end_matches('.').parse().ok()?;
    Some(if negative { -v } else { v })
}

/// Whether `text` shows an amount above zero.
pub fn is_positive_amount(text: &str) -> bool {
    parse_amount(text).is_some_and(|v| v > 0.0)
}

/// `secret-tool lookup service ai.barrack.desktop username <profile>`: the stored secret.
pub fn keyring_lookup(profile: &str) -> Result<Option<String>> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", KEYRING_SERVICE, "username", profile])
        .output()
        .context("run secret-tool (Debian package libsecret-tools)")?;
    if out.status.success() && !out.stdout.is_empty() {
        Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()))
    } else {
        Ok(None)
    }
}

/// The attributes of every keyring item of the app's service (secrets left out).
pub fn keyring_attributes() -> String {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", KEYRING_SERVICE])
        .output();
    match out {
        Ok(o) => {
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            all.lines()
                .filter(|l| !l.trim_start().starts_with("secret"))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Err(e) => format!("(secret-tool failed: {e})"),
    }
}

/// Removes the app's keyring entry for `profile` (if any).
pub fn keyring_clear(profile: &str) {
    let _ = Command::new("secret-tool")
        .args(["clear", "service", KEYRING_SERVICE, "username", profile])
        .status();
}

/// Every file under `roots` (recursively, symlinks not followed) that contains `needle` as
/// UTF-8 or as UTF-16LE (WebKit's local storage); also returns how many files were read.
pub fn files_containing(roots: &[PathBuf], needle: &str) -> (Vec<PathBuf>, usize) {
    let utf8 = needle.as_bytes().to_vec();
    let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut hits = Vec::new();
    let mut scanned = 0;
    let mut stack: Vec<PathBuf> = roots.to_vec();
    while let Some(p) = stack.pop() {
        let Ok(meta) = fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(rd) = fs::read_dir(&p) {
                stack.extend(rd.flatten().map(|e| e.path()));
            }
        } else if meta.is_file() {
            if let Ok(bytes) = fs::read(&p) {
                scanned += 1;
                let has = |n: &[u8]| !n.is_empty() && bytes.windows(n.len()).any(|w| w == n);
                if has(&utf8) || has(&utf16) {
                    hits.push(p);
                }
            }
        }
    }
    (hits, scanned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse() {
        assert_eq!(parse_amount("241.20 USD"), Some(241.2));
        assert_eq!(parse_amount("$1,204.50"), Some(1204.5));
        assert_eq!(parse_amount("Balance: 0.00 EUR"), Some(0.0));
        assert_eq!(parse_amount("-3.10 USD"), Some(-3.1));
        assert_eq!(parse_amount("…"), None);
        assert!(is_positive_amount("100.00 USD"));
        assert!(!is_positive_amount("0.00 USD"));
        assert!(!is_positive_amount("loading"));
    }

    #[test]
    fn finds_a_needle_in_utf8_and_utf16() {
        let dir = std::env::temp_dir().join(format!("barrack-e2e-scan-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("a.json"), b"{\"k\":\"nothing\"}").unwrap();
        fs::write(dir.join("sub/b.txt"), b"xx sk-secret-1 yy").unwrap();
        let utf16: Vec<u8> = "sk-secret-2"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        fs::write(dir.join("sub/c.db"), utf16).unwrap();
        let (hits, n) = files_containing(std::slice::from_ref(&dir), "sk-secret-1");
        assert_eq!((hits.len(), n), (1, 3));
        assert!(hits[0].ends_with("sub/b.txt"));
        let (hits, _) = files_containing(std::slice::from_ref(&dir), "sk-secret-2");
        assert!(hits[0].ends_with("sub/c.db"));
        let (hits, _) = files_containing(std::slice::from_ref(&dir), "absent");
        assert!(hits.is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn journeys_skip_outside_scripts_e2e() {
        if std::env::var(GATE_VAR).as_deref() != Ok("1") {
            let reason = prerequisites().unwrap_err();
            assert!(reason.contains("scripts/e2e"), "{reason}");
        }
    }
}
