//! Journey group `security`: the API key goes only where the user sent it (issue 13).
//!
//! Each journey drives the real window against its own `barrack-sim` (or the in-app
//! sandbox) with the session's throw-away gnome-keyring, and plays the part of a hostile
//! script in the webview (`window.__TAURI_INTERNALS__.invoke`, injected `<script>`s) or of
//! a careless user (a plain-http base URL). "Nothing was sent" is observed by a loopback
//! listener that records every request it gets (`barrack_e2e::listener`); the sweep for the
//! key reads every file of the app's private home, the logs, the notification history and
//! the DOM of every page (`barrack_e2e::sweep`). The window journeys run `openbox` (Xvfb
//! has no window manager): without it they skip, or fail when `CI` is set.
//!
//! Run with `scripts/e2e security`; elsewhere each journey prints why it skipped.

use anyhow::{anyhow, bail, ensure, Context, Result};
use barrack_e2e::listener::Listener;
use barrack_e2e::sweep::{Sweep, ENCODINGS};
use barrack_e2e::wizard::{next, wait_step};
use barrack_e2e::wm::{self, Openbox};
use barrack_e2e::{
    artifacts_root, count_notifications, finish, is_positive_amount, journey, js, js_str,
    keyring_lookup, q, sign_in, tid, wait_js, wait_new_notification, Admin, Api, App, Journey,
    APP_IDENTIFIER, START, STEP,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The sandbox seed (train-h100 ACTIVE, …) at a simulated minute per second.
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];
/// Traffic, a timer, a transition seen through the app.
const SETTLE: Duration = Duration::from_secs(60);

// --- talking to the backend as a script in the webview would ---------------------------------

/// `window.__TAURI_INTERNALS__.invoke(cmd, args)` from the page: `Ok(answer)` or
/// `Err(the rejection's text)`; an error if it does not settle within 10 s.
async fn invoke(app: &App, cmd: &str, args: Value) -> Result<std::result::Result<Value, String>> {
    let v = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const t = setTimeout(() => done({hung: true}), 10000);\
             window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])\
               .then((r) => { clearTimeout(t); done({ok: r === undefined ? null : r}); },\
                     (e) => { clearTimeout(t);\
                              done({error: typeof e === 'string' ? e : JSON.stringify(e)}); });",
            vec![json!(cmd), args],
        )
        .await
        .with_context(|| format!("invoke {cmd}"))?;
    if v.get("hung").is_some() {
        bail!("{cmd} did not answer within 10s");
    }
    Ok(match v.get("error") {
        Some(e) => Err(e
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| e.to_string())),
        None => Ok(v["ok"].clone()),
    })
}

/// Every request the emulator has answered, all operations together.
fn sim_requests(admin: &Admin) -> Result<u64> {
    let all = admin.call("GET", "requests", None)?;
    Ok(all
        .as_object()
        .map(|m| m.values().filter_map(Value::as_u64).sum())
        .unwrap_or(0))
}

/// Asks the app for the balance (`get_balance` over IPC) until the emulator has answered at
/// least `more` requests beyond `since`. Not every call is a request: in a client's first
/// seconds an answer just received serves the same read again (barrack-api share.rs), and
/// pages read from their caches; after those seconds each call asks the server.
async fn sim_traffic(
    app: &App,
    admin: &Admin,
    since: u64,
    more: u64,
    within: Duration,
) -> Result<u64> {
    let deadline = Instant::now() + within;
    loop {
        let now = sim_requests(admin)?;
        if now >= since + more {
            return Ok(now);
        }
        invoke(app, "get_balance", json!({}))
            .await?
            .map_err(|e| anyhow!("get_balance: {e}"))?;
        if Instant::now() > deadline {
            bail!(
                "the emulator answered {} requests in {:.0}s, {more} expected",
                now - since,
                within.as_secs_f64()
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn vm_id(api: &Api, name: &str) -> Result<String> {
    api.instances_named(name)?
        .first()
        .and_then(|v| v["id"].as_str().map(str::to_owned))
        .ok_or_else(|| anyhow!("the emulator has no VM named {name}"))
}

fn vm_status(api: &Api, name: &str) -> Result<String> {
    Ok(api
        .instances_named(name)?
        .first()
        .and_then(|v| v["status"].as_str().map(str::to_owned))
        .unwrap_or_default())
}

// --- 1. the key-leak sweep ---------------------------------------------------------------------

journey!(
    security_key_is_nowhere_after_every_page,
    "security_key_sweep",
    key_sweep
);

/// Everything a page shows or keeps: the markup, the rendered text, the values of the
/// inputs, local and session storage, cookies.
const DOM_TEXT: &str = "const values = Array.from(document.querySelectorAll('input, textarea, select'))\
       .map((e) => e.value).join('\\n');\
     const dump = (s) => { try { return JSON.stringify(Object.assign({}, s)); } catch (e) { return ''; } };\
     return [document.documentElement.outerHTML, document.body.innerText, values,\
             dump(window.localStorage), dump(window.sessionStorage), document.cookie].join('\\n');";

/// Waits (up to 10 s) until nothing on the page says it is loading; a page that keeps a
/// spinner is still swept.
async fn settle(app: &App) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let busy = js(
            app,
            "return Array.from(document.querySelectorAll('[aria-busy=\"true\"]')).filter(vis).length;",
        )
        .await?;
        if busy.as_u64() == Some(0) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Reads the page into the sweep.
async fn sweep_dom(app: &App, sweep: &mut Sweep, label: &str) -> Result<()> {
    let text = js(app, DOM_TEXT).await?;
    sweep.text(&format!("DOM: {label}"), text.as_str().unwrap_or_default());
    Ok(())
}

/// Clicks the first displayed, enabled control whose test id starts with `prefix` (and that
/// matches `also`, a CSS selector, e.g. `input`); returns its test id.
async fn click_first(app: &mut App, prefix: &str, also: &str) -> Result<String> {
    let selector = format!("{also}[data-testid^={}]", js_str(prefix));
    let id = wait_js(
        app,
        &format!("an enabled {selector}"),
        &format!(
            "const e = Array.from(document.querySelectorAll({})).filter(vis)\
               .find((e) => !e.disabled && e.getAttribute('aria-disabled') !== 'true');\
             return e ? e.getAttribute('data-testid') : null;",
            js_str(&selector)
        ),
        STEP,
    )
    .await?;
    let id = id.as_str().unwrap_or_default().to_owned();
    app.click(&tid(&id), STEP).await?;
    Ok(id)
}

/// The deploy wizard through to its review step with the first offer of each step (nothing
/// deployed), each step's DOM swept.
async fn walk_wizard(app: &mut App, sweep: &mut Sweep) -> Result<()> {
    let first = wait_step(app).await?;
    sweep_dom(app, sweep, &format!("deploy wizard, {first}")).await?;
    if first != "gpu" {
        return Ok(());
    }
    let card = click_first(app, "gpu-card-", "").await?;
    let tier = js(
        app,
        "const t = Array.from(document.querySelectorAll('[data-testid^=\"tier-\"]')).filter(vis);\
         if (t.length === 0 || t.some((e) => e.getAttribute('aria-pressed') === 'true')) return null;\
         return t[0].getAttribute('data-testid');",
    )
    .await?;
    if let Some(t) = tier.as_str() {
        app.click(&tid(t), STEP).await?;
    }
    click_first(app, "gpu-count-", "").await?;
    next(app, "region").await?;
    click_first(app, "region-", "").await?;
    sweep_dom(app, sweep, "deploy wizard, region").await?;
    next(app, "boot").await?;
    click_first(app, "boot-item-", "").await?;
    sweep_dom(app, sweep, "deploy wizard, boot").await?;
    next(app, "keys").await?;
    // A VM needs a key: the first of the account's (checkboxes `ssh-key-<id>`).
    let key = click_first(app, "ssh-key-", "input").await?;
    wait_js(
        app,
        &format!("{key} ticked"),
        &format!("const e = first({}); return !!e && e.checked;", q(&key)),
        STEP,
    )
    .await?;
    sweep_dom(app, sweep, "deploy wizard, keys").await?;
    next(app, "advanced").await?;
    sweep_dom(app, sweep, "deploy wizard, advanced").await?;
    next(app, "review").await?;
    app.fill(&tid("deploy-name"), "sweep-vm", STEP).await?;
    sweep_dom(app, sweep, &format!("deploy wizard, review ({card})")).await?;
    app.screenshot("deploy-review").await?;
    Ok(())
}

/// What WebKit keeps in the app's data folder: local storage and IndexedDB per origin
/// (`storage/`), Cache Storage, the HTTP cache, media keys, HSTS.
const WEBKIT_ENTRIES: &[&str] = &[
    "storage",
    "cachestorage",
    "webkitcache",
    "mediakeys",
    "hsts-storage.sqlite",
    "localstorage",
    "databases",
    "indexeddb",
];

/// Whether `p`, inside the app's data folder `app_data`, is WebKit's.
fn is_webkit(app_data: &Path, p: &Path) -> bool {
    p.strip_prefix(app_data)
        .ok()
        .and_then(|rel| rel.components().next())
        .is_some_and(|c| {
            let name = c.as_os_str().to_string_lossy().to_lowercase();
            WEBKIT_ENTRIES.contains(&name.as_str())
        })
}

/// The app's log folder: Tauri's `app_log_dir` on Linux, `$XDG_DATA_HOME/<identifier>/logs`.
fn app_log_dir(j: &Journey) -> PathBuf {
    j.app_data_dir().join("logs")
}

/// The app's log file in it (barrack-core's `logs::FILE_STEM` plus tauri-plugin-log's `.log`).
const APP_LOG_FILE: &str = "barrack-desktop.log";

/// The places the key must not be, read from disk.
fn sweep_files(j: &Journey, sweep: &mut Sweep) {
    let app_data = j.app_data_dir();
    let logs = app_log_dir(j);
    sweep.files("app data (settings.json…)", &app_data, |p| {
        is_webkit(&app_data, p) || p.starts_with(&logs)
    });
    // Every file there: the current log and the rotated ones.
    sweep.files("app log files", &logs, |_| false);
    sweep.files("WebKit storage", &app_data, |p| !is_webkit(&app_data, p));
    let named = [
        ("app config", j.app_config_dir()),
        ("app cache", j.cache_home().join(APP_IDENTIFIER)),
        ("CLI config (barrack)", j.config_home().join("barrack")),
    ];
    for (label, root) in &named {
        sweep.files(label, root, |_| false);
    }
    let mut roots: Vec<_> = named.iter().map(|(_, r)| r.clone()).collect();
    roots.push(app_data.clone());
    sweep.files("rest of the app's HOME", &j.home(), |p| {
        roots.iter().any(|r| p.starts_with(r))
    });
    // The session's runtime folder (sockets are not files; the keyring's own store lives
    // in the session's data folder, outside the journey's home, and is not read).
    if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR") {
        sweep.files("session runtime dir", Path::new(&run), |_| false);
    }
    sweep.files(
        "app + driver log",
        &j.artifacts.join("tauri-driver.log"),
        |_| false,
    );
    sweep.files(
        "notification log (dunst)",
        &artifacts_root().join("dunst.log"),
        |_| false,
    );
}

/// Runs the `barrack` CLI built beside the emulator with the journey's home (HOME and XDG
/// folders, as the app has them), `stdin` piped in; its stdout and stderr. Fails if it fails.
fn run_cli(j: &Journey, args: &[&str], stdin: Option<&str>) -> Result<String> {
    use std::io::Write;
    use std::process::Stdio;
    let cli = barrack_e2e::sim_path().with_file_name("barrack");
    ensure!(
        cli.is_file(),
        "the CLI is not built: {} (scripts/e2e builds barrack-cli)",
        cli.display()
    );
    let mut child = Command::new(&cli)
        .args(args)
        .env("HOME", j.home())
        .env("XDG_CONFIG_HOME", j.config_home())
        .env("XDG_DATA_HOME", j.data_home())
        .env("XDG_CACHE_HOME", j.cache_home())
        .env_remove("BARRACK_API_URL")
        .env_remove("BARRACK_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("start {}", cli.display()))?;
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("piped stdin");
        writeln!(pipe, "{input}")?;
    }
    drop(child.stdin.take());
    let out = child.wait_with_output()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    ensure!(
        out.status.success(),
        "barrack {} failed ({}): {}",
        args.first().copied().unwrap_or_default(),
        out.status,
        text.trim()
    );
    Ok(text)
}

/// Sign-in with the emulator's key; every page of the sidebar (the VM page, the deploy
/// wizard to its review, Settings with a connection check) with its DOM read; a notification
/// from a hibernate timer. Then the key in UTF-8, UTF-16LE and UTF-16BE is searched in the
/// app's data, config and cache folders (WebKit's local storage, IndexedDB and caches are
/// inside), the rest of its home (the CLI's profiles), the session's runtime folder, the
/// app's log files (which must exist and not be empty), the driver's log, dunst's log and
/// history, and every page's DOM — with the app running and again after it quit. The
/// keyring is the one place it may be.
async fn key_sweep(j: &Journey, profile: &str) -> Result<()> {
    // The most verbose log level from the first line on (Settings › Logs, as the settings
    // file keeps it): the key must not be in a trace log either.
    std::fs::create_dir_all(j.app_data_dir())?;
    std::fs::write(
        j.app_data_dir().join("settings.json"),
        r#"{"settings": {"logLevel": "trace"}}"#,
    )?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let key = s.sim.api_key.clone();
    let api = Api::of(&s.sim)?;
    let mut sweep = Sweep::new(&key);
    let app = &mut s.app;
    app.wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;

    let slugs: Vec<String> = js(
        app,
        "return Array.from(document.querySelectorAll('[data-testid^=\"nav-\"]'))\
           .map((e) => e.getAttribute('data-testid').slice(4));",
    )
    .await?
    .as_array()
    .map(|a| {
        a.iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default();
    ensure!(
        slugs.len() >= 10,
        "the sidebar lists every page (found {slugs:?})"
    );
    j.log(format!("{} pages in the sidebar: {slugs:?}", slugs.len()));
    for (i, slug) in slugs.iter().enumerate() {
        app.click(&tid(&format!("nav-{slug}")), STEP).await?;
        app.wait_for(&tid(&format!("page-{slug}")), STEP)
            .await
            .with_context(|| format!("nav-{slug} opens page-{slug}"))?;
        settle(app).await?;
        sweep_dom(app, &mut sweep, slug).await?;
        app.screenshot(&format!("page-{:02}-{slug}", i + 1)).await?;
        match slug.as_str() {
            "deploy" => walk_wizard(app, &mut sweep).await?,
            "instances" => {
                // The row's link (a click on the row's middle may land on a control).
                let row = tid("instance-row-train-h100");
                let link = format!("{row} a[href]");
                if app.is_displayed(&link).await {
                    app.click(&link, STEP).await?;
                } else {
                    app.click(&row, STEP).await?;
                }
                app.wait_for(&tid("page-instance-detail"), STEP).await?;
                settle(app).await?;
                sweep_dom(app, &mut sweep, "instance detail").await?;
                app.screenshot("page-instance-detail").await?;
            }
            "settings" => {
                app.click(&tid("check-connection"), STEP).await?;
                app.wait_for(&tid("check-summary"), SETTLE)
                    .await
                    .context("Settings › Check connection answers")?;
                sweep_dom(app, &mut sweep, "settings after a connection check").await?;
                app.screenshot("settings-connection-check").await?;
            }
            _ => {}
        }
    }

    // A notification: a hibernate timer on train-h100 due in 3 s.
    let fired = |t: &str| t == "train-h100 is hibernating";
    let before = count_notifications(fired)?;
    let at = js(app, "return new Date(Date.now() + 3000).toISOString();").await?;
    let id = vm_id(&api, "train-h100")?;
    invoke(
        app,
        "set_hibernate_timer",
        json!({"vmId": id, "vmName": "train-h100", "at": at}),
    )
    .await?
    .map_err(|e| anyhow!("set_hibernate_timer: {e}"))?;
    let (summary, body) = wait_new_notification("train-h100 is hibernating", fired, before, SETTLE)
        .await
        .context("the timer's notification shows")?;
    j.log(format!("notification {summary:?}: {body:?}"));
    sweep_dom(app, &mut sweep, "after the notification").await?;

    // The CLI on the same keyring entry, in the app's home: `barrack login` (the key on
    // stdin) writes its profiles.json, `barrack balance` reads the key from the keyring.
    // Its files and output join the sweep.
    for (what, args, stdin) in [
        (
            "login",
            vec![
                "login",
                "--api-key-stdin",
                "--profile",
                profile,
                "--api-url",
                s.sim.url.as_str(),
            ],
            Some(key.as_str()),
        ),
        ("balance", vec!["--profile", profile, "balance"], None),
    ] {
        let out = run_cli(j, &args, stdin)?;
        j.log(format!(
            "barrack {what}: {}",
            out.lines().next().unwrap_or_default()
        ));
        sweep.text(&format!("CLI output: barrack {what}"), &out);
    }

    // With the app running…
    let history = Command::new("dunstctl")
        .arg("history")
        .output()
        .context("dunstctl history")?;
    sweep.text(
        "notification history (dunstctl)",
        &String::from_utf8_lossy(&history.stdout),
    );
    sweep_files(j, &mut sweep);
    let running_files = sweep.total_files();
    // …and after it quit (WebKit writes its storage on the way out).
    s.app.quit().await?;
    sweep_files(j, &mut sweep);
    j.log(format!(
        "swept for the key (with the app running: {running_files} files; after it quit: {} \
         more):\n{}",
        sweep.total_files() - running_files,
        sweep.report()
    ));
    std::fs::write(j.artifacts.join("sweep.txt"), sweep.report())?;

    ensure!(
        sweep.hits.is_empty(),
        "the API key was found: {}",
        sweep
            .hits
            .iter()
            .map(|h| format!("{} ({}, {})", h.what, h.place, h.encoding))
            .collect::<Vec<_>>()
            .join("; ")
    );
    // The sweep read what it had to: the shared profile store (which names the profile:
    // the same search finds that) and WebKit's storage.
    let profiles = j.config_home().join("barrack").join("profiles.json");
    ensure!(
        sweep.swept.contains(&profiles),
        "profiles.json was among the files swept"
    );
    let mut control = Sweep::new(profile);
    control.files("profiles", &profiles, |_| false);
    ensure!(
        !control.hits.is_empty(),
        "the sweep finds the profile's name in profiles.json (its search works)"
    );
    // The app's log file was written (not empty) and read: a sweep over no log cannot
    // pass. It names the profile signed in to (the same search finds that), not its key.
    let log_file = app_log_dir(j).join(APP_LOG_FILE);
    let log_bytes = std::fs::metadata(&log_file)
        .with_context(|| format!("the app's log file {} exists", log_file.display()))?
        .len();
    ensure!(
        log_bytes > 0,
        "the app's log file {} is empty",
        log_file.display()
    );
    ensure!(
        sweep.swept.contains(&log_file),
        "the app's log file was among the files swept"
    );
    for (said, what) in [
        (
            format!("signed in: profile {profile:?}"),
            "which profile was signed in to (the search works on the log)",
        ),
        (
            "log level trace".to_owned(),
            "that it ran at the trace level",
        ),
    ] {
        let mut control = Sweep::new(&said);
        control.files("app log", &log_file, |_| false);
        ensure!(!control.hits.is_empty(), "the app's log says {what}");
    }
    j.log(format!(
        "the app's log file {} ({log_bytes} bytes) was swept",
        log_file.display()
    ));
    let webkit: BTreeSet<String> = sweep
        .swept
        .iter()
        .filter(|p| is_webkit(&j.app_data_dir(), p))
        .map(|p| {
            p.strip_prefix(j.app_data_dir())
                .unwrap_or(p)
                .display()
                .to_string()
        })
        .collect();
    j.log(format!(
        "WebKit storage files swept: {}",
        webkit.iter().cloned().collect::<Vec<_>>().join(", ")
    ));
    ensure!(
        !webkit.is_empty(),
        "WebKit's storage in the app's data folder was among the files swept"
    );
    ensure!(
        sweep.total_files() >= 10,
        "only {} files swept",
        sweep.total_files()
    );
    j.log(format!(
        "the key is in none of {} files and {} texts ({} bytes; {})",
        sweep.total_files(),
        sweep.texts.len(),
        sweep.total_bytes(),
        ENCODINGS.join(", ")
    ));
    s.driver.stop();
    Ok(())
}

// --- 2. commands and plugins the capability does not grant -------------------------------------

journey!(
    security_unlisted_command_and_plugin_are_refused,
    "security_unlisted",
    unlisted
);

/// The app's registered commands: its own (`src-tauri/command_list.rs`) and one per API
/// operation whose declaration (`crates/barrack-api/src/operations.rs`) does not say
/// `command: none` — the lists build.rs gives the handler and the permissions.
fn registered_commands() -> Result<BTreeSet<String>> {
    let root = barrack_e2e::workspace_root();
    let path = root.join("src-tauri/command_list.rs");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
    let body = text
        .split_once("command_list!")
        .and_then(|(_, rest)| rest.split_once('{'))
        .and_then(|(_, rest)| rest.split_once('}'))
        .map(|(body, _)| body.to_owned())
        .ok_or_else(|| anyhow!("no command_list! {{…}} in {}", path.display()))?;
    let mut commands: BTreeSet<String> = body
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let path = root.join("crates/barrack-api/src/operations.rs");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
    let mut operations = 0;
    let mut last = None;
    for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
        // `Variant => name {` opens a declaration; its `command:` line may opt out.
        if let Some(name) = line
            .split_once(" => ")
            .and_then(|(_, rest)| rest.strip_suffix(" {"))
        {
            operations += 1;
            commands.insert(name.to_owned());
            last = Some(name.to_owned());
        } else if line.starts_with("command: none") {
            if let Some(name) = last.take() {
                commands.remove(&name);
            }
        }
    }
    ensure!(
        operations > 0,
        "no operation declared in {}",
        path.display()
    );
    Ok(commands)
}

/// The app commands the capability in tauri.conf.json grants (`allow-<kebab-name>`).
fn granted_commands() -> Result<BTreeSet<String>> {
    let path = barrack_e2e::workspace_root().join("tauri.conf.json");
    let conf: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)
        .with_context(|| format!("parse {}", path.display()))?;
    let caps = conf["app"]["security"]["capabilities"]
        .as_array()
        .ok_or_else(|| anyhow!("no app.security.capabilities in tauri.conf.json"))?;
    Ok(caps
        .iter()
        .flat_map(|c| c["permissions"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p.as_str().map(str::to_owned))
        .filter_map(|p| p.strip_prefix("allow-").map(|n| n.replace('-', "_")))
        .collect())
}

/// Plugin commands a script could try: none is granted by the capability (fs is not even
/// registered). Each with arguments that would do something if it were allowed.
fn plugin_calls() -> Vec<(&'static str, Value)> {
    vec![
        ("plugin:fs|read_file", json!({"path": "/etc/passwd"})),
        ("plugin:fs|read_text_file", json!({"path": "/etc/passwd"})),
        ("plugin:dialog|open", json!({"options": {}})),
        ("plugin:store|load", json!({"path": "settings.json"})),
        (
            "plugin:notification|notify",
            json!({"options": {"title": "from a script"}}),
        ),
        ("plugin:opener|open_path", json!({"path": "/etc"})),
        ("plugin:window|title", json!({"label": "main"})),
        ("plugin:webview|print", json!({"label": "main"})),
    ]
}

/// Every registered app command that tauri.conf.json's capability does not grant (read at
/// run time), called from the page → "not allowed", while a granted one (get_session)
/// answers; and plugin commands outside the capability (fs, dialog, store, notification,
/// opener's open_path, window, webview) → refused.
async fn unlisted(j: &Journey, profile: &str) -> Result<()> {
    let registered = registered_commands()?;
    let granted = granted_commands()?;
    let unlisted: Vec<&String> = registered.difference(&granted).collect();
    let ungranted_unknown: Vec<&String> = granted.difference(&registered).collect();
    j.log(format!(
        "{} commands registered, {} granted, {} registered but not granted: {unlisted:?}; \
         granted but not registered: {ungranted_unknown:?}",
        registered.len(),
        granted.len(),
        unlisted.len()
    ));
    ensure!(
        !unlisted.is_empty(),
        "the capability grants all {} registered commands: there is no unlisted command to \
         refuse (the capability is not narrowed to what the UI calls)",
        registered.len()
    );
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let app = &mut s.app;
    let session = invoke(app, "get_session", json!({})).await?;
    ensure!(
        session.is_ok(),
        "a granted command answers (get_session): {session:?}"
    );
    let mut wrong = Vec::new();
    for cmd in &unlisted {
        let started = Instant::now();
        match invoke(app, cmd, json!({})).await? {
            Err(e) if e.to_lowercase().contains("not allowed") => j.log(format!(
                "{cmd}: refused in {:.0} ms: {:?}",
                started.elapsed().as_secs_f64() * 1000.0,
                e.lines().next().unwrap_or_default()
            )),
            other => wrong.push(format!("{cmd} → {other:?}")),
        }
    }
    for (cmd, args) in plugin_calls() {
        match invoke(app, cmd, args).await? {
            Err(e) if e.to_lowercase().contains("not allowed") => j.log(format!(
                "{cmd}: refused: {:?}",
                e.lines().next().unwrap_or_default()
            )),
            other => wrong.push(format!("{cmd} → {other:?}")),
        }
    }
    ensure!(
        wrong.is_empty(),
        "calls outside the capability that were not refused as \"not allowed\": {}",
        wrong.join("; ")
    );
    ensure!(
        app.is_displayed(&tid("app-shell")).await,
        "the app is still there after the refusals"
    );
    app.screenshot("after-refusals").await?;
    j.log(format!(
        "{} unlisted commands and {} plugin commands refused",
        unlisted.len(),
        plugin_calls().len()
    ));
    finish(s).await
}

// --- 3. set_settings cannot move the key ----------------------------------------------------

journey!(
    security_set_settings_cannot_redirect_the_key,
    "security_set_settings",
    set_settings
);

/// The signed-in profile as get_settings has it.
fn profile_of(settings: &Value, profile: &str) -> Result<Value> {
    settings["profiles"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == profile))
        .cloned()
        .ok_or_else(|| anyhow!("get_settings has no profile {profile}: {settings}"))
}

/// Fails if the listener has received anything.
fn nothing_to(listener: &Listener, when: &str) -> Result<()> {
    let seen = listener.seen();
    ensure!(
        seen.is_empty(),
        "{when}: the other address got {} requests ({} with a key): {:?}",
        seen.len(),
        seen.iter().filter(|s| s.carried_credentials).count(),
        seen.iter().map(|s| &s.request_line).collect::<Vec<_>>()
    );
    Ok(())
}

/// Signed in against the emulator; a script sends `set_settings` with the preferences plus
/// `profiles: [{name, baseUrl: <a loopback listener>, authScheme, keyHint}]` and
/// `activeProfile`. The stored profile keeps its base URL, the app keeps talking to the
/// emulator, and the listener gets no request — before and after a restart (quit, open:
/// the session comes back from the keyring).
async fn set_settings(j: &Journey, profile: &str) -> Result<()> {
    let listener = Listener::start()?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    s.app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    let before = invoke(&s.app, "get_settings", json!({}))
        .await?
        .map_err(|e| anyhow!("get_settings: {e}"))?;
    let mine = profile_of(&before, profile)?;
    j.log(format!("the signed-in profile: {mine}"));

    let hostile_url = listener.url("api/");
    let mut hostile = before.clone();
    hostile["profiles"] = json!([{
        "name": profile,
        "baseUrl": hostile_url,
        "authScheme": mine["authScheme"],
        "keyHint": mine["keyHint"],
    }]);
    hostile["activeProfile"] = json!(profile);
    let answer = invoke(&s.app, "set_settings", json!({ "settings": hostile })).await?;
    j.log(format!(
        "set_settings with the base URL {hostile_url} answered {}",
        match &answer {
            Ok(v) => format!("Ok({v})"),
            Err(e) => format!("Err({e})"),
        }
    ));
    let after = invoke(&s.app, "get_settings", json!({}))
        .await?
        .map_err(|e| anyhow!("get_settings: {e}"))?;
    let kept = profile_of(&after, profile)?;
    ensure!(
        kept["baseUrl"] == mine["baseUrl"] && kept["authScheme"] == mine["authScheme"],
        "set_settings from the webview changed the profile: {mine} became {kept}"
    );
    ensure!(
        after["profiles"] == before["profiles"]
            && after["activeProfile"] == before["activeProfile"],
        "set_settings from the webview changed the profiles: {} became {}",
        before["profiles"],
        after["profiles"]
    );

    // The app keeps working against the emulator (pages, the poller, a direct call).
    let since = sim_requests(&s.admin)?;
    for page in ["instances", "billing", "dashboard"] {
        s.app.click(&tid(&format!("nav-{page}")), STEP).await?;
        s.app.wait_for(&tid(&format!("page-{page}")), STEP).await?;
    }
    invoke(&s.app, "get_balance", json!({}))
        .await?
        .map_err(|e| anyhow!("get_balance after the hostile set_settings: {e}"))?;
    let now = sim_traffic(&s.app, &s.admin, since, 5, SETTLE).await?;
    j.log(format!(
        "after set_settings: {} requests to the emulator, {} to the other address",
        now - since,
        listener.seen().len()
    ));
    nothing_to(&listener, "before the restart")?;
    s.app.screenshot("1-after-set-settings").await?;

    // Restarted: the session comes back from the keyring and still talks to the emulator.
    s.app.quit().await?;
    let since = sim_requests(&s.admin)?;
    s.app = s.driver.open(&[]).await?;
    s.app
        .wait_for_never_seeing(&tid("app-shell"), &tid("signin"), START)
        .await
        .context("the restarted app restores the session")?;
    let balance = s
        .app
        .wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    s.app.click(&tid("nav-instances"), STEP).await?;
    s.app.wait_for(&tid("page-instances"), STEP).await?;
    let now = sim_traffic(&s.app, &s.admin, since, 5, SETTLE).await?;
    let restarted = invoke(&s.app, "get_settings", json!({}))
        .await?
        .map_err(|e| anyhow!("get_settings: {e}"))?;
    ensure!(
        profile_of(&restarted, profile)?["baseUrl"] == mine["baseUrl"],
        "after a restart the profile's base URL is {}, not {}",
        profile_of(&restarted, profile)?["baseUrl"],
        mine["baseUrl"]
    );
    ensure!(
        keyring_lookup(profile)?.as_deref() == Some(s.sim.api_key.as_str()),
        "the key is still in the keyring under {profile}"
    );
    j.log(format!(
        "after the restart: balance {balance:?}, {} requests to the emulator, {} to the other \
         address",
        now - since,
        listener.seen().len()
    ));
    nothing_to(&listener, "after the restart")?;
    s.app.screenshot("2-after-restart").await?;
    finish(s).await
}

// --- 4. the content security policy -------------------------------------------------------------

journey!(security_csp_blocks_injected_scripts, "security_csp", csp);

/// In the sandbox, a script (run through WebDriver, as an XSS would) appends
/// `<script src="http://127.0.0.1:<listener>/x.js">` (whose answer would set
/// `window.__barrackInjected`) and an inline `<script>` (setting `window.__barrackInline`),
/// fetches and loads an image from the listener and calls `eval`. The CSP blocks each: the
/// listener sees no request, neither global is set, `securitypolicyviolation` events name
/// the directives.
async fn csp(j: &Journey, _profile: &str) -> Result<()> {
    let listener = Listener::start()?;
    let driver = j.driver().await?;
    let mut app = driver.open(&["--sandbox"]).await?;
    app.wait_for(&tid("app-shell"), START).await?;
    let injected = js(
        &app,
        &format!(
            "const probe = {{remote: 'pending', fetch: 'pending', img: 'pending', eval: 'pending',\
                             violations: []}};\
             window.__cspProbe = probe;\
             document.addEventListener('securitypolicyviolation', (e) =>\
               probe.violations.push((e.effectiveDirective || e.violatedDirective) + ' ' + e.blockedURI));\
             const remote = document.createElement('script');\
             remote.onload = () => {{ probe.remote = 'loaded'; }};\
             remote.onerror = () => {{ probe.remote = 'blocked'; }};\
             remote.src = {remote};\
             document.head.appendChild(remote);\
             const inline = document.createElement('script');\
             inline.textContent = \"window.__barrackInline = 'inline';\";\
             document.head.appendChild(inline);\
             fetch({fetch}).then(() => {{ probe.fetch = 'answered'; }},\
                                 (e) => {{ probe.fetch = 'blocked: ' + e; }});\
             const img = new Image();\
             img.onload = () => {{ probe.img = 'loaded'; }};\
             img.onerror = () => {{ probe.img = 'blocked'; }};\
             img.src = {img};\
             try {{ (0, eval)(\"window.__barrackEval = 'eval'\"); probe.eval = 'ran'; }}\
             catch (e) {{ probe.eval = 'blocked: ' + e.name; }}\
             return true;",
            remote = js_str(&listener.url("x.js")),
            fetch = js_str(&listener.url("leak?from=fetch")),
            img = js_str(&listener.url("pixel.png")),
        ),
    )
    .await?;
    ensure!(injected == json!(true), "the probe ran: {injected}");
    // Each attempt settles (error events, a rejected fetch) and the CSP reports them.
    let probe = wait_js(
        &mut app,
        "the injected script, fetch and image settle",
        "const p = window.__cspProbe;\
         return p.remote !== 'pending' && p.fetch !== 'pending' && p.img !== 'pending'\
           && p.violations.length >= 3 ? p : null;",
        STEP,
    )
    .await?;
    // A request, had one been made, would have reached the listener by now; give a slow one
    // a second more.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let globals = js(
        &app,
        "return {remote: typeof window.__barrackInjected, inline: typeof window.__barrackInline,\
                 eval: typeof window.__barrackEval};",
    )
    .await?;
    j.log(format!("probe: {probe}"));
    j.log(format!("globals: {globals}"));
    nothing_to(&listener, "after the injected script, fetch and image")?;
    ensure!(
        probe["remote"] == "blocked",
        "the remote script was blocked: {probe}"
    );
    ensure!(
        globals["remote"] == "undefined" && globals["inline"] == "undefined",
        "neither injected script ran: {globals}"
    );
    ensure!(
        probe["fetch"]
            .as_str()
            .is_some_and(|f| f.starts_with("blocked")),
        "fetch to another origin was blocked: {probe}"
    );
    ensure!(
        probe["img"] == "blocked",
        "an image from another origin was blocked: {probe}"
    );
    ensure!(
        globals["eval"] == "undefined",
        "eval was blocked: {probe} {globals}"
    );
    let violations: Vec<String> = probe["violations"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    ensure!(
        violations.iter().any(|v| v.starts_with("script-src")),
        "the CSP reported a script-src violation: {violations:?}"
    );
    ensure!(
        app.is_displayed(&tid("app-shell")).await,
        "the app still shows after the attempts"
    );
    app.screenshot("after-injection").await?;
    app.quit().await?;
    driver.stop();
    Ok(())
}

// --- 5. plain http to another computer --------------------------------------------------------

journey!(
    security_plain_http_base_url_is_refused,
    "security_plain_http",
    plain_http
);

/// The sign-in screen with a plain-http base URL of another computer (a name that cannot
/// resolve, and a TEST-NET address) → `base-url-error` says https is needed, Advanced stays
/// open on it, no session, nothing in the keyring or the settings.
async fn plain_http(j: &Journey, profile: &str) -> Result<()> {
    let driver = j.driver().await?;
    let mut app = driver.open(&[]).await?;
    let key = "sk-e2e-plain-http-0000-0000";
    for (i, url) in ["http://barrack.invalid/api/", "http://192.0.2.10/api/"]
        .into_iter()
        .enumerate()
    {
        app.wait_for(&tid("signin"), START).await?;
        app.fill(&tid("api-key"), key, STEP).await?;
        app.fill(&tid("profile-name"), profile, STEP).await?;
        if !app.is_displayed(&tid("base-url")).await {
            app.click(&tid("advanced-toggle"), STEP).await?;
        }
        app.fill(&tid("base-url"), url, STEP).await?;
        let started = Instant::now();
        app.click(&tid("sign-in-submit"), STEP).await?;
        let message = app
            .wait_text(
                &tid("base-url-error"),
                |t| t.to_lowercase().contains("https"),
                STEP,
            )
            .await
            .with_context(|| format!("{url} is refused at the base URL field"))?;
        let took = started.elapsed();
        j.log(format!(
            "{url}: refused in {:.0} ms: {message:?}",
            took.as_secs_f64() * 1000.0
        ));
        ensure!(!message.contains(key), "the message does not echo the key");
        let invalid = js(
            &app,
            "const e = first('[data-testid=\"base-url\"]');\
             return e ? e.getAttribute('aria-invalid') : null;",
        )
        .await?;
        ensure!(
            invalid == json!("true"),
            "the base URL field is marked invalid ({invalid})"
        );
        ensure!(
            !app.is_displayed(&tid("app-shell")).await,
            "a refused base URL opens no session"
        );
        ensure!(
            keyring_lookup(profile)?.is_none(),
            "nothing was stored in the keyring for {url}"
        );
        app.screenshot(&format!("{}-refused", i + 1)).await?;
    }
    for saved in [
        j.app_data_dir().join("settings.json"),
        j.config_home().join("barrack").join("profiles.json"),
    ] {
        let text = std::fs::read_to_string(&saved).unwrap_or_default();
        ensure!(
            !text.contains("barrack.invalid") && !text.contains("192.0.2.10"),
            "no refused base URL was saved in {}: {text}",
            saved.display()
        );
    }
    app.quit().await?;
    driver.stop();
    Ok(())
}

// --- 6. the window and the tray ----------------------------------------------------------------

/// Whether the window journeys can run: openbox and the X tools. Missing → skip with the
/// reason, or fail when `CI` is set.
fn window_tools(j: &Journey) -> Result<bool> {
    let missing = wm::missing_tools();
    if missing.is_empty() {
        return Ok(true);
    }
    let reason = format!(
        "missing {} (scripts/setup installs openbox, wmctrl, xdotool and x11-utils)",
        missing.join(", ")
    );
    if wm::is_ci() {
        bail!("{reason}; CI is set, so this fails instead of skipping");
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "e2e journey {}: SKIPPED: {reason}",
        j.name
    );
    Ok(false)
}

/// Waits until the window's size reads the same twice 300 ms apart (a window manager
/// settles a new window's size in a few steps); returns it.
async fn steady_size(window: u64) -> Result<wm::WindowSize> {
    let deadline = Instant::now() + STEP;
    let mut last = wm::size(window)?;
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = wm::size(window)?;
        if now == last {
            return Ok(now);
        }
        if Instant::now() > deadline {
            bail!("the window's size kept changing: {last} then {now}");
        }
        last = now;
    }
}

journey!(
    security_window_size_kept_over_restarts,
    "security_window_size",
    window_size
);

/// Under openbox (title bar and frame): the sandbox's window resized to 1100×680, closed
/// with the title bar's × (no timer pending: the app quits), opened again three times, each
/// time closed the same way. Every start shows the same size, inside and with the frame.
async fn window_size(j: &Journey, _profile: &str) -> Result<()> {
    if !window_tools(j)? {
        return Ok(());
    }
    let _wm = Openbox::start(j).await?;
    let driver = j.driver().await?;
    let (want_w, want_h) = (1100, 680);
    let mut sizes = Vec::new();
    for run in 0..=3 {
        let mut app = driver.open(&["--sandbox"]).await?;
        app.wait_for(&tid("app-shell"), START).await?;
        let window = wm::wait_window(&app.pids, START).await?;
        if run == 0 {
            let first = steady_size(window).await?;
            j.log(format!("first start: {first}"));
            wm::resize(window, want_w, want_h)?;
            let deadline = Instant::now() + STEP;
            while wm::size(window)?.width != want_w || wm::size(window)?.height != want_h {
                if Instant::now() > deadline {
                    bail!(
                        "the window did not take {want_w}x{want_h}: {}",
                        wm::size(window)?
                    );
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        let size = steady_size(window).await?;
        let inner = js(&app, "return [window.innerWidth, window.innerHeight];").await?;
        j.log(format!(
            "start {run}: {size}; the page's viewport {inner}; _NET_WM_STATE {}",
            wm::wm_state(window)
        ));
        app.screenshot(&format!("start-{run}")).await?;
        sizes.push(size);
        wm::close(window)?;
        let took = app
            .wait_exited(STEP)
            .await
            .context("with no timer pending, closing the window quits the app")?;
        j.log(format!(
            "closed through the window manager: the app quit in {:.2}s",
            took.as_secs_f64()
        ));
    }
    ensure!(
        sizes[0].width == want_w && sizes[0].height == want_h,
        "the resized window measures {}",
        sizes[0]
    );
    for (run, size) in sizes.iter().enumerate().skip(1) {
        ensure!(
            (size.width, size.height) == (sizes[0].width, sizes[0].height)
                && size.outer() == sizes[0].outer(),
            "start {run} after a restart: {size}, not {} as when it was closed \
             (sizes per start: {})",
            sizes[0],
            sizes
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    driver.stop();
    Ok(())
}

journey!(
    security_window_close_keeps_timers_running,
    "security_window_close",
    window_close
);

/// Under openbox, signed in against the emulator: a hibernate timer on train-h100 due in
/// 20 s, then the window closed with the title bar's ×. The app keeps running: hidden to the
/// tray where the session bus has a StatusNotifierWatcher, else minimized (WM_STATE Iconic)
/// with a notification that says why; when the timer falls due it hibernates train-h100 —
/// the emulator gets the hibernate request on time (within 10 s, never early) and shows the
/// VM HIBERNATING/HIBERNATED, dunst shows the timer's notification.
async fn window_close(j: &Journey, profile: &str) -> Result<()> {
    if !window_tools(j)? {
        return Ok(());
    }
    let _wm = Openbox::start(j).await?;
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let app = &mut s.app;
    app.wait_text(&tid("header-balance"), is_positive_amount, STEP)
        .await?;
    let id = vm_id(&api, "train-h100")?;
    let fired = |t: &str| t == "train-h100 is hibernating";
    let before = count_notifications(fired)?;
    let hibernates_before = s.admin.count("hibernate_instance")?;

    let lead = Duration::from_secs(20);
    let at = js(
        app,
        &format!(
            "return new Date(Date.now() + {}).toISOString();",
            lead.as_millis()
        ),
    )
    .await?;
    let due = Instant::now() + lead;
    invoke(
        app,
        "set_hibernate_timer",
        json!({"vmId": id, "vmName": "train-h100", "at": at}),
    )
    .await?
    .map_err(|e| anyhow!("set_hibernate_timer: {e}"))?;
    j.log(format!("timer on train-h100 at {at}"));
    let window = wm::wait_window(&app.pids, STEP).await?;
    app.screenshot("1-timer-set").await?;
    // With a tray host the window hides to the tray; without one (Xvfb's session bus has
    // no StatusNotifierWatcher unless a panel runs) it is minimized, and the app says why.
    let tray = wm::tray_host_present();
    let (expected, told) = if tray {
        ("hidden to the tray", "Barrack Desktop is still running")
    } else {
        ("minimized", "Barrack Desktop was minimized, not closed")
    };
    let is_told = |t: &str| t == told;
    let told_before = count_notifications(is_told)?;
    wm::close(window)?;
    let closed = Instant::now();

    // The window goes away while the app runs on.
    let deadline = closed + STEP;
    loop {
        ensure!(
            app.is_running(),
            "closing the window with a pending timer quit the app"
        );
        let map = wm::map_state(window);
        let icccm = wm::icccm_state(window);
        let done = if tray {
            map.as_deref() != Some("IsViewable") && icccm.as_deref() != Some("Iconic")
        } else {
            icccm.as_deref() == Some("Iconic")
        };
        if done {
            break;
        }
        if Instant::now() > deadline {
            bail!(
                "the window was not {expected} {:.0}s after it was closed (tray host: {tray}; \
                 map state {map:?}, WM_STATE {icccm:?}, {})",
                STEP.as_secs_f64(),
                wm::wm_state(window)
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    j.log(format!(
        "window closed: {expected} after {:.2}s (tray host: {tray}; map state {:?}, WM_STATE \
         {:?}); the app runs on",
        closed.elapsed().as_secs_f64(),
        wm::map_state(window),
        wm::icccm_state(window)
    ));
    let (summary, body) = wait_new_notification(told, is_told, told_before, STEP)
        .await
        .context("the app says why it keeps running")?;
    j.log(format!("notification {summary:?}: {body:?}"));

    // The timer fires on time with the window closed.
    let late_limit = Duration::from_secs(10);
    let fired_at = loop {
        ensure!(
            app.is_running(),
            "the app quit while a timer was pending ({:.1}s after the window closed)",
            closed.elapsed().as_secs_f64()
        );
        if s.admin.count("hibernate_instance")? > hibernates_before {
            break Instant::now();
        }
        if Instant::now() > due + late_limit {
            bail!(
                "the timer due {:.0}s after it was set had not hibernated train-h100 {:.0}s \
                 after it fell due (the window was closed)",
                lead.as_secs_f64(),
                late_limit.as_secs_f64()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let offset = if fired_at >= due {
        format!("+{:.2}s", (fired_at - due).as_secs_f64())
    } else {
        format!("-{:.2}s", (due - fired_at).as_secs_f64())
    };
    ensure!(
        fired_at + Duration::from_secs(1) >= due,
        "the timer fired {offset} before it was due"
    );
    let state = s.admin.call("GET", "state", None)?;
    let status = vm_status(&api, "train-h100")?;
    ensure!(
        status == "HIBERNATING" || status == "HIBERNATED",
        "the emulator has train-h100 {status} after the timer fired"
    );
    j.log(format!(
        "the timer fired {offset} from its due time with the window closed; the emulator \
         (clock {}) has train-h100 {status}",
        state["now"]
    ));
    let (summary, body) = wait_new_notification("train-h100 is hibernating", fired, before, STEP)
        .await
        .context("the timer's notification shows with the window closed")?;
    j.log(format!("notification {summary:?}: {body:?}"));
    ensure!(app.is_running(), "the app still runs after the timer fired");
    finish(s).await
}
