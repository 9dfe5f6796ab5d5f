//! How the app's run ends: quit through WebDriver, killed like a crash, or exited by itself
//! after its window was closed. Each waits until the app's processes are really gone, so the
//! next start is a fresh instance and not a hand-over to a leftover (single-instance).

use crate::process::{group_members, process_alive, same_exe, send_signal};
use crate::{App, STEP};
use anyhow::{bail, ensure, Context, Result};
use std::time::{Duration, Instant};

impl App {
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

/// Waits until no process owns the app's single-instance name on the session bus
/// (`ai.barrack.desktop.SingleInstance…`): a start while the old instance still holds it is
/// handed to that instance, which is going away (seen once: the new start panicked).
pub async fn single_instance_released() -> Result<()> {
    let deadline = Instant::now() + STEP;
    loop {
        let out = std::process::Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.ListNames",
            ])
            .output()
            .context("run dbus-send (Debian package dbus)")?;
        let names = String::from_utf8_lossy(&out.stdout);
        if !names.contains("ai.barrack.desktop.SingleInstance") {
            return Ok(());
        }
        ensure!(
            Instant::now() < deadline,
            "the quit app still owns its single-instance bus name after {} s",
            STEP.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
