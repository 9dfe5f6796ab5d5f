//! Journey group `desktop`: the desktop's own powers (issue 16) against the journey's own
//! `barrack-sim` (`--seed sandbox`: ACTIVE `train-h100` with a public address, SHUTOFF
//! `dev-a6000`), signed in as a real account — not the app's sandbox.
//!
//! Nothing connects to a VM's address: a recording `x-terminal-emulator` is first on the
//! PATH the app inherits, and the `vscode:` scheme is handled, in the journey's own XDG
//! folders (a `.desktop` file and `mimeapps.list`), by a recording script. Both only write
//! what they were given to a file, which the journey waits for (with a deadline) and reads.
//!
//! - `desktop_open`: Open in terminal runs `x-terminal-emulator -e ssh ubuntu@<address>`,
//!   with `-i <file>` once a key file is chosen in Settings (the backend's native dialog,
//!   answered with xdotool); Open in VS Code opens
//!   `vscode://vscode-remote/ssh-remote+ubuntu@<address>/home/ubuntu`; a SHUTOFF VM's
//!   buttons are disabled with the reason. Then deep links: a second start of the binary
//!   with `barrack://instances/<id>`, in the same D-Bus session, hands the link to the open
//!   window (single instance) and exits; the window shows that VM. A bad link is refused
//!   with a notice and the window stays where it was. A link given to the first start
//!   (no window yet) is shown once the session is restored.
//! - `desktop_sandbox`: in the app's sandbox the same buttons launch nothing and say so.
//!
//! Run with `scripts/e2e desktop`; elsewhere each journey prints why it skipped.

use anyhow::{bail, ensure, Context, Result};
use barrack_e2e::dialog::{screenshot_root, windows_named};
use barrack_e2e::{
    app_path, disabled_reason, finish, journey, sign_in_screen, tid, Admin, Api, App, Journey,
    Signed, START, STEP,
};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A recording script writing what it was given, or a second start handing over its link.
const RECORDED: Duration = Duration::from_secs(20);

/// The sandbox seed at a simulated minute per second.
const SEED: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];

/// Where the recording programs live and write.
struct Recorders {
    bin: PathBuf,
    out: PathBuf,
}

impl Recorders {
    fn terminal_file(&self) -> PathBuf {
        self.out.join("terminal.argv")
    }
    fn vscode_file(&self) -> PathBuf {
        self.out.join("vscode.url")
    }

    /// PATH with the recorders first, for the app to inherit.
    fn env(&self) -> Vec<(String, String)> {
        let path = std::env::var("PATH").unwrap_or_default();
        vec![("PATH".into(), format!("{}:{path}", self.bin.display()))]
    }
}

/// A shell script at `path` that writes its arguments, one a line, to `out` (whole, through
/// a rename, so a reader never sees half of it).
fn recording_script(path: &Path, out: &Path) -> Result<()> {
    let out = out.display();
    fs::write(
        path,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{out}.tmp' && mv '{out}.tmp' '{out}'\n"),
    )?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))?;
    Ok(())
}

/// The recording `x-terminal-emulator` on a PATH of its own, and a recording handler of
/// `vscode:` links in the journey's XDG folders (the app's HOME), as xdg-open finds one.
fn install_recorders(j: &Journey) -> Result<Recorders> {
    let rec = Recorders {
        bin: j.work.join("bin"),
        out: j.work.join("recorded"),
    };
    for d in [
        &rec.bin,
        &rec.out,
        &j.data_home().join("applications"),
        &j.config_home(),
    ] {
        fs::create_dir_all(d)?;
    }
    recording_script(&rec.bin.join("x-terminal-emulator"), &rec.terminal_file())?;
    let vscode = rec.bin.join("record-vscode");
    recording_script(&vscode, &rec.vscode_file())?;
    fs::write(
        j.data_home().join("applications/record-vscode.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Recording VS Code\nExec={} %u\n\
             MimeType=x-scheme-handler/vscode;\nNoDisplay=true\n",
            vscode.display()
        ),
    )?;
    fs::write(
        j.config_home().join("mimeapps.list"),
        "[Default Applications]\nx-scheme-handler/vscode=record-vscode.desktop\n",
    )?;
    Ok(rec)
}

/// Waits for a recording file and reads it (then removes it, for the next click).
async fn recorded(file: &Path) -> Result<String> {
    let deadline = Instant::now() + RECORDED;
    loop {
        if let Ok(text) = fs::read_to_string(file) {
            let _ = fs::remove_file(file);
            return Ok(text);
        }
        if Instant::now() > deadline {
            bail!(
                "nothing was recorded in {} within {RECORDED:?}",
                file.display()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sidebar → Instances → `name`'s row: its page.
async fn open_vm_page(app: &App, name: &str) -> Result<()> {
    app.click(&tid("nav-instances"), STEP).await?;
    let row = tid(&format!("instance-row-{name}"));
    app.wait_for(&row, STEP).await?;
    let link = format!("{row} a[href]");
    if app.is_displayed(&link).await {
        app.click(&link, STEP).await?;
    } else {
        app.click(&row, STEP).await?;
    }
    app.wait_text(&tid("vm-name"), |t| t.trim() == name, STEP)
        .await
        .with_context(|| format!("{name}'s page opens"))?;
    Ok(())
}

/// The GTK "Open" dialog titled `title`: types `path` into its location field and opens it.
async fn answer_open_dialog(title: &str, path: &Path, shot: Option<&Path>) -> Result<()> {
    let deadline = Instant::now() + STEP;
    let win = loop {
        if let Some(w) = windows_named(title).into_iter().next() {
            break w;
        }
        if Instant::now() > deadline {
            bail!("no window named {title:?} within {STEP:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let xdotool = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .status()
            .context("run xdotool")
    };
    // Without a window manager the new dialog may not hold the keyboard focus yet.
    xdotool(&["windowfocus", "--sync", &win])?;
    // The location field first (keys typed while it opens are lost), then the whole path.
    xdotool(&["key", "--clearmodifiers", "ctrl+l"])?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
    xdotool(&["type", "--delay", "20", &path.display().to_string()])?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    if let Some(shot) = shot {
        screenshot_root(shot)?;
    }
    xdotool(&["key", "Return"])?;
    let mut pressed = Instant::now();
    while windows_named(title).contains(&win) {
        if Instant::now() > deadline {
            bail!(
                "the dialog {title:?} stayed open after typing {}",
                path.display()
            );
        }
        // The first Return may only accept the field's completion.
        if pressed.elapsed() > Duration::from_secs(2) {
            xdotool(&["key", "Return"])?;
            pressed = Instant::now();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Starts the binary again with `link` as its only argument, in this session (D-Bus,
/// display) and the journey's home, and waits until it has handed the link over and exited.
async fn second_start(j: &Journey, link: &str) -> Result<()> {
    let mut child = Command::new(app_path())
        .arg(link)
        .env("HOME", j.home())
        .env("XDG_DATA_HOME", j.data_home())
        .env("XDG_CONFIG_HOME", j.config_home())
        .env("XDG_CACHE_HOME", j.cache_home())
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("start the app a second time")?;
    let deadline = Instant::now() + RECORDED;
    loop {
        if let Some(status) = child.try_wait()? {
            j.log(format!("second start with {link} exited ({status})"));
            return Ok(());
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!("the second start with {link} did not hand over and exit within {RECORDED:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn desktop_open(j: &Journey, profile: &str) -> Result<()> {
    let rec = install_recorders(j)?;
    let sim = j.sim(SEED).await?;
    let admin = Admin::of(&sim)?;
    let api = Api::of(&sim)?;
    let vm = api
        .instances_named("train-h100")?
        .into_iter()
        .next()
        .context("the seed has train-h100")?;
    let (id, ip) = (
        vm["id"].as_str().unwrap_or_default().to_owned(),
        vm["public_ip"].as_str().unwrap_or_default().to_owned(),
    );
    ensure!(!ip.is_empty(), "train-h100 has a public address: {vm}");
    let user = vm["image"]["default_user"]
        .as_str()
        .unwrap_or("ubuntu")
        .to_owned();
    let stopped = api
        .instances_named("dev-a6000")?
        .into_iter()
        .next()
        .context("the seed has dev-a6000")?;
    let stopped_id = stopped["id"].as_str().unwrap_or_default().to_owned();

    // The app inherits the recorders' PATH through tauri-driver.
    let driver = j.driver_with_env(&rec.env()).await?;
    let app = driver.open(&[]).await?;
    sign_in_screen(j, &app, profile, &sim).await?;
    let mut s = Signed {
        sim,
        admin,
        driver,
        app,
    };
    let app = &mut s.app;

    open_vm_page(app, "train-h100").await?;
    app.click(&tid("open-terminal"), STEP).await?;
    let argv = recorded(&rec.terminal_file()).await?;
    let at = format!("{user}@{ip}");
    ensure!(
        argv.lines().collect::<Vec<_>>() == ["-e", "ssh", at.as_str()],
        "x-terminal-emulator got {argv:?}"
    );
    j.log(format!("terminal: {argv:?}"));

    app.click(&tid("open-vscode"), STEP).await?;
    let url = recorded(&rec.vscode_file()).await?;
    let home = if user == "root" {
        "/root".to_owned()
    } else {
        format!("/home/{user}")
    };
    ensure!(
        url.trim_end() == format!("vscode://vscode-remote/ssh-remote+{at}{home}"),
        "the vscode: handler got {url:?}"
    );
    j.log(format!("vscode: {url:?}"));
    ensure!(
        !app.is_displayed(&tid("open-jupyter")).await
            || vm["jupyter_enabled"].as_bool() == Some(true),
        "Open Jupyter shows only with Jupyter on"
    );

    // The key file, chosen in the backend's dialog, goes to ssh -i.
    let key = j.work.join("keys/id_e2e");
    fs::create_dir_all(key.parent().unwrap())?;
    fs::write(&key, "not a real key\n")?;
    app.click(&tid("nav-settings"), STEP).await?;
    app.click(&tid("choose-ssh-key-file"), STEP).await?;
    answer_open_dialog(
        "Choose your SSH private key",
        &key,
        Some(&j.artifacts.join("key-file-dialog.png")),
    )
    .await?;
    let shown = key.display().to_string();
    app.wait_text(&tid("ssh-key-file"), |t| t.trim() == shown, STEP)
        .await
        .context("Settings shows the chosen key file")?;
    open_vm_page(app, "train-h100").await?;
    app.click(&tid("open-terminal"), STEP).await?;
    let argv = recorded(&rec.terminal_file()).await?;
    ensure!(
        argv.lines().collect::<Vec<_>>() == ["-e", "ssh", "-i", shown.as_str(), at.as_str()],
        "with a key file, x-terminal-emulator got {argv:?}"
    );
    j.log(format!("terminal with key: {argv:?}"));

    // A VM that is not running cannot be opened: the buttons say why.
    open_vm_page(app, "dev-a6000").await?;
    let reason = disabled_reason(app, "open-terminal").await?;
    ensure!(
        reason.is_some(),
        "Open in terminal is disabled on a SHUTOFF VM"
    );
    app.wait_text(&tid("open-vm-reason"), |t| t.contains("ACTIVE"), STEP)
        .await?;

    // Deep links: the second start hands the link over to this window.
    app.click(&tid("nav-dashboard"), STEP).await?;
    app.wait_for(&tid("page-dashboard"), STEP).await?;
    second_start(j, &format!("barrack://instances/{id}")).await?;
    app.wait_text(&tid("vm-name"), |t| t.trim() == "train-h100", STEP)
        .await
        .context("barrack://instances/<id> shows that VM in the open window")?;
    second_start(j, &format!("barrack://instances/{stopped_id}")).await?;
    app.wait_text(&tid("vm-name"), |t| t.trim() == "dev-a6000", STEP)
        .await
        .context("a second link shows its VM")?;
    ensure!(
        !fs::exists(rec.terminal_file())? && !fs::exists(rec.vscode_file())?,
        "a link opens a page, never a program"
    );
    // A bad link is refused with a notice; the window stays on the page it showed.
    second_start(j, "barrack://instances/..%2F..%2Fetc").await?;
    app.wait_text(&tid("app-notice"), |t| t.contains("was not opened"), STEP)
        .await
        .context("a bad link is refused with a notice")?;
    let name = app.wait_text(&tid("vm-name"), |_| true, STEP).await?;
    ensure!(
        name.trim() == "dev-a6000",
        "a refused link navigates nowhere (now {name:?})"
    );
    app.screenshot("deep-link-refused").await?;

    // A link the app is started with (no window open yet) is shown once the session is back.
    let Signed {
        sim,
        admin,
        driver,
        app,
    } = s;
    app.quit().await?;
    let link = format!("barrack://instances/{id}");
    let mut app = driver.open(&[link.as_str()]).await?;
    app.wait_text(&tid("vm-name"), |t| t.trim() == "train-h100", START)
        .await
        .context("a link given to the first start shows its VM")?;
    app.screenshot("started-with-link").await?;
    finish(Signed {
        sim,
        admin,
        driver,
        app,
    })
    .await
}

async fn desktop_sandbox(j: &Journey, _profile: &str) -> Result<()> {
    let rec = install_recorders(j)?;
    let driver = j.driver_with_env(&rec.env()).await?;
    let mut app = driver.open(&["--sandbox"]).await?;
    app.wait_for(&tid("app-shell"), START).await?;
    open_vm_page(&app, "train-h100").await?;
    app.click(&tid("open-terminal"), STEP).await?;
    app.wait_text(
        &tid("launch-simulated"),
        |t| t.contains("simulated") && t.contains("nothing was opened"),
        STEP,
    )
    .await
    .context("the sandbox says it launches nothing")?;
    app.click(&tid("open-vscode"), STEP).await?;
    app.wait_text(&tid("launch-simulated"), |t| t.contains("vscode://"), STEP)
        .await?;
    app.screenshot("sandbox-launches-nothing").await?;
    ensure!(
        !fs::exists(rec.terminal_file())? && !fs::exists(rec.vscode_file())?,
        "the sandbox started no program"
    );
    app.quit().await?;
    driver.stop();
    Ok(())
}

journey!(
    desktop_open_terminal_vscode_and_deep_links,
    "desktop_open",
    desktop_open
);
journey!(
    desktop_sandbox_launches_nothing,
    "desktop_sandbox",
    desktop_sandbox
);
