//! Composite reads for the dashboard and the instances pages: the API's lists joined with
//! the pricing table (barrack-api `costs`, the one place rates are computed), fetched in
//! parallel so a page waits for about one round trip.

use crate::error::AppError;
use crate::state::AppState;
use barrack_api::costs::{self, BurnRate};
use barrack_api::decode::Timestamp;
use barrack_api::lists::{all_instances, all_snapshots, all_volumes};
use barrack_api::state::{self as rules, VmAction};
use barrack_api::types::*;
use barrack_api::Client;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One row of the instances table.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InstanceRow {
    pub vm: VMInstance,
    /// What it costs per hour in its current state.
    pub hourly_rate: f64,
    /// What it costs per hour when ACTIVE or SHUTOFF (`None`: not in the pricing table).
    pub full_rate: Option<f64>,
    /// Since when it has been ACTIVE, for "running time".
    pub running_since: Option<Timestamp>,
    /// Sum of its billing records.
    pub cost_to_date: f64,
    /// Its state is one this app does not know: shown as the API wrote it, and billed at
    /// the full rate (counted as running) so an unknown state never hides what it costs.
    pub unknown_state: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InstancesOverview {
    pub currency: CurrencyEnum,
    pub rows: Vec<InstanceRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountOverview {
    pub account_id: Option<String>,
    pub currency: CurrencyEnum,
    pub balances: Vec<Balance>,
    pub balance: f64,
    pub burn: BurnRate,
    /// Balance ÷ burn rate; `None` when nothing burns.
    pub runway_hours: Option<f64>,
    pub profile_complete: bool,
    pub instances: Vec<InstanceRow>,
}

/// One action on one VM, as a button shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActionInfo {
    pub action: VmAction,
    pub allowed: bool,
    /// Why not, when not allowed.
    pub reason: Option<String>,
    /// What it does to the bill.
    pub consequence: String,
}

async fn cost_by_instance(c: &Client) -> barrack_api::Result<HashMap<String, f64>> {
    let records = c
        .all_pages(500, 4, |p| {
            let q = BillingQuery {
                page: p.page,
                limit: p.limit,
                ..Default::default()
            };
            async move { c.get_instance_billing(&q).await }
        })
        .await?;
    let mut by = HashMap::new();
    for r in records {
        *by.entry(r.instance_id).or_insert(0.0) += r.total_cost;
    }
    Ok(by)
}

fn rows(
    vms: Vec<VMInstance>,
    pricing: &PricingData,
    currency: &CurrencyEnum,
    spent: &HashMap<String, f64>,
) -> Vec<InstanceRow> {
    vms.into_iter()
        .map(|vm| {
            let full = costs::vm_full_rate(&vm, pricing, currency);
            let hourly = full
                .map(|f| costs::rate_in_state(&vm.status, f, currency))
                .unwrap_or(0.0);
            let running_since = if vm.status == VMStatus::Active {
                vm.status_changed_at
            } else {
                None
            };
            let cost_to_date = spent.get(&vm.id).copied().unwrap_or(0.0);
            let unknown_state = costs::is_unknown_state(&vm.status);
            InstanceRow {
                unknown_state,
                vm,
                hourly_rate: hourly,
                full_rate: full,
                running_since,
                cost_to_date,
            }
        })
        .collect()
}

/// Every VM with its rates, running time and cost to date (the instances page).
pub async fn instances_overview(state: &AppState) -> Result<InstancesOverview, AppError> {
    let c = state.client().await?;
    let (vms, pricing, balance, spent) = tokio::try_join!(
        all_instances(&c),
        state.pricing(&c),
        c.get_balance(),
        cost_by_instance(&c)
    )?;
    let currency = balance.currency.clone();
    Ok(InstancesOverview {
        rows: rows(vms, &pricing, &currency, &spent),
        currency,
    })
}

/// The dashboard: balance, burn rate, runway and the VMs.
pub async fn account_overview(state: &AppState) -> Result<AccountOverview, AppError> {
    let c = state.client().await?;
    let (vms, pricing, balance, vols, snaps, spent) = tokio::try_join!(
        all_instances(&c),
        state.pricing(&c),
        c.get_balance(),
        all_volumes(&c),
        all_snapshots(&c),
        cost_by_instance(&c)
    )?;
    let currency = balance.currency.clone();
    let burn = costs::burn_rate(&vms, &vols, &snaps, &pricing, &currency);
    if let Some(session) = state.current().await {
        state.remember_burn(session.identity(), burn.total);
    }
    let amount = balance.primary();
    Ok(AccountOverview {
        account_id: balance.account_id.clone(),
        runway_hours: costs::runway_hours(amount, burn.total),
        balance: amount,
        balances: balance.balances.clone(),
        profile_complete: balance.profile_complete,
        instances: rows(vms, &pricing, &currency, &spent),
        currency,
        burn,
    })
}

/// Every action on one VM: allowed or why not, and what it does to the bill.
pub async fn instance_actions(
    state: &AppState,
    instance_id: &str,
) -> Result<Vec<ActionInfo>, AppError> {
    let c = state.client().await?;
    let (vm, pricing, balance) = tokio::try_join!(
        c.get_instance(instance_id),
        state.pricing(&c),
        c.get_balance()
    )?;
    let full = costs::vm_full_rate(&vm.instance, &pricing, &balance.currency);
    Ok(action_table(&vm.instance.status)
        .into_iter()
        .map(|(action, reason)| ActionInfo {
            action,
            allowed: reason.is_none(),
            reason,
            consequence: costs::action_consequence(action, full, &balance.currency),
        })
        .collect())
}

/// The actions a VM's page offers, each with `None` (allowed) or why not.
pub fn action_table(status: &VMStatus) -> Vec<(VmAction, Option<String>)> {
    [
        VmAction::Start,
        VmAction::Stop,
        VmAction::Reboot,
        VmAction::Hibernate,
        VmAction::Restore,
        VmAction::Snapshot,
        VmAction::Delete,
    ]
    .into_iter()
    .map(|a| (a, rules::check(a, status).err()))
    .collect()
}

/// The state rules for the UI's bulk actions: for each known state, each action's verdict
/// (exported into the TypeScript bindings as a constant, so the UI never re-implements them).
pub fn action_rules() -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for status in VMStatus::KNOWN {
        // The page's seven actions, and the two settings that change only while ACTIVE.
        let mut table = action_table(status);
        for a in [VmAction::TogglePublicIp, VmAction::ChangeSecurityRules] {
            table.push((a, rules::check(a, status).err()));
        }
        let verdicts: serde_json::Map<String, serde_json::Value> = table
            .into_iter()
            .map(|(a, why)| {
                (
                    serde_json::to_value(a)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    serde_json::json!(why),
                )
            })
            .collect();
        out.insert(
            status.as_str().to_owned(),
            serde_json::Value::Object(verdicts),
        );
    }
    serde_json::Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MemorySettings;
    use barrack_credentials::MemoryStore;
    use std::sync::Arc;

    #[tokio::test]
    async fn overviews_join_lists_with_prices_and_billing() {
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        );
        state.sandbox_time_scale_for_tests(0.000001);
        crate::session::start_sandbox(&state).await.unwrap();
        let o = instances_overview(&state).await.unwrap();
        assert_eq!(o.currency, CurrencyEnum::Usd);
        let train = o.rows.iter().find(|r| r.vm.name == "train-h100").unwrap();
        // 2 × H100-SXM5-80GB (advanced) at 2.49 from the documented pricing.
        assert!(
            (train.hourly_rate - 4.98).abs() < 1e-9,
            "{}",
            train.hourly_rate
        );
        assert!(train.running_since.is_some() && train.cost_to_date > 0.0);
        let dev = o.rows.iter().find(|r| r.vm.name == "dev-a6000").unwrap();
        assert_eq!(
            dev.hourly_rate,
            dev.full_rate.unwrap(),
            "SHUTOFF still bills the full rate"
        );
        let archive = o.rows.iter().find(|r| r.vm.name == "archive-a100").unwrap();
        assert_eq!(archive.hourly_rate, 0.01);

        let a = account_overview(&state).await.unwrap();
        assert!(a.balance > 0.0 && a.account_id.is_some());
        let expected = o.rows.iter().map(|r| r.hourly_rate).sum::<f64>();
        assert!((a.burn.instances - expected).abs() < 1e-9);
        assert!(a.burn.volumes > 0.0 && a.burn.snapshots > 0.0);
        assert!((a.runway_hours.unwrap() - a.balance / a.burn.total).abs() < 1e-9);
    }

    #[tokio::test]
    async fn a_vm_in_a_state_this_app_does_not_know_is_flagged_and_billed_as_running() {
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        );
        state.sandbox_time_scale_for_tests(0.000001);
        crate::session::start_sandbox(&state).await.unwrap();
        let c = state.client().await.unwrap();
        let mut vms = all_instances(&c).await.unwrap();
        let pricing = state.pricing(&c).await.unwrap();
        let train = vms.iter_mut().find(|v| v.name == "train-h100").unwrap();
        train.status = VMStatus::Other("QUANTUM".into());
        let listed = rows(vms, &pricing, &CurrencyEnum::Usd, &HashMap::new());
        let odd = listed.iter().find(|r| r.vm.name == "train-h100").unwrap();
        assert!(odd.unknown_state);
        assert_eq!(
            odd.vm.status.as_str(),
            "QUANTUM",
            "shown as the API wrote it"
        );
        assert_eq!(Some(odd.hourly_rate), odd.full_rate, "counted as running");
        assert!(odd.hourly_rate > 0.0);
        assert!(listed
            .iter()
            .filter(|r| r.vm.name != "train-h100")
            .all(|r| !r.unknown_state));
    }

    #[test]
    fn rules_for_the_ui_come_from_the_shared_state_table() {
        let r = action_rules();
        assert_eq!(r["SHUTOFF"]["start"], serde_json::Value::Null);
        assert!(r["SHUTOFF"]["hibernate"]
            .as_str()
            .unwrap()
            .contains("start it first"));
        assert!(r["CREATING"]["delete"].as_str().unwrap().contains("wait"));
        assert_eq!(r.as_object().unwrap().len(), VMStatus::KNOWN.len());
    }
}
