//! balance, gpus stock|specs, regions, pricing, os-images.

use crate::args;
use crate::ctx::{Ctx, NONE};
use crate::error::CliResult;
use crate::output::{money, opt, table};
use barrack_api::types::*;
use barrack_api::Op;
use clap::{Args, Subcommand};

pub async fn balance(ctx: &Ctx) -> CliResult {
    let Some(r): Option<CreditBalanceResponse> = ctx.send(Op::GetBalance, &[], NONE, NONE).await?
    else {
        return Ok(());
    };
    let rows = r.balances.iter().map(|b| {
        let mark = if b.currency == r.currency {
            "account currency"
        } else {
            ""
        };
        vec![
            b.currency.to_string(),
            format!("{:.2}", b.amount),
            mark.to_owned(),
        ]
    });
    ctx.say(table(&["CURRENCY", "BALANCE", ""], rows));
    if !r.profile_complete {
        ctx.say("Your profile is incomplete: volumes, snapshots and payments need address, postal code and country.");
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum GpusCmd {
    /// Free GPUs per model and region, and how many VMs of each size fit.
    Stock {
        #[arg(long, value_parser = args::region)]
        region: Option<RegionEnum>,
        #[arg(long, value_parser = args::gpu_model)]
        gpu_model: Option<GpuModelEnum>,
    },
    /// Models with memory, NVLink and what they are best for.
    Specs,
}

pub async fn gpus(cmd: GpusCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        GpusCmd::Stock { region, gpu_model } => {
            let q = GpuStocksQuery { region, gpu_model };
            let Some(r): Option<GPUStocksResponse> =
                ctx.send(Op::GetGpuStocks, &[], Some(&q), NONE).await?
            else {
                return Ok(());
            };
            let rows = r.stocks.iter().map(|s| {
                let sizes: Vec<String> = s
                    .configurations
                    .iter()
                    .filter(|c| c.available > 0)
                    .map(|c| format!("{}x:{}", c.gpu_count, c.available))
                    .collect();
                vec![
                    s.gpu_model.to_string(),
                    s.region.to_string(),
                    s.tier.as_ref().map(ToString::to_string).unwrap_or_default(),
                    s.available.to_string(),
                    if sizes.is_empty() {
                        "none".into()
                    } else {
                        sizes.join(" ")
                    },
                ]
            });
            ctx.say(table(
                &["GPU", "REGION", "TIER", "FREE", "VMS BY SIZE"],
                rows,
            ));
        }
        GpusCmd::Specs => {
            let Some(r): Option<GPUSpecsResponse> =
                ctx.send(Op::GetGpuSpecs, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            let rows = r.specs.iter().map(|s| {
                vec![
                    s.gpu_model.to_string(),
                    format!("{} GB", s.memory_gb),
                    if s.nvlink { "yes".into() } else { "no".into() },
                    format!(
                        "{} vCPU, {} GB RAM",
                        s.specs.vcpus_per_gpu, s.specs.ram_gb_per_gpu
                    ),
                    opt(&s.best_for),
                ]
            });
            ctx.say(table(
                &["GPU", "MEMORY", "NVLINK", "PER GPU", "BEST FOR"],
                rows,
            ));
        }
    }
    Ok(())
}

pub async fn regions(ctx: &Ctx) -> CliResult {
    let Some(r): Option<RegionsResponse> = ctx.send(Op::ListRegions, &[], NONE, NONE).await? else {
        return Ok(());
    };
    let rows = r.regions.iter().map(|g| {
        vec![
            g.name.to_string(),
            opt(&g.display_name),
            opt(&g.location),
            if g.available {
                "yes".into()
            } else {
                "no".into()
            },
        ]
    });
    ctx.say(table(&["REGION", "NAME", "LOCATION", "AVAILABLE"], rows));
    Ok(())
}

#[derive(Args)]
pub struct PricingArgs {
    #[arg(long, value_parser = args::tier)]
    tier: Option<TierEnum>,
    /// Show prices in this currency (default: all).
    #[arg(long, value_parser = args::currency)]
    currency: Option<CurrencyEnum>,
    /// volumes, snapshots or gpus.
    #[arg(long)]
    resource_type: Option<String>,
    #[arg(long, value_parser = args::gpu_model)]
    gpu_model: Option<GpuModelEnum>,
    #[arg(long)]
    gpu_count: Option<u32>,
    #[arg(long, value_parser = args::volume_type)]
    volume_type: Option<VolumeTypeEnum>,
    #[arg(long)]
    volume_size_gb: Option<u64>,
    /// Use `POST pricing/` (the documented form) instead of `GET pricing/`.
    #[arg(long)]
    post: bool,
}

pub async fn pricing(a: PricingArgs, ctx: &Ctx) -> CliResult {
    let req = PricingRequest {
        tier: a.tier.clone(),
        currency: a.currency.clone(),
        resource_type: a.resource_type.as_deref().map(ResourceTypeEnum::parse),
        volume_size_gb: a.volume_size_gb,
        volume_type: a.volume_type,
        gpu_model: a.gpu_model.clone(),
        gpu_count: a.gpu_count,
    };
    let r: Option<PricingResponse> = if a.post {
        ctx.send(Op::PostPricing, &[], NONE, Some(&req)).await?
    } else {
        ctx.send(Op::GetPricing, &[], Some(&req), NONE).await?
    };
    let Some(r) = r else { return Ok(()) };
    let data = &r.pricing_data;
    let currencies: Vec<String> = match &a.currency {
        Some(c) => vec![c.to_string()],
        None => data
            .metadata
            .supported_currencies
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    let price_cols = |p: &Price| {
        currencies
            .iter()
            .map(|c| {
                p.prices
                    .get(c)
                    .map(|v| format!("{v}"))
                    .unwrap_or_else(|| "-".into())
            })
            .collect::<Vec<_>>()
    };
    let mut rows = Vec::new();
    for (tier, models) in &data.gpus.pricing {
        if a.tier
            .as_ref()
            .is_some_and(|t| !t.as_str().eq_ignore_ascii_case(tier))
        {
            continue;
        }
        for (model, p) in models {
            if a.gpu_model
                .as_ref()
                .is_some_and(|m| *m != GpuModelEnum::parse(model))
            {
                continue;
            }
            let mut row = vec![
                "GPU".to_owned(),
                tier.clone(),
                model.clone(),
                p.max_count.map(|m| m.to_string()).unwrap_or_default(),
            ];
            row.extend(price_cols(p));
            row.push(opt(&p.unit));
            rows.push(row);
        }
    }
    for (tier, types) in &data.volumes.pricing {
        for (t, p) in types {
            let mut row = vec!["Volume".to_owned(), tier.clone(), t.clone(), String::new()];
            row.extend(price_cols(p));
            row.push(opt(&p.unit));
            rows.push(row);
        }
    }
    for (tier, p) in &data.snapshots.pricing {
        let mut row = vec![
            "Snapshot".to_owned(),
            tier.clone(),
            format!("{} GB", p.fixed_size_gb.unwrap_or(0)),
            String::new(),
        ];
        row.extend(price_cols(p));
        row.push(opt(&p.unit));
        rows.push(row);
    }
    let mut headers: Vec<&str> = vec!["KIND", "TIER", "ITEM", "MAX"];
    headers.extend(currencies.iter().map(String::as_str));
    headers.push("UNIT");
    ctx.say(table(&headers, rows));
    if let (Some(m), Some(n)) = (&a.gpu_model, a.gpu_count) {
        for tier in data.tiers_of(m) {
            if let Some(p) = data.gpu_price(&tier, m) {
                for c in &currencies {
                    if let Some(v) = p.prices.get(c) {
                        ctx.say(format!(
                            "{n} x {m} ({tier}): {} per hour",
                            money(v * n as f64, c)
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

#[derive(Args)]
pub struct OsImagesArgs {
    #[arg(long, value_parser = args::region)]
    region: Option<RegionEnum>,
}

pub async fn os_images(a: OsImagesArgs, ctx: &Ctx) -> CliResult {
    let q = RegionQuery { region: a.region };
    let Some(r): Option<OSImagesResponse> = ctx.send(Op::ListOsImages, &[], Some(&q), NONE).await?
    else {
        return Ok(());
    };
    let rows = r.images.iter().map(|i| {
        vec![
            i.id.clone(),
            i.name.clone(),
            i.region.to_string(),
            opt(&i.default_user),
        ]
    });
    ctx.say(table(&["ID", "NAME", "REGION", "USER"], rows));
    Ok(())
}
