//! `sandbox`: barrack-sim in this process, with the demo account (a running VM, a snapshot,
//! an image, volumes, a firewall, keys, credit), on 127.0.0.1. Prints the URL and the
//! emulator's throw-away key and how to point `barrack` (or anything else) at them, then
//! serves until Ctrl-C or SIGTERM. With `--json` the first line of output is the emulator's
//! announcement, `{"url": …, "api_key": …, "admin_url": …}`, as `barrack-sim` prints it.
//!
//! The key is the emulator's own, good for nothing else, so printing it is the point here;
//! it is not stored in any profile or keyring.

use crate::ctx::Ctx;
use crate::error::{CliError, CliResult};
use barrack_sim::{Seed, SimConfig};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Simulated seconds per real second (60 = a VM's 2-minute start takes 2 s).
    #[arg(long, default_value_t = 1.0)]
    pub time_scale: f64,
    /// Keep the emulator's state in this JSON file: loaded at start if it exists (with its
    /// key), rewritten on every change.
    #[arg(long)]
    pub state: Option<PathBuf>,
}

pub async fn run(a: SandboxArgs, ctx: &Ctx) -> CliResult {
    if !(a.time_scale.is_finite() && a.time_scale > 0.0) {
        return Err(CliError::Usage(
            "--time-scale must be a positive number".into(),
        ));
    }
    let sim = barrack_sim::start(SimConfig {
        seed: Seed::Sandbox,
        port: a.port,
        time_scale: a.time_scale,
        state_file: a.state.clone(),
        ..Default::default()
    })
    .await
    .map_err(|e| CliError::Io(format!("cannot start the sandbox: {e}")))?;

    // Listen before announcing: whoever reads the announcement may stop us at once.
    let stop = stop_signal();
    let mut out = std::io::stdout().lock();
    if ctx.json() {
        let _ = writeln!(out, "{}", sim.announcement());
    } else {
        let state = match &a.state {
            Some(p) => format!("\n  state:     {}", p.display()),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "Barrack sandbox: an emulated API with a demo account (nothing here is real or billed).\n\
             \n  API URL:   {url}\n  API key:   {key}\n  admin:     {admin}{state}\n\
             \nIn another shell:\n\
             \n  export BARRACK_API_URL={url} BARRACK_API_KEY={key}\n  barrack instances list\n\
             \nStop with Ctrl-C.",
            url = sim.url(),
            key = sim.api_key,
            admin = sim.admin_url(),
        );
    }
    let _ = out.flush();
    drop(out);

    stop.await;
    sim.stop().await;
    if !ctx.json() {
        eprintln!("sandbox stopped");
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are installed when this is called, not when
/// it is first awaited.
#[cfg(unix)]
fn stop_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let term = signal(SignalKind::terminate());
    let int = signal(SignalKind::interrupt());
    async move {
        match (term, int) {
            (Ok(mut t), Ok(mut i)) => {
                tokio::select! {
                    _ = t.recv() => {}
                    _ = i.recv() => {}
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
}

#[cfg(not(unix))]
fn stop_signal() -> impl std::future::Future<Output = ()> {
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}
