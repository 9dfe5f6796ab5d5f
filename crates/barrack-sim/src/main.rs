//! `barrack-sim`: serves the emulated Barrack API on 127.0.0.1 and prints, as its first
//! line, `{"url": …, "api_key": …, "admin_url": …}` once it accepts connections.

use barrack_api::types::CurrencyEnum;
use barrack_sim::{Seed, SimConfig};
use clap::{Parser, ValueEnum};
use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
enum SeedArg {
    Empty,
    Sandbox,
}

/// Local emulator of the Barrack GPU cloud API.
#[derive(Parser)]
#[command(name = "barrack-sim", version)]
struct Args {
    /// Port to listen on (0 = any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Address to listen on. Keep it on loopback: the emulator has no real security.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Simulated seconds per real second (60 = a minute per second).
    #[arg(long, default_value_t = 1.0)]
    time_scale: f64,
    /// The account to start with.
    #[arg(long, value_enum, default_value_t = SeedArg::Empty)]
    seed: SeedArg,
    /// Keep state in this JSON file (loaded at start, rewritten atomically on change).
    #[arg(long)]
    state: Option<PathBuf>,
    /// Use this API key for the first account instead of a random one.
    #[arg(long, env = "BARRACK_SIM_API_KEY")]
    api_key: Option<String>,
    /// The first account's currency (USD, EUR or INR).
    #[arg(long, default_value = "USD")]
    currency: String,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let currency = CurrencyEnum::parse(&args.currency);
    if currency.is_other() {
        eprintln!("barrack-sim: --currency must be USD, EUR or INR");
        std::process::exit(2);
    }
    let cfg = SimConfig {
        host: args.host,
        port: args.port,
        time_scale: args.time_scale,
        seed: match args.seed {
            SeedArg::Empty => Seed::Empty,
            SeedArg::Sandbox => Seed::Sandbox,
        },
        state_file: args.state,
        api_key: args.api_key,
        currency,
    };
    let sim = match barrack_sim::start(cfg).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("barrack-sim: could not start: {e}");
            std::process::exit(1);
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", sim.announcement());
    let _ = out.flush();
    drop(out);
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate() => {}
    }
    sim.stop().await;
}

#[cfg(unix)]
async fn terminate() {
    if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        s.recv().await;
    }
}

#[cfg(not(unix))]
async fn terminate() {
    std::future::pending::<()>().await
}
