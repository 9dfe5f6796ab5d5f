//! Billing & Credits: the overview (balance, burn rate, runway, cost today/week/month,
//! daily cost by kind, top resources, what still bills, hibernation savings), CSV export
//! through a native save dialog written by Rust, and hibernate timers. Every figure comes
//! from the API's records or the pricing table (barrack-api `costs` and `spend`).

use crate::error::{AppError, AppErrorCode};
use crate::guard::guarded;
use crate::state::AppState;
use crate::timers::{self, HibernateTimer, TimerKind};
use barrack_api::lists::*;
use barrack_api::spend::{self, CostKind, SpendOverview};
use barrack_api::types::*;
use serde::Serialize;
use tauri::State;

/// The spend overview (barrack-api `spend`) and the alert threshold it is read against.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BillingOverview {
    #[serde(flatten)]
    pub spend: SpendOverview,
    pub low_balance_threshold: f64,
}

#[tauri::command]
#[specta::specta]
pub async fn billing_overview(state: State<'_, AppState>) -> Result<BillingOverview, AppError> {
    guarded(async move { billing_overview_of(&state).await }).await
}

pub async fn billing_overview_of(state: &AppState) -> Result<BillingOverview, AppError> {
    let c = state.client().await?;
    Ok(BillingOverview {
        spend: spend::overview(&c, state.pricing(&c)).await?,
        low_balance_threshold: state
            .settings
            .load()
            .unwrap_or_default()
            .low_balance_threshold,
    })
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvExport {
    pub path: String,
    pub rows: u32,
}

/// Every record of one kind matching the filter, as CSV, to a file the user picks in a
/// native save dialog (written here: the UI has no file-system permission).
#[tauri::command]
#[specta::specta]
pub async fn export_billing_csv(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    kind: CostKind,
    filter: BillingQuery,
) -> Result<CsvExport, AppError> {
    guarded(async move {
        let c = state.client().await?;
        let (csv, rows) = match kind {
            CostKind::Instance => {
                let r = instance_records(&c, &filter).await?;
                (spend::instance_records_csv(&r), r.len())
            }
            CostKind::Volume => {
                let r = volume_records(&c, &filter).await?;
                (spend::volume_records_csv(&r), r.len())
            }
            CostKind::Snapshot => {
                let r = snapshot_records(&c, &filter).await?;
                (spend::snapshot_records_csv(&r), r.len())
            }
        };
        let name = format!(
            "barrack-{}-billing-{}.csv",
            serde_json::to_value(kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            chrono::Local::now().format("%Y-%m-%d")
        );
        let path = crate::dialogs::ask_save_path(app, "Export billing records", &name).await?;
        std::fs::write(&path, csv).map_err(|e| {
            AppError::new(
                AppErrorCode::File,
                format!("{} could not be written: {e}", path.display()),
            )
        })?;
        Ok(CsvExport {
            path: path.display().to_string(),
            rows: rows as u32,
        })
    })
    .await
}

// --- hibernate timers ------------------------------------------------------------------------

#[tauri::command]
#[specta::specta]
pub async fn list_timers(state: State<'_, AppState>) -> Result<Vec<HibernateTimer>, AppError> {
    guarded(async move {
        let profile = state.profile().await?;
        Ok(timers::load(state.docs.as_ref())
            .into_iter()
            .filter(|t| t.profile == profile)
            .collect())
    })
    .await
}

/// "Hibernate at …" (`at`, RFC 3339). Replaces the VM's other timer.
#[tauri::command]
#[specta::specta]
pub async fn set_hibernate_timer(
    state: State<'_, AppState>,
    vm_id: String,
    vm_name: String,
    at: String,
) -> Result<HibernateTimer, AppError> {
    guarded(async move {
        let at = chrono::DateTime::parse_from_rfc3339(&at)
            .map_err(|_| {
                let mut e = AppError::new(AppErrorCode::Validation, "Not a date and time.");
                e.field = Some("at".into());
                e
            })?
            .with_timezone(&chrono::Utc);
        change_timers(&state, |list, profile, now| {
            timers::add(
                list,
                profile,
                &vm_id,
                &vm_name,
                TimerKind::HibernateAt,
                at,
                now,
            )
        })
        .await
    })
    .await
}

/// For a stopped VM: start it and hibernate it as soon as it is ACTIVE (hibernation is
/// documented only from ACTIVE, so this bills the full rate for the minute or two between).
#[tauri::command]
#[specta::specta]
pub async fn start_then_hibernate(
    state: State<'_, AppState>,
    vm_id: String,
    vm_name: String,
) -> Result<HibernateTimer, AppError> {
    guarded(async move {
        let c = state.client().await?;
        c.start_instance(&vm_id).await?;
        state.poke_poller();
        change_timers(&state, |list, profile, now| {
            timers::add(
                list,
                profile,
                &vm_id,
                &vm_name,
                TimerKind::HibernateWhenActive,
                now,
                now,
            )
        })
        .await
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn postpone_timer(
    state: State<'_, AppState>,
    id: String,
    minutes: u32,
) -> Result<HibernateTimer, AppError> {
    guarded(async move {
        change_timers(&state, |list, _, now| {
            timers::postpone(list, &id, minutes as i64, now)
        })
        .await
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_timer(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    guarded(async move {
        change_timers(&state, |list, _, _| {
            list.retain(|t| t.id != id);
            Ok(())
        })
        .await
    })
    .await
}

/// Loads, changes and saves the timers under their lock, then wakes the runner.
async fn change_timers<T>(
    state: &AppState,
    f: impl FnOnce(&mut Vec<HibernateTimer>, &str, chrono::DateTime<chrono::Utc>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let profile = state.profile().await?;
    let out = {
        let _guard = state.timers_lock.lock().await;
        let mut list = timers::load(state.docs.as_ref());
        let out = f(&mut list, &profile, chrono::Utc::now())?;
        timers::save(state.docs.as_ref(), &list)?;
        out
    };
    state.timers_poke.notify_one();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MemorySettings;
    use barrack_credentials::MemoryStore;
    use std::sync::Arc;

    #[tokio::test]
    async fn the_overview_traces_to_the_records_and_the_pricing_table() {
        let state = AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        );
        crate::session::start_sandbox(&state).await.unwrap();
        let o = billing_overview_of(&state).await.unwrap().spend;
        let c = state.client().await.unwrap();
        let inst = instance_records(&c, &BillingQuery::default())
            .await
            .unwrap();
        let vols = volume_records(&c, &BillingQuery::default()).await.unwrap();
        let snaps = snapshot_records(&c, &BillingQuery::default())
            .await
            .unwrap();
        let all: f64 = inst.iter().map(|r| r.total_cost).sum::<f64>()
            + vols.iter().map(|r| r.total_cost).sum::<f64>()
            + snaps.iter().map(|r| r.total_cost).sum::<f64>();
        let charted: f64 = o
            .daily
            .iter()
            .map(|d| d.instances + d.volumes + d.snapshots)
            .sum();
        // Every record of the sandbox is younger than 30 days: the chart holds all of it.
        assert!((charted - all).abs() < 1e-6, "{charted} vs {all}");
        assert!(o.windows.today <= o.windows.week + 1e-9 || o.windows.week <= o.windows.month);
        // The sandbox's SHUTOFF dev-a6000 and HIBERNATED archive-a100 still bill.
        let names: Vec<_> = o.still_billing.iter().map(|s| s.name.as_str()).collect();
        assert!(
            names.contains(&"dev-a6000") && names.contains(&"archive-a100"),
            "{names:?}"
        );
        assert_eq!(o.hibernated_count, 1);
        assert!(o.hibernation_savings_per_day > 0.0);
        assert!((o.runway_hours.unwrap() - o.balance / o.burn.total).abs() < 1e-9);
    }
}
