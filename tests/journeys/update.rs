//! Journey group `update`: signed updates, end to end, with the packages a user gets.
//!
//! The journey generates a throw-away signing key pair, builds version N and version N+1 as
//! `.deb`s with `scripts/package` and a TEST-ONLY configuration overlay it writes itself (its
//! public key; the endpoint `http://127.0.0.1:<port>/latest.json` of a server in this test;
//! `dangerousInsecureTransportProtocol`, which plain http on loopback needs — none of this is
//! in the shipped tauri.conf.json), installs N with apt-get, signs in to barrack-sim, and:
//! - sees the automatic check leave its notice, after the first data;
//! - N+1 signed with ANOTHER key: offered with its notes, refused at install with the clear
//!   message, dpkg still says N;
//! - N+1 changed after signing (a byte flipped): refused the same way, dpkg still says N;
//! - N+1 as published: offered, verified, installed (the plugin runs `sudo dpkg -i`), dpkg
//!   says N+1 and the app restarts itself from the new file; a new WebDriver session on
//!   the installed app shows N+1 as the running version.
//!
//! The server records every request: none carries an Authorization header or the API key.
//! The package is always removed at the end (a guard purges it when the journey fails).
//!
//! Two release builds: N+1 differs from N only in its version (which the binary carries, so
//! it is a second build; cargo rebuilds the app crate alone, about a minute when warm). The
//! release target folder is `BARRACK_E2E_RELEASE_TARGET` when set (on a shared machine: one
//! kept warm for release builds), else `CARGO_TARGET_DIR`. Needs root; run with
//! `scripts/e2e update`.

use anyhow::{anyhow, bail, ensure, Context, Result};
use barrack_e2e::package::{can_install, deb_field, dpkg_status, output, size_text, Installed};
use barrack_e2e::{tid, workspace_root, Journey, Sim, START, STEP};
use serde_json::json;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Where the package puts the program.
const INSTALLED_BINARY: &str = "/usr/bin/barrack-desktop";
/// The versions built here: test-only numbers, so they never collide with the tree's own
/// packages in the bundle folder.
const VERSION_N: &str = "0.90.0";
const VERSION_NEXT: &str = "0.90.1";
const NOTES: &str = "Update journey release: faster start-up and signed updates.";
/// From "Install and restart" to dpkg knowing the new version (download from loopback,
/// signature check, dpkg -i), with room for a slow machine.
const INSTALLED_WITHIN: Duration = Duration::from_secs(180);

/// A request as the update server saw it.
#[derive(Debug, Clone)]
struct Seen {
    line: String,
    headers: Vec<(String, String)>,
}

/// What the server answers now.
#[derive(Clone)]
struct Release {
    latest_json: Vec<u8>,
    deb: Vec<u8>,
}

/// The update server: loopback only, `/latest.json` and `/update.deb`, every request
/// recorded.
struct UpdateServer {
    port: u16,
    release: Arc<Mutex<Option<Release>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    task: tokio::task::JoinHandle<()>,
}

impl UpdateServer {
    /// Bound before the builds: its port is compiled into them (the overlay's endpoint).
    fn bind() -> Result<std::net::TcpListener> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        Ok(listener)
    }

    fn start(listener: std::net::TcpListener) -> Result<UpdateServer> {
        let port = listener.local_addr()?.port();
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let release: Arc<Mutex<Option<Release>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let (r, s) = (release.clone(), seen.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (r, s) = (r.clone(), s.clone());
                tokio::spawn(async move {
                    let _ = answer(stream, r, s).await;
                });
            }
        });
        Ok(UpdateServer {
            port,
            release,
            seen,
            task,
        })
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn serve(&self, release: Release) {
        *self.release.lock().unwrap() = Some(release);
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for UpdateServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One HTTP/1.1 exchange (the plugin's client asks one thing per connection it needs).
async fn answer(
    mut stream: tokio::net::TcpStream,
    release: Arc<Mutex<Option<Release>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
) -> Result<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 || head.len() > 64 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let line = lines.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    seen.lock().unwrap().push(Seen {
        line: line.clone(),
        headers,
    });
    let path = line.split_whitespace().nth(1).unwrap_or_default();
    let now = release.lock().unwrap().clone();
    let (status, kind, body) = match (path, now) {
        ("/latest.json", Some(r)) => ("200 OK", "application/json", r.latest_json),
        ("/update.deb", Some(r)) => ("200 OK", "application/octet-stream", r.deb),
        _ => ("404 Not Found", "text/plain", b"not here".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.shutdown().await?;
    Ok(())
}

/// The latest.json of a release, as whoever publishes releases writes it (see README,
/// "Updates"): the version, notes, date and, per platform, the package and its signature.
fn latest_json(server: &UpdateServer, version: &str, signature: &str) -> Vec<u8> {
    serde_json::to_vec_pretty(&json!({
        "version": version,
        "notes": NOTES,
        "pub_date": "2026-12-01T12:00:00Z",
        "platforms": {
            "linux-x86_64-deb": {
                "signature": signature,
                "url": format!("{}/update.deb", server.base()),
            }
        }
    }))
    .expect("JSON")
}

fn tauri_cli() -> PathBuf {
    workspace_root().join("ui/node_modules/.bin/tauri")
}

/// A throw-away key pair without a password: (private key file, public key).
fn generate_key(path: &Path) -> Result<(PathBuf, String)> {
    output(
        Command::new(tauri_cli())
            .args(["signer", "generate", "--ci", "-f", "-p", ""])
            .arg("-w")
            .arg(path)
            .env_remove("TAURI_SIGNING_PRIVATE_KEY"),
    )?;
    let public = fs::read_to_string(path.with_extension("key.pub"))
        .or_else(|_| fs::read_to_string(format!("{}.pub", path.display())))
        .context("the public key beside the private one")?;
    Ok((path.to_path_buf(), public.trim().to_owned()))
}

/// Signs `file` with `key` for `version` (as the bundler does); the signature's text.
fn sign(file: &Path, key: &Path, version: &str) -> Result<String> {
    output(
        Command::new(tauri_cli())
            .args(["signer", "sign", "-p", "", "--app-version", version, "-f"])
            .arg(key)
            .arg(file)
            .env_remove("TAURI_SIGNING_PRIVATE_KEY")
            .env_remove("TAURI_SIGNING_PRIVATE_KEY_PASSWORD"),
    )?;
    Ok(fs::read_to_string(format!("{}.sig", file.display()))?
        .trim()
        .to_owned())
}

/// The release target folder (see the header).
fn release_target() -> Option<String> {
    std::env::var("BARRACK_E2E_RELEASE_TARGET")
        .ok()
        .or_else(|| std::env::var("CARGO_TARGET_DIR").ok())
        .filter(|d| !d.is_empty())
}

/// Builds `version` with the test overlay and the throw-away key (the bundler signs the
/// .deb: `<deb>.sig`); copies both into `dir`. Returns (the .deb, its signature).
fn build(
    j: &Journey,
    version: &str,
    overlay: &Path,
    key: &Path,
    dir: &Path,
) -> Result<(PathBuf, String)> {
    let log = j.artifacts.join(format!("package-{version}.log"));
    j.log(format!(
        "building {version}: scripts/package --version {version} --config {} (output in {})",
        overlay.display(),
        log.display()
    ));
    let started = Instant::now();
    let out = fs::File::create(&log)?;
    let mut cmd = Command::new(workspace_root().join("scripts/package"));
    cmd.current_dir(workspace_root())
        .args(["--version", version, "--config"])
        .arg(overlay)
        .env("TAURI_SIGNING_PRIVATE_KEY", fs::read_to_string(key)?.trim())
        .env("TAURI_SIGNING_PRIVATE_KEY_PASSWORD", "")
        .env_remove("BARRACK_PACKAGE_VERSION")
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out);
    if let Some(target) = release_target() {
        cmd.env("CARGO_TARGET_DIR", target);
    }
    let status = cmd.status().context("run scripts/package")?;
    let text = fs::read_to_string(&log).unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = text.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "scripts/package {version} failed ({status}):\n{}",
            tail.join("\n")
        );
    }
    let built = text
        .lines()
        .find_map(|l| l.strip_prefix("package: deb "))
        .map(PathBuf::from)
        .ok_or_else(|| anyhow!("scripts/package printed no .deb"))?;
    let sig = PathBuf::from(format!("{}.sig", built.display()));
    ensure!(
        sig.is_file(),
        "the bundler signed no {} (was createUpdaterArtifacts on?)",
        sig.display()
    );
    fs::create_dir_all(dir)?;
    let deb = dir.join(built.file_name().unwrap());
    fs::copy(&built, &deb)?;
    let signature = fs::read_to_string(&sig)?.trim().to_owned();
    // Test-only builds (a loopback endpoint over http) do not stay where releases are
    // picked up.
    let rpm = text
        .lines()
        .find_map(|l| l.strip_prefix("package: rpm "))
        .map(PathBuf::from);
    for f in [Some(built.clone()), rpm].into_iter().flatten() {
        let _ = fs::remove_file(format!("{}.sig", f.display()));
        let _ = fs::remove_file(&f);
        // The bundler's staging folder beside it.
        let _ = fs::remove_dir_all(f.with_extension(""));
    }
    j.log(format!(
        "built {version} in {:.0}s: {} {}",
        started.elapsed().as_secs_f64(),
        size_text(&deb),
        deb.display()
    ));
    Ok((deb, signature))
}

/// The processes running the installed program's current file (a process started before
/// the file was replaced reads "… (deleted)").
fn running_installed() -> Vec<u32> {
    let Ok(dir) = fs::read_dir("/proc") else {
        return vec![];
    };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            fs::read_link(format!("/proc/{pid}/exe"))
                .is_ok_and(|exe| exe == Path::new(INSTALLED_BINARY))
        })
        .collect()
}

/// Ends the app the update restarted (TERM, then KILL), by its pids.
async fn end_restarted(j: &Journey, pids: &[u32]) -> Result<()> {
    let mut deadline = Instant::now() + Duration::from_secs(10);
    let mut signal = "TERM";
    loop {
        let left: Vec<u32> = running_installed()
            .into_iter()
            .filter(|p| pids.contains(p))
            .collect();
        if left.is_empty() {
            j.log(format!("restarted app {pids:?} ended"));
            return Ok(());
        }
        if Instant::now() > deadline {
            if signal == "KILL" {
                bail!("the restarted app {left:?} outlived SIGKILL");
            }
            signal = "KILL";
            deadline = Instant::now() + Duration::from_secs(5);
        }
        for pid in &left {
            let _ = Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(pid.to_string())
                .status();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn installed_version(package: &str) -> Option<String> {
    dpkg_status(package)
        .filter(|(status, _)| status == "install ok installed")
        .map(|(_, v)| v)
}

/// Checks for updates in Settings and waits for the offer of `version` with the notes.
async fn see_offer(app: &barrack_e2e::App, server: &UpdateServer, version: &str) -> Result<()> {
    // The offer on screen must be THIS check's answer (the backend installs what the last
    // check found): the server sees the check's request before the offer is read.
    let checks = || {
        server
            .seen()
            .iter()
            .filter(|s| s.line.contains("/latest.json"))
            .count()
    };
    let before = checks();
    app.click(&tid("update-check"), STEP).await?;
    let asked = Instant::now();
    while checks() == before {
        if asked.elapsed() > STEP {
            bail!(
                "the update server saw no check within {}s of the click",
                STEP.as_secs()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.wait_text(&tid("update-check"), |t| t == "Check for updates", STEP)
        .await
        .context("the check ends")?;
    app.wait_text(&tid("update-offer-version"), |t| t == version, STEP)
        .await
        .context("the offered version")?;
    app.wait_text(&tid("update-offer-notes"), |t| t == NOTES, STEP)
        .await
        .context("the release notes")?;
    Ok(())
}

/// Installs the offered update, which must be refused with the clear message, the
/// installed version staying `version`.
async fn refused(j: &Journey, app: &mut barrack_e2e::App, package: &str, what: &str) -> Result<()> {
    app.click(&tid("update-install"), STEP).await?;
    let message = app
        .wait_text(
            &tid("update-refused"),
            |t| t.contains("signature is not valid") && t.contains("running version is unchanged"),
            STEP,
        )
        .await
        .with_context(|| format!("{what}: refused with the clear message"))?;
    barrack_e2e::scroll_to(app, "update-refused").await?;
    app.screenshot(&format!("refused-{}", what.replace(' ', "-")))
        .await?;
    let now = installed_version(package);
    ensure!(
        now.as_deref() == Some(VERSION_N),
        "{what}: dpkg says {now:?}, not {VERSION_N}"
    );
    ensure!(
        !app.is_displayed(&tid("update-restarting")).await,
        "{what}: the app says it is restarting"
    );
    j.log(format!(
        "{what}: refused ({message:?}); dpkg still says {VERSION_N}"
    ));
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn signed_update_offered_verified_installed_and_bad_ones_refused() -> Result<()> {
    let Some(j) = Journey::begin("update") else {
        return Ok(());
    };
    if !can_install(&j) {
        return Ok(());
    }
    ensure!(
        Command::new("sudo").arg("--version").output().is_ok(),
        "the updater installs with sudo (or pkexec): run scripts/setup"
    );
    let profile = "e2e-update";
    barrack_e2e::keyring_clear(profile);
    let result = journey(&j, profile).await;
    barrack_e2e::keyring_clear(profile);
    result?;
    j.finish();
    Ok(())
}

async fn journey(j: &Journey, profile: &str) -> Result<()> {
    // The keys: the release's, and another one (the wrong signature).
    let keys = j.work.join("keys");
    fs::create_dir_all(&keys)?;
    let (key, public) = generate_key(&keys.join("release.key"))?;
    let (other_key, _) = generate_key(&keys.join("other.key"))?;

    // The server's port goes into the builds.
    let listener = UpdateServer::bind()?;
    let port = listener.local_addr()?.port();
    let overlay = j.work.join("updater-test-overlay.json");
    fs::write(
        &overlay,
        serde_json::to_vec_pretty(&json!({
            "plugins": { "updater": {
                "_comment": "TEST ONLY (the update journey): a throw-away key and a loopback server over plain http.",
                "pubkey": public,
                "endpoints": [format!("http://127.0.0.1:{port}/latest.json")],
                "dangerousInsecureTransportProtocol": true
            } }
        }))?,
    )?;
    let builds = j.work.join("builds");
    let (deb_n, signature_n) = build(j, VERSION_N, &overlay, &key, &builds.join(VERSION_N))?;
    let (deb_next, signature) = build(j, VERSION_NEXT, &overlay, &key, &builds.join(VERSION_NEXT))?;
    let package = deb_field(&deb_n, "Package")?;
    ensure!(deb_field(&deb_next, "Version")? == VERSION_NEXT);
    let server = UpdateServer::start(listener)?;

    // The bad releases: the same package signed with another key; the package changed after
    // it was signed (one byte in the middle), with the release's own signature.
    let wrong_dir = j.work.join("wrong-key");
    fs::create_dir_all(&wrong_dir)?;
    let wrong_deb = wrong_dir.join("update.deb");
    fs::copy(&deb_next, &wrong_deb)?;
    let wrong_signature = sign(&wrong_deb, &other_key, VERSION_NEXT)?;
    let good = fs::read(&deb_next)?;
    let mut tampered = good.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x01;

    // Version N, installed as a user does; the guard removes it whatever happens (declared
    // before the driver, so the app has ended first).
    let installed = Installed::install(j, &deb_n)?;
    ensure!(installed_version(&package).as_deref() == Some(VERSION_N));
    j.log(format!("{package} {VERSION_N} installed"));

    server.serve(Release {
        latest_json: latest_json(&server, VERSION_NEXT, &wrong_signature),
        deb: good.clone(),
    });
    let sim: Sim = j.sim(&[]).await?;
    let api_key = sim.api_key.clone();
    let driver = j.driver().await?;
    let mut app = driver.open_binary(Path::new(INSTALLED_BINARY), &[]).await?;
    barrack_e2e::sign_in_screen(j, &app, profile, &sim).await?;

    // The automatic check, after the first data: a notice, blocking nothing.
    app.wait_text(
        "[data-testid=\"app-notice\"][data-kind=\"UpdateAvailable\"]",
        |t| t.contains(VERSION_NEXT) && t.contains(VERSION_N),
        Duration::from_secs(90),
    )
    .await
    .context("the automatic check's notice")?;
    j.log("the automatic check left its notice");
    app.click(&tid("nav-settings"), STEP).await?;
    app.wait_for(&tid("updates-section"), STEP).await?;

    // Signed with another key.
    see_offer(&app, &server, VERSION_NEXT).await?;
    barrack_e2e::scroll_to(&app, "update-offer").await?;
    app.screenshot("offered").await?;
    refused(j, &mut app, &package, "wrong key").await?;

    // Changed after signing.
    server.serve(Release {
        latest_json: latest_json(&server, VERSION_NEXT, &signature),
        deb: tampered,
    });
    see_offer(&app, &server, VERSION_NEXT).await?;
    refused(j, &mut app, &package, "tampered file").await?;

    // An older release announced as the newer one: N's own package with its valid
    // signature, which names N, not the version latest.json announces (a downgrade).
    server.serve(Release {
        latest_json: latest_json(&server, VERSION_NEXT, &signature_n),
        deb: fs::read(&deb_n)?,
    });
    see_offer(&app, &server, VERSION_NEXT).await?;
    refused(j, &mut app, &package, "older release").await?;

    // As published.
    server.serve(Release {
        latest_json: latest_json(&server, VERSION_NEXT, &signature),
        deb: good,
    });
    see_offer(&app, &server, VERSION_NEXT).await?;
    let before: Vec<u32> = running_installed();
    app.click(&tid("update-install"), STEP).await?;
    let started = Instant::now();
    loop {
        if installed_version(&package).as_deref() == Some(VERSION_NEXT) {
            break;
        }
        if started.elapsed() > INSTALLED_WITHIN {
            bail!(
                "dpkg says {:?} {}s after Install and restart",
                dpkg_status(&package),
                INSTALLED_WITHIN.as_secs()
            );
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    j.log(format!(
        "dpkg says {VERSION_NEXT} {:.1}s after Install and restart",
        started.elapsed().as_secs_f64()
    ));
    // The app restarts itself from the new file.
    let restarted = loop {
        let now: Vec<u32> = running_installed()
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect();
        if !now.is_empty() {
            break now;
        }
        if started.elapsed() > INSTALLED_WITHIN {
            bail!("no process of the new {INSTALLED_BINARY} after the install");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    j.log(format!(
        "restarted: pid {restarted:?} runs the new {INSTALLED_BINARY}"
    ));
    // The old session's window is gone; end it and whatever it started. The restarted app
    // is this journey's too: ended by its pid, so a new session starts its own instead of
    // handing over to it (single instance).
    app.kill().await?;
    driver.stop();
    end_restarted(j, &restarted).await?;

    // A new session: the installed app is N+1 and knows it.
    let driver = j.driver().await?;
    let mut app = driver.open_binary(Path::new(INSTALLED_BINARY), &[]).await?;
    app.wait_for(&tid("app-shell"), START)
        .await
        .context("the saved profile opens the app shell")?;
    app.click(&tid("nav-settings"), STEP).await?;
    app.click(&tid("update-check"), STEP).await?;
    app.wait_text(&tid("update-current-version"), |t| t == VERSION_NEXT, STEP)
        .await
        .context("the running version after the update")?;
    app.wait_for(&tid("update-latest"), STEP).await?;
    barrack_e2e::scroll_to(&app, "update-latest").await?;
    app.screenshot("updated").await?;
    j.log(format!("a new session runs {VERSION_NEXT}, the latest"));
    app.quit().await?;
    driver.stop();
    drop(sim);

    // What the update server saw: the plugin's own requests, never the API key.
    let seen = server.seen();
    for s in &seen {
        j.log(format!("update server saw: {} {:?}", s.line, s.headers));
    }
    let checks = seen
        .iter()
        .filter(|s| s.line.contains("/latest.json"))
        .count();
    let downloads = seen
        .iter()
        .filter(|s| s.line.contains("/update.deb"))
        .count();
    ensure!(checks >= 6, "1 automatic + 5 manual checks: {checks}");
    ensure!(
        downloads == 4,
        "four downloads (three refused): {downloads}"
    );
    for s in &seen {
        ensure!(
            !s.headers
                .iter()
                .any(|(k, _)| k == "authorization" || k == "x-api-key"),
            "an update request carried credentials: {s:?}"
        );
        ensure!(
            !s.line.contains(&api_key) && !s.headers.iter().any(|(_, v)| v.contains(&api_key)),
            "an update request carried the API key: {s:?}"
        );
    }
    j.log(format!(
        "{checks} checks and {downloads} downloads, none with the API key or an Authorization header"
    ));

    installed.remove(j)?;
    ensure!(
        dpkg_status(&package).is_none(),
        "{package} is still known to dpkg"
    );
    j.log(format!("{package} removed"));
    Ok(())
}
