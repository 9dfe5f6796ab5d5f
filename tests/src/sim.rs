//! The `barrack-sim` emulator as a child process: started per journey, its URL, key and
//! admin URL read from its first stdout line, and ended by its pid when the handle drops
//! (also when a journey panics). Its admin API is in [`crate::admin`].

use crate::host::sim_path;
use crate::process::send_signal;
use crate::Journey;
use anyhow::{anyhow, Context, Result};
use serde_json::Value;
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `barrack-sim` in its own process; its first stdout line gives the URL and key.
pub struct Sim {
    child: Child,
    pub url: String,
    pub api_key: String,
    pub admin_url: String,
}

impl Sim {
    pub(crate) async fn start(j: &Journey, args: &[&str]) -> Result<Sim> {
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
