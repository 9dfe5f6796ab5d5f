//! Billing & Credits: the overview (balance, burn rate, runway, cost today/week/month,
//! daily cost by kind, top resources, what still bills, hibernation savings), CSV export
//! to a file the user picks in a "save as" dialog, written here, and hibernate timers.
//! Every figure comes from the API's records or the pricing table (barrack-api `costs`
//! and `spend`); the charts' columns too ([`charts`]), so the page draws without computing.

pub mod charts;

use crate::effects::SaveDialog;
use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;
use crate::timers::{self, HibernateTimer, TimerKind};
use barrack_api::lists::*;
use barrack_api::spend::{self, CostKind, SpendOverview};
use barrack_api::types::*;
use serde::Serialize;

/// The spend overview (barrack-api `spend`), its charts' columns, and the alert threshold
/// it is read against. Fetched by its own command, apart from the records' pages: the
/// records table never waits for it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BillingOverview {
    #[serde(flatten)]
    pub spend: SpendOverview,
    /// `spend.daily` and `spend.top` as the page's charts draw them.
    pub charts: charts::BillingCharts,
    pub low_balance_threshold: f64,
}

pub async fn billing_overview(state: &AppState) -> Result<BillingOverview, AppError> {
    let c = state.client().await?;
    let spend = spend::overview(&c, state.pricing(&c)).await?;
    Ok(BillingOverview {
        // Days are split in the system's time zone (spend::overview's), and so is the x axis.
        charts: charts::charts(&spend.daily, &spend.top, &chrono::Local),
        spend,
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

/// Every record of one kind matching the filter, as CSV, to a file the user picks in
/// `dialog` (written here: the UI has no file-system permission). The records are fetched
/// before the dialog opens, so a failing API asks nothing.
pub async fn export_billing_csv(
    state: &AppState,
    dialog: &impl SaveDialog,
    kind: CostKind,
    filter: &BillingQuery,
) -> Result<CsvExport, AppError> {
    let c = state.client().await?;
    let (csv, rows) = match kind {
        CostKind::Instance => {
            let r = instance_records(&c, filter).await?;
            (spend::instance_records_csv(&r), r.len())
        }
        CostKind::Volume => {
            let r = volume_records(&c, filter).await?;
            (spend::volume_records_csv(&r), r.len())
        }
        CostKind::Snapshot => {
            let r = snapshot_records(&c, filter).await?;
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
    let path = dialog
        .ask_save_path("Export billing records", &name)
        .await?;
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
}

// --- hibernate timers ------------------------------------------------------------------------

/// The signed-in profile's timers.
pub async fn list_timers(state: &AppState) -> Result<Vec<HibernateTimer>, AppError> {
    let profile = state.profile().await?;
    Ok(timers::load(state.docs.as_ref())
        .into_iter()
        .filter(|t| t.profile == profile)
        .collect())
}

/// "Hibernate at …" (`at`, RFC 3339). Replaces the VM's other timer.
pub async fn set_hibernate_timer(
    state: &AppState,
    vm_id: &str,
    vm_name: &str,
    at: &str,
) -> Result<HibernateTimer, AppError> {
    let at = chrono::DateTime::parse_from_rfc3339(at)
        .map_err(|_| {
            let mut e = AppError::new(AppErrorCode::Validation, "Not a date and time.");
            e.field = Some("at".into());
            e
        })?
        .with_timezone(&chrono::Utc);
    change_timers(state, |list, profile, now| {
        timers::add(
            list,
            profile,
            vm_id,
            vm_name,
            TimerKind::HibernateAt,
            at,
            now,
        )
    })
    .await
}

/// For a stopped VM: start it and hibernate it as soon as it is ACTIVE (hibernation is
/// documented only from ACTIVE, so this bills the full rate for the minute or two between).
pub async fn start_then_hibernate(
    state: &AppState,
    vm_id: &str,
    vm_name: &str,
) -> Result<HibernateTimer, AppError> {
    let c = state.client().await?;
    c.start_instance(vm_id).await?;
    state.poke_poller();
    change_timers(state, |list, profile, now| {
        timers::add(
            list,
            profile,
            vm_id,
            vm_name,
            TimerKind::HibernateWhenActive,
            now,
            now,
        )
    })
    .await
}

pub async fn postpone_timer(
    state: &AppState,
    id: &str,
    minutes: u32,
) -> Result<HibernateTimer, AppError> {
    change_timers(state, |list, _, now| {
        timers::postpone(list, id, minutes as i64, now)
    })
    .await
}

pub async fn cancel_timer(state: &AppState, id: &str) -> Result<(), AppError> {
    change_timers(state, |list, _, _| {
        list.retain(|t| t.id != id);
        Ok(())
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
    use crate::test_support::sandbox_state;

    #[tokio::test]
    async fn the_overview_traces_to_the_records_and_the_pricing_table() {
        let state = sandbox_state(Default::default()).await;
        let overview = billing_overview(&state).await.unwrap();
        let o = overview.spend;
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
        // The bars the page draws: each day's tallest stack is that day's whole cost.
        let drawn: f64 = overview.charts.daily.stacked.snapshot.iter().sum();
        assert!((drawn - all).abs() < 1e-6, "{drawn} vs {all}");
        assert_eq!(overview.charts.top.names.len(), o.top.len());
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

    /// A fresh, empty folder for one test's files.
    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("brk-core-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Exactly the filter's records reach the file the dialog named: the header, then one
    /// line per record, and the count returned is the lines written.
    #[tokio::test]
    async fn the_csv_export_writes_the_filtered_records_where_the_dialog_says() {
        use crate::effects::FakeSaveDialog;
        let state = sandbox_state(Default::default()).await;
        let c = state.client().await.unwrap();
        let all = instance_records(&c, &BillingQuery::default())
            .await
            .unwrap();
        let one_vm = all[0].instance_id.clone();
        let filter = BillingQuery {
            resource_id: Some(one_vm.clone()),
            ..Default::default()
        };
        let expected = instance_records(&c, &filter).await.unwrap();
        assert!(
            !expected.is_empty() && expected.len() < all.len(),
            "the filter keeps some records and drops others ({} of {})",
            expected.len(),
            all.len()
        );

        let dir = folder("csv");
        let path = dir.join("picked.csv");
        let dialog = FakeSaveDialog::picks(&path);
        let out = export_billing_csv(&state, &dialog, CostKind::Instance, &filter)
            .await
            .unwrap();
        assert_eq!(out.path, path.display().to_string());
        assert_eq!(out.rows as usize, expected.len());
        let asked = dialog.asked.lock().unwrap().clone();
        assert_eq!(asked.len(), 1);
        assert!(
            asked[0].1.starts_with("barrack-instance-billing-") && asked[0].1.ends_with(".csv"),
            "{asked:?}"
        );

        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        assert!(
            header.starts_with("billing_id,instance_id,vm_name,gpu_type,gpu_count"),
            "{header}"
        );
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        assert_eq!(rows.len(), expected.len());
        let written: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        let wanted: Vec<&str> = expected.iter().map(|r| r.billing_id.as_str()).collect();
        assert_eq!(written, wanted);
        assert!(rows.iter().all(|r| r[1] == one_vm), "only the filtered VM");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Closing the dialog answers `Cancelled` and writes nothing anywhere.
    #[tokio::test]
    async fn a_cancelled_csv_export_writes_nothing() {
        use crate::effects::FakeSaveDialog;
        let state = sandbox_state(Default::default()).await;
        let dir = folder("csv-cancel");
        let dialog = FakeSaveDialog::cancelled();
        let err = export_billing_csv(&state, &dialog, CostKind::Volume, &BillingQuery::default())
            .await
            .unwrap_err();
        assert_eq!(err.code, AppErrorCode::Cancelled);
        assert_eq!(dialog.asked.lock().unwrap().len(), 1, "it did ask");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
