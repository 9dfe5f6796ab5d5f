//! A window manager for the journeys that need one (Xvfb has none): `openbox`, started by
//! the journey and ended by its pid when dropped, and the app's top-level window seen and
//! handled the way a desktop does — its client and frame size (`xdotool`, `xprop`), a
//! close through the window manager (`wmctrl -c`: `_NET_CLOSE_WINDOW`, answered by a
//! `WM_DELETE_WINDOW` to the app, as a click on the title bar's ×), resize.

use crate::Journey;
use anyhow::{anyhow, bail, Context, Result};
use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The main window's title (tauri.conf.json).
pub const WINDOW_TITLE: &str = "Barrack Desktop";

fn find(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// Whether `CI` asks for hard failures instead of skips (set, and not empty, `0` or `false`).
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The tools the window journeys need that are missing here.
pub fn missing_tools() -> Vec<&'static str> {
    [
        "openbox",
        "wmctrl",
        "xdotool",
        "xprop",
        "xwininfo",
        "dbus-send",
    ]
    .into_iter()
    .filter(|t| find(t).is_none())
    .collect()
}

fn run(cmd: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(cmd)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("run {cmd}"))?;
    if !out.status.success() {
        bail!(
            "{cmd} {args:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `openbox` on the journey's display; ended by its pid when dropped.
pub struct Openbox {
    child: Child,
}

impl Openbox {
    /// Starts openbox and waits until it manages the screen (`wmctrl -m` names it).
    pub async fn start(j: &Journey) -> Result<Openbox> {
        let log = fs::File::create(j.artifacts.join("openbox.log"))?;
        let child = Command::new("openbox")
            .arg("--sm-disable")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .context("start openbox")?;
        let mut wm = Openbox { child };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = wm.child.try_wait()? {
                bail!(
                    "openbox exited ({status}); its log: {}",
                    fs::read_to_string(j.artifacts.join("openbox.log")).unwrap_or_default()
                );
            }
            if let Ok(out) = run("wmctrl", &["-m"]) {
                if out.to_lowercase().contains("openbox") {
                    j.log("openbox manages the display");
                    return Ok(wm);
                }
            }
            if Instant::now() > deadline {
                bail!("openbox did not take the display within 10s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Openbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The size of a top-level window: the client area and the frame the window manager adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSize {
    pub width: u32,
    pub height: u32,
    /// `_NET_FRAME_EXTENTS`: left, right, top, bottom.
    pub frame: [u32; 4],
}

impl WindowSize {
    pub fn outer(&self) -> (u32, u32) {
        (
            self.width + self.frame[0] + self.frame[1],
            self.height + self.frame[2] + self.frame[3],
        )
    }
}

impl std::fmt::Display for WindowSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = self.outer();
        write!(
            f,
            "{}x{} inside, {w}x{h} with the frame {:?}",
            self.width, self.height, self.frame
        )
    }
}

/// The app's top-level windows titled [`WINDOW_TITLE`] owned by one of `pids`.
pub fn windows_of(pids: &[u32]) -> Vec<u64> {
    let mut out = Vec::new();
    for pid in pids {
        let pid = pid.to_string();
        let found = run(
            "xdotool",
            &[
                "search",
                "--all",
                "--pid",
                &pid,
                "--name",
                &format!("^{WINDOW_TITLE}$"),
            ],
        )
        .unwrap_or_default();
        out.extend(found.lines().filter_map(|l| l.trim().parse::<u64>().ok()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Waits until the app (`pids`) has a window the user can see (viewable); returns it.
pub async fn wait_window(pids: &[u32], within: Duration) -> Result<u64> {
    let deadline = Instant::now() + within;
    loop {
        for w in windows_of(pids) {
            if map_state(w).as_deref() == Some("IsViewable") {
                return Ok(w);
            }
        }
        if Instant::now() > deadline {
            bail!(
                "no viewable \"{WINDOW_TITLE}\" window of pids {pids:?} within {:.0}s (windows: {:?})",
                within.as_secs_f64(),
                windows_of(pids)
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `xwininfo`'s Map State: IsViewable, IsUnMapped, IsUnviewable (None: no such window).
pub fn map_state(window: u64) -> Option<String> {
    let out = run("xwininfo", &["-id", &window.to_string()]).ok()?;
    out.lines()
        .find_map(|l| l.trim().strip_prefix("Map State:"))
        .map(|s| s.trim().to_owned())
}

/// `_NET_WM_STATE` of the window (e.g. `_NET_WM_STATE_HIDDEN` when minimized), as text.
pub fn wm_state(window: u64) -> String {
    run("xprop", &["-id", &window.to_string(), "_NET_WM_STATE"])
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|e| format!("({e})"))
}

/// ICCCM `WM_STATE` as xprop words it: `Normal`, `Iconic` (minimized), `Withdrawn`
/// (hidden); None when the window has none (never mapped, or destroyed).
pub fn icccm_state(window: u64) -> Option<String> {
    let out = run("xprop", &["-id", &window.to_string(), "WM_STATE"]).ok()?;
    out.lines()
        .find_map(|l| l.trim().strip_prefix("window state:"))
        .map(|s| s.trim().to_owned())
}

/// Whether the session bus has a StatusNotifierWatcher (a tray host), as the app checks.
pub fn tray_host_present() -> bool {
    run(
        "dbus-send",
        &[
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.kde.StatusNotifierWatcher",
        ],
    )
    .is_ok_and(|out| out.contains("boolean true"))
}

/// The window's client size (`xdotool getwindowgeometry`) and frame (`_NET_FRAME_EXTENTS`).
pub fn size(window: u64) -> Result<WindowSize> {
    let geo = run(
        "xdotool",
        &["getwindowgeometry", "--shell", &window.to_string()],
    )?;
    let field = |k: &str| {
        geo.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .and_then(|v| v.trim().parse::<u32>().ok())
            .ok_or_else(|| anyhow!("xdotool getwindowgeometry gave no {k}: {geo}"))
    };
    let (width, height) = (field("WIDTH")?, field("HEIGHT")?);
    let extents =
        run("xprop", &["-id", &window.to_string(), "_NET_FRAME_EXTENTS"]).unwrap_or_default();
    let nums: Vec<u32> = extents
        .split_once('=')
        .map(|(_, v)| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_default();
    let frame = if nums.len() == 4 {
        [nums[0], nums[1], nums[2], nums[3]]
    } else {
        [0; 4]
    };
    Ok(WindowSize {
        width,
        height,
        frame,
    })
}

/// Resizes the window's client area through the window manager.
pub fn resize(window: u64, width: u32, height: u32) -> Result<()> {
    run(
        "xdotool",
        &[
            "windowsize",
            &window.to_string(),
            &width.to_string(),
            &height.to_string(),
        ],
    )
    .map(drop)
}

/// Asks the window manager to close the window, as the title bar's × does (`wmctrl -i -c`).
pub fn close(window: u64) -> Result<()> {
    run("wmctrl", &["-i", "-c", &format!("{window:#x}")]).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_size_adds_the_frame() {
        let s = WindowSize {
            width: 1000,
            height: 600,
            frame: [1, 1, 22, 4],
        };
        assert_eq!(s.outer(), (1002, 626));
        assert!(s.to_string().contains("1000x600 inside"));
    }
}
