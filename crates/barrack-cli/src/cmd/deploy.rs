//! deploy: one VM from an OS image, a bootable volume or a custom image.

use crate::args;
use crate::cmd::instances::wait_until_reachable;
use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use barrack_api::types::*;
use barrack_api::Op;
use clap::{ArgGroup, Args};
use std::path::PathBuf;

#[derive(Args)]
#[command(group(ArgGroup::new("boot").required(true).args(["os_image", "boot_volume", "image"])))]
pub struct DeployArgs {
    /// VM name (1-50 letters, digits, spaces, -, _, .).
    #[arg(long, value_parser = args::name)]
    name: String,
    #[arg(long, value_parser = args::region)]
    region: RegionEnum,
    #[arg(long, value_parser = args::gpu_model)]
    gpu_model: GpuModelEnum,
    #[arg(long, default_value_t = 1)]
    gpu_count: u32,
    /// legacy or advanced (default: the tier the model is offered in).
    #[arg(long, value_parser = args::tier)]
    tier: Option<TierEnum>,
    /// Boot from this OS image (see `barrack os-images`).
    #[arg(long)]
    os_image: Option<String>,
    /// Boot from this bootable volume of the region.
    #[arg(long)]
    boot_volume: Option<String>,
    /// Boot from this custom image of the region.
    #[arg(long)]
    image: Option<String>,
    /// SSH key ids (at least one).
    #[arg(long = "ssh-key", required = true)]
    ssh_keys: Vec<String>,
    /// Do not assign a public IP (the VM is then reachable only privately).
    #[arg(long)]
    no_public_ip: bool,
    /// Security rule DIRECTION,PROTOCOL,IPVERSION,CIDR[,PORT[-PORT]] (repeatable).
    #[arg(long = "rule", value_parser = args::rule)]
    rules: Vec<VMSecurityRuleRequest>,
    /// Enable Jupyter with this password (8 characters or more).
    #[arg(long)]
    jupyter_password: Option<String>,
    /// Cloud-init script file (at most 16 KB).
    #[arg(long)]
    cloud_init: Option<PathBuf>,
    /// A saved startup script id.
    #[arg(long)]
    script: Option<String>,
    /// Attach these volumes (repeatable).
    #[arg(long = "attach-volume")]
    volumes: Vec<String>,
    /// Attach these firewalls (repeatable).
    #[arg(long = "firewall")]
    firewalls: Vec<String>,
    /// Wait until the VM is ACTIVE.
    #[arg(long)]
    wait: bool,
}

pub async fn run(a: DeployArgs, ctx: &Ctx) -> CliResult {
    let boot_source = match (&a.os_image, &a.boot_volume, &a.image) {
        (Some(id), _, _) => BootSource {
            kind: BootSourceType::OsImage,
            id: id.clone(),
        },
        (_, Some(id), _) => BootSource {
            kind: BootSourceType::Volume,
            id: id.clone(),
        },
        (_, _, Some(id)) => BootSource {
            kind: BootSourceType::CustomImage,
            id: id.clone(),
        },
        _ => {
            return Err(CliError::Usage(
                "choose a boot source: --os-image, --boot-volume or --image".into(),
            ))
        }
    };
    let cloud_init = match &a.cloud_init {
        Some(p) => Some(
            std::fs::read_to_string(p)
                .map_err(|e| CliError::Usage(format!("--cloud-init {}: {e}", p.display())))?,
        ),
        None => None,
    };
    let body = DeploymentRequest {
        name: a.name.clone(),
        region: a.region,
        gpu_model: a.gpu_model,
        gpu_count: a.gpu_count,
        tier: a.tier,
        boot_source,
        ssh_key_ids: a.ssh_keys,
        public_ip: !a.no_public_ip,
        security_rules: a.rules,
        jupyter: a.jupyter_password.map(|p| JupyterConfig {
            enabled: true,
            password: Some(p),
        }),
        cloud_init,
        startup_script_id: a.script,
        volume_ids: a.volumes,
        firewall_ids: a.firewalls,
    };
    let Some(r): Option<DeploymentResponse> =
        ctx.send(Op::DeployInstance, &[], NONE, Some(&body)).await?
    else {
        return Ok(());
    };
    let deployment = r
        .deployment_id
        .as_deref()
        .map(|d| format!(" · deployment {d}"))
        .unwrap_or_default();
    ctx.say(format!(
        "{} ({}) is being created{deployment}",
        a.name, r.instance_id
    ));
    if a.wait {
        wait_until_reachable(ctx, &r.instance_id, &a.name).await?;
    }
    Ok(())
}
