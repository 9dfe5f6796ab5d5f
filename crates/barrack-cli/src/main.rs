//! `barrack`: every Barrack API operation from the command line, on barrack-api.

mod args;
mod cmd;
mod ctx;
mod error;
mod output;
mod wait;

use clap::Parser;
use ctx::{Ctx, GlobalArgs};

/// Deploy and manage GPU VMs on the Barrack cloud.
#[derive(Parser)]
#[command(name = "barrack", version, about, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: cmd::Command,
}

fn main() {
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error[Io]: cannot start: {e}");
            std::process::exit(1);
        }
    };
    let result = rt.block_on(async {
        let ctx = Ctx::new(cli.global)?;
        cmd::run(cli.command, &ctx).await
    });
    if let Err(e) = result {
        eprintln!("{}", e.render());
        std::process::exit(e.exit_code());
    }
}
