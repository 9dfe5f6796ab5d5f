//! The subcommands, grouped as Barrack's documentation groups the API.

mod account;
mod ai;
mod auth;
mod deploy;
mod doctor;
mod firewalls;
mod images;
mod instances;
mod listing;
mod rules;
mod sandbox;
mod scripts;
mod snapshots;
mod spend;
mod ssh_keys;
mod volumes;

use crate::ctx::Ctx;
use crate::error::CliResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum Command {
    /// Store an API key in the OS keyring for a profile (checked with a real call first).
    Login(auth::LoginArgs),
    /// Remove the profile's key from the OS keyring.
    Logout,
    /// Show the profile, API URL and which key is in use (never the key itself).
    Whoami,
    /// Credit balance per currency.
    Balance,
    /// Burn rate, runway, cost today/this week/this month, and what still bills.
    Spend,
    /// GPU stock and specifications.
    #[command(subcommand)]
    Gpus(account::GpusCmd),
    /// Regions.
    Regions,
    /// Prices per tier and currency.
    Pricing(account::PricingArgs),
    /// Instances (VMs): list, details and actions.
    #[command(subcommand)]
    Instances(instances::InstancesCmd),
    /// Deploy a new VM.
    Deploy(deploy::DeployArgs),
    /// OS images of a region.
    OsImages(account::OsImagesArgs),
    /// SSH keys.
    #[command(subcommand)]
    SshKeys(ssh_keys::SshKeysCmd),
    /// Saved startup scripts.
    #[command(subcommand)]
    Scripts(scripts::ScriptsCmd),
    /// Firewalls, their rules and attachments.
    #[command(subcommand)]
    Firewalls(firewalls::FirewallsCmd),
    /// Snapshots of VMs.
    #[command(subcommand)]
    Snapshots(snapshots::SnapshotsCmd),
    /// Custom images made from snapshots.
    #[command(subcommand)]
    Images(images::ImagesCmd),
    /// Volumes.
    #[command(subcommand)]
    Volumes(volumes::VolumesCmd),
    /// AI chat.
    #[command(subcommand)]
    Ai(ai::AiCmd),
    /// Probe every read endpoint and report where the API differs from this client's reading.
    Doctor,
    /// Run the emulator with a demo account and print the URL and key to use.
    Sandbox(sandbox::SandboxArgs),
}

pub async fn run(command: Command, ctx: &Ctx) -> CliResult {
    match command {
        Command::Login(a) => auth::login(a, ctx).await,
        Command::Logout => auth::logout(ctx).await,
        Command::Whoami => auth::whoami(ctx).await,
        Command::Balance => account::balance(ctx).await,
        Command::Spend => spend::run(ctx).await,
        Command::Gpus(c) => account::gpus(c, ctx).await,
        Command::Regions => account::regions(ctx).await,
        Command::Pricing(a) => account::pricing(a, ctx).await,
        Command::Instances(c) => instances::run(c, ctx).await,
        Command::Deploy(a) => deploy::run(a, ctx).await,
        Command::OsImages(a) => account::os_images(a, ctx).await,
        Command::SshKeys(c) => ssh_keys::run(c, ctx).await,
        Command::Scripts(c) => scripts::run(c, ctx).await,
        Command::Firewalls(c) => firewalls::run(c, ctx).await,
        Command::Snapshots(c) => snapshots::run(c, ctx).await,
        Command::Images(c) => images::run(c, ctx).await,
        Command::Volumes(c) => volumes::run(c, ctx).await,
        Command::Ai(c) => ai::run(c, ctx).await,
        Command::Doctor => doctor::run(ctx).await,
        Command::Sandbox(a) => sandbox::run(a, ctx).await,
    }
}
