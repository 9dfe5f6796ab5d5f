//! Balance, GPU stock and specs, regions, pricing, OS images.

use super::{reply, Ctx, Req};
use crate::catalog;
use crate::error::SimResult;
use crate::world::{stock_key, Account};
use barrack_api::types::*;
use serde_json::Value;

pub fn balance(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let balances = acct
        .balances
        .iter()
        .map(|(c, a)| Balance {
            currency: CurrencyEnum::parse(c),
            amount: (a * 100.0).round() / 100.0,
        })
        .collect();
    reply(
        CreditBalanceResponse {
            account_id: Some(acct.id.clone()),
            currency: acct.currency.clone(),
            balances,
            profile_complete: acct.profile_complete,
            ..Default::default()
        },
        "Balance retrieved successfully",
        ctx,
    )
}

/// Counts offered per model: powers of two up to the pricing table's `max_count` (inferred).
pub fn counts_for(max: u32) -> Vec<u32> {
    [1, 2, 4, 8, 16]
        .into_iter()
        .filter(|c| *c <= max.max(1))
        .collect()
}

pub fn stocks(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let region_filter = req.query_region()?;
    let model_filter = req.query_str("gpu_model").map(GpuModelEnum::parse);
    let mut stocks = Vec::new();
    for (region, _, _) in catalog::REGIONS {
        let region = RegionEnum::parse(region);
        if region_filter.as_ref().is_some_and(|r| *r != region) {
            continue;
        }
        for model in ctx.catalog.gpu_models() {
            if model_filter.as_ref().is_some_and(|m| *m != model) {
                continue;
            }
            let tier = ctx.catalog.tier_of(&model);
            let max = tier
                .as_ref()
                .and_then(|t| ctx.catalog.pricing.gpu_price(t, &model))
                .and_then(|p| p.max_count)
                .unwrap_or(8);
            let free = acct
                .stock
                .get(&stock_key(&region, &model))
                .copied()
                .unwrap_or(0);
            stocks.push(GPUStockItem {
                gpu_model: model,
                region: region.clone(),
                tier,
                available: free,
                configurations: counts_for(max)
                    .into_iter()
                    .map(|c| GPUStockConfiguration {
                        gpu_count: c,
                        available: free / c,
                    })
                    .collect(),
            });
        }
    }
    reply(
        GPUStocksResponse {
            stocks,
            ..Default::default()
        },
        "GPU stock retrieved successfully",
        ctx,
    )
}

pub fn specs(ctx: &Ctx) -> SimResult<Value> {
    let specs: Vec<GPUSpec> = ctx
        .catalog
        .gpu_models()
        .iter()
        .map(catalog::gpu_spec)
        .collect();
    let metadata = SpecsMetadata {
        total_models: specs.len() as u32,
        updated_at: crate::world::ts(ctx.now),
    };
    reply(
        GPUSpecsResponse {
            specs,
            metadata,
            ..Default::default()
        },
        "GPU specifications retrieved successfully",
        ctx,
    )
}

pub fn regions(ctx: &Ctx) -> SimResult<Value> {
    let regions = catalog::REGIONS
        .iter()
        .map(|(name, country, continent)| Region {
            name: RegionEnum::parse(name),
            display_name: Some(format!("{country} ({name})")),
            location: Some((*continent).to_owned()),
            available: true,
            description: None,
        })
        .collect();
    reply(
        RegionsResponse {
            regions,
            ..Default::default()
        },
        "Regions retrieved successfully",
        ctx,
    )
}

/// Serves the whole pricing table (as the documented example does, whatever the filters).
/// `authenticated_user` carries the account id, never the key.
pub fn pricing(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let mut data = ctx.catalog.pricing.clone();
    data.metadata.authenticated_user = Some(acct.id.clone());
    data.metadata.authentication_type = Some("api_key".to_owned());
    data.metadata.timestamp = ctx.now.timestamp();
    reply(
        PricingResponse {
            pricing_data: data,
            ..Default::default()
        },
        "Pricing information retrieved successfully",
        ctx,
    )
}

pub fn os_images(req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let region = req.query_region()?;
    let images = ctx
        .catalog
        .os_images
        .iter()
        .filter(|i| region.as_ref().is_none_or(|r| *r == i.region))
        .cloned()
        .collect();
    reply(
        OSImagesResponse {
            images,
            ..Default::default()
        },
        "OS images retrieved successfully",
        ctx,
    )
}
