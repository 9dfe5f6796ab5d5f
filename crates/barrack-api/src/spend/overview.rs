//! The one place that fetches: reads the resources, balance and billing records the
//! Billing page and `barrack spend` need, then composes them with the maths modules.

use super::accrual::accruals;
use super::by_resource::{top_resources, ResourceCost};
use super::idle::{hibernation_savings_per_day, still_billing, StillBilling};
use super::periods::{daily, windows, CostWindows, DayCost};
use crate::costs;
use crate::types::*;
use chrono::Utc;
use serde::{Deserialize, Serialize};

/// The account's money at a glance: what the Billing page and `barrack spend` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SpendOverview {
    pub currency: CurrencyEnum,
    pub balances: Vec<Balance>,
    pub balance: f64,
    pub burn: costs::BurnRate,
    pub runway_hours: Option<f64>,
    pub windows: CostWindows,
    /// The last 30 local days, oldest first.
    pub daily: Vec<DayCost>,
    pub top: Vec<ResourceCost>,
    pub still_billing: Vec<StillBilling>,
    /// The hibernated-count endpoint's count.
    pub hibernated_count: u32,
    pub hibernation_savings_per_day: f64,
    /// The offset days are split at (the system's time zone), like `+02:00`.
    pub utc_offset: String,
}

/// Reads everything the overview needs in parallel (`pricing` is the caller's, so the app
/// can serve it from its cache) and computes it in the system's time zone.
pub async fn overview(
    c: &crate::Client,
    pricing: impl std::future::Future<Output = crate::Result<PricingData>>,
) -> crate::Result<SpendOverview> {
    use crate::lists::*;
    let all = BillingQuery::default();
    let (vms, vols, snaps, pricing, balance, hib, inst_r, vol_r, snap_r) = tokio::try_join!(
        all_instances(c),
        all_volumes(c),
        all_snapshots(c),
        pricing,
        c.get_balance(),
        c.get_hibernated_instances_count(),
        instance_records(c, &all),
        volume_records(c, &all),
        snapshot_records(c, &all),
    )?;
    let currency = balance.currency.clone();
    let burn = costs::burn_rate(&vms, &vols, &snaps, &pricing, &currency);
    let accruals = accruals(&inst_r, &vol_r, &snap_r);
    let now = Utc::now();
    let local = chrono::Local;
    let amount = balance.primary();
    Ok(SpendOverview {
        balances: balance.balances.clone(),
        balance: amount,
        runway_hours: costs::runway_hours(amount, burn.total),
        windows: windows(&accruals, &local, now),
        daily: daily(&accruals, &local, now, 30),
        top: top_resources(&accruals, 8),
        still_billing: still_billing(&vms, &vols, &snaps, &pricing, &currency),
        hibernated_count: hib.count,
        hibernation_savings_per_day: hibernation_savings_per_day(&vms, &pricing, &currency),
        utc_offset: now.with_timezone(&local).format("%:z").to_string(),
        currency,
        burn,
    })
}
