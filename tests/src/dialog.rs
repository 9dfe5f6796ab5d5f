//! Native dialogs the backend opens (GTK file choosers), which WebDriver cannot reach:
//! answered with xdotool on the session's X display (../shared/TOOLCHAIN.md, "native file
//! dialogs").

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn xdotool(args: &[&str]) -> Result<String> {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .context("run xdotool (Debian package xdotool)")?;
    if !out.status.success() && !out.stderr.is_empty() {
        bail!(
            "xdotool {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The visible windows whose title matches `title` (a regular expression).
pub fn windows_named(title: &str) -> Vec<String> {
    Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", title])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Saves a picture of the whole X screen (the native dialog is not in WebDriver's
/// screenshot) with imagemagick's `import`.
pub fn screenshot_root(path: &Path) -> Result<()> {
    let st = Command::new("import")
        .args(["-window", "root"])
        .arg(path)
        .status()
        .context("run import (Debian package imagemagick)")?;
    if !st.success() {
        bail!("import -window root {} failed: {st}", path.display());
    }
    Ok(())
}

/// Answers a GTK "Save" dialog titled `title`: waits (polling) until it is shown, focuses it,
/// optionally saves a screenshot of the screen (`shot`), selects the file name, types the
/// absolute `path`, presses Return and waits until the dialog has closed.
pub async fn answer_save_dialog(
    title: &str,
    path: &Path,
    within: Duration,
    shot: Option<&Path>,
) -> Result<()> {
    let deadline = Instant::now() + within;
    let win = loop {
        if let Some(w) = windows_named(title).into_iter().next() {
            break w;
        }
        if Instant::now() > deadline {
            bail!(
                "no window named {title:?} within {:.1}s",
                within.as_secs_f64()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    // Without a window manager the new dialog may not hold the keyboard focus yet.
    let _ = xdotool(&["windowfocus", "--sync", &win]);
    if let Some(shot) = shot {
        screenshot_root(shot)?;
    }
    let path = path
        .to_str()
        .context("the path to type is not UTF-8")?
        .to_owned();
    xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
    xdotool(&["type", "--delay", "5", &path])?;
    xdotool(&["key", "Return"])?;
    while windows_named(title).contains(&win) {
        if Instant::now() > deadline {
            bail!("the dialog {title:?} stayed open after typing {path} and Return");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}
