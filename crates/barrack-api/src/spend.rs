//! Where the money went and what keeps costing it, from the API's billing records and the
//! pricing table only: each figure can be traced to a record or a documented rate.
//!
//! A record's cost is spread evenly over the minutes it covers (`start_time` plus
//! `total_duration_minutes`, or `end_time`), so a day, week or month gets exactly the
//! minutes that fell in it, split at midnight in the user's time zone.

use crate::costs;
use crate::hibernation_rate_per_hour;
use crate::types::*;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// What a billing record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum CostKind {
    Instance,
    Volume,
    Snapshot,
}

/// One billing record reduced to what the maths needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Accrual {
    pub kind: CostKind,
    pub resource_id: String,
    pub resource_name: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub cost: f64,
}

impl Accrual {
    fn new(
        kind: CostKind,
        id: &str,
        name: &str,
        start: Option<&crate::decode::Timestamp>,
        end: Option<&crate::decode::Timestamp>,
        minutes: f64,
        cost: f64,
    ) -> Option<Accrual> {
        let start = start?.0;
        let stated_end = end.map(|e| e.0).unwrap_or(start);
        // The duration the record states wins over its end time: an open record's cost is
        // what it accrued up to the answer, whatever the local clock says. A duration past
        // the calendar's end (1e308 minutes) is not one: the end time decides then.
        let end = if minutes > 0.0 {
            Duration::try_milliseconds((minutes * 60_000.0).round() as i64)
                .and_then(|d| start.checked_add_signed(d))
                .unwrap_or(stated_end)
        } else {
            stated_end
        };
        Some(Accrual {
            kind,
            resource_id: id.to_owned(),
            resource_name: name.to_owned(),
            start,
            end: end.max(start),
            cost: costs::finite(cost),
        })
    }

    /// The part of the cost that falls in `[from, to)`.
    pub fn cost_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        let span = (self.end - self.start).num_milliseconds();
        if span <= 0 {
            // An instant record counts where it starts.
            return if self.start >= from && self.start < to {
                self.cost
            } else {
                0.0
            };
        }
        let lo = self.start.max(from);
        let hi = self.end.min(to);
        let overlap = (hi - lo).num_milliseconds();
        if overlap <= 0 {
            return 0.0;
        }
        costs::finite(self.cost * (overlap as f64 / span as f64))
    }
}

pub fn accruals(
    instances: &[BillingRecord],
    volumes: &[VolumeBillingRecord],
    snapshots: &[SnapshotBillingRecord],
) -> Vec<Accrual> {
    let i = instances.iter().filter_map(|r| {
        Accrual::new(
            CostKind::Instance,
            &r.instance_id,
            &r.vm_name,
            r.start_time.as_ref(),
            r.end_time.as_ref(),
            r.total_duration_minutes,
            r.total_cost,
        )
    });
    let v = volumes.iter().filter_map(|r| {
        Accrual::new(
            CostKind::Volume,
            &r.volume_id,
            &r.volume_name,
            r.start_time.as_ref(),
            r.end_time.as_ref(),
            r.total_duration_minutes,
            r.total_cost,
        )
    });
    let s = snapshots.iter().filter_map(|r| {
        Accrual::new(
            CostKind::Snapshot,
            &r.snapshot_id,
            &r.snapshot_name,
            r.start_time.as_ref(),
            r.end_time.as_ref(),
            r.total_duration_minutes,
            r.total_cost,
        )
    });
    i.chain(v).chain(s).collect()
}

/// Cost today, this week (from Monday) and this month, in the user's time zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CostWindows {
    pub today: f64,
    pub week: f64,
    pub month: f64,
}

/// Local midnight at the start of `date`, in UTC (the earliest, should a DST change make
/// it ambiguous; the next representable time, should it not exist).
fn midnight<Tz: TimeZone>(tz: &Tz, date: NaiveDate) -> DateTime<Utc> {
    let naive = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.with_timezone(&Utc)
        }
        chrono::LocalResult::None => {
            let later = naive
                .checked_add_signed(Duration::hours(1))
                .unwrap_or(naive);
            tz.from_local_datetime(&later)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
        }
    }
}

fn sum_between(all: &[Accrual], from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    costs::total(all.iter().map(|a| a.cost_between(from, to)))
}

pub fn windows<Tz: TimeZone>(all: &[Accrual], tz: &Tz, now: DateTime<Utc>) -> CostWindows {
    let today = now.with_timezone(tz).date_naive();
    let week_start = today
        .checked_sub_signed(Duration::days(today.weekday().num_days_from_monday() as i64))
        .unwrap_or(today);
    let month_start = today.with_day(1).unwrap_or(today);
    // Records are as of their answer; nothing after "now" exists, so the window ends far out.
    let end = now
        .checked_add_signed(Duration::days(366))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    CostWindows {
        today: sum_between(all, midnight(tz, today), end),
        week: sum_between(all, midnight(tz, week_start), end),
        month: sum_between(all, midnight(tz, month_start), end),
    }
}

/// One day's cost by kind (the chart's stacked bars).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DayCost {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    pub instances: f64,
    pub volumes: f64,
    pub snapshots: f64,
}

/// The last `days` local days up to and including today's.
pub fn daily<Tz: TimeZone>(
    all: &[Accrual],
    tz: &Tz,
    now: DateTime<Utc>,
    days: u32,
) -> Vec<DayCost> {
    let today = now.with_timezone(tz).date_naive();
    (0..days as i64)
        .rev()
        .filter_map(|back| {
            // Days before the calendar's start do not exist (only with absurd `days`).
            let date = today.checked_sub_signed(Duration::days(back))?;
            let next = date.succ_opt().unwrap_or(date);
            Some((date, next))
        })
        .map(|(date, next)| {
            let (from, to) = (midnight(tz, date), midnight(tz, next));
            let of = |k: CostKind| {
                costs::total(
                    all.iter()
                        .filter(|a| a.kind == k)
                        .map(|a| a.cost_between(from, to)),
                )
            };
            DayCost {
                date: date.format("%Y-%m-%d").to_string(),
                instances: of(CostKind::Instance),
                volumes: of(CostKind::Volume),
                snapshots: of(CostKind::Snapshot),
            }
        })
        .collect()
}

/// A resource's cost over all its records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ResourceCost {
    pub kind: CostKind,
    pub id: String,
    pub name: String,
    pub cost: f64,
}

/// The `n` resources that cost most, most first.
pub fn top_resources(all: &[Accrual], n: usize) -> Vec<ResourceCost> {
    let mut by: Vec<ResourceCost> = Vec::new();
    for a in all {
        match by
            .iter_mut()
            .find(|r| r.kind == a.kind && r.id == a.resource_id)
        {
            Some(r) => r.cost = costs::finite(r.cost + a.cost),
            None => by.push(ResourceCost {
                kind: a.kind,
                id: a.resource_id.clone(),
                name: a.resource_name.clone(),
                cost: a.cost,
            }),
        }
    }
    by.sort_by(|a, b| b.cost.total_cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    by.truncate(n);
    by
}

/// Something that bills while it does no work (rules.md §2.1, §10), with its cost per day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StillBilling {
    pub kind: CostKind,
    pub id: String,
    pub name: String,
    pub region: RegionEnum,
    /// The VM's status, or the volume's / snapshot's.
    pub status: String,
    pub per_hour: f64,
    pub per_day: f64,
    /// Why it bills, in words.
    pub why: String,
}

/// SHUTOFF VMs (the full rate), hibernated VMs (the hibernation rate), volumes attached to
/// nothing, and snapshots — each with what it costs a day, most expensive first.
pub fn still_billing(
    vms: &[VMInstance],
    volumes: &[VolumeResponse],
    snapshots: &[Snapshot],
    pricing: &PricingData,
    currency: &CurrencyEnum,
) -> Vec<StillBilling> {
    let mut out = Vec::new();
    for vm in vms {
        let why = match vm.status {
            VMStatus::Shutoff => "Stopped, but a stopped VM bills the full rate.",
            VMStatus::Hibernated => {
                "Hibernated: only the root disk bills, at the hibernation rate."
            }
            _ => continue,
        };
        let per_hour = costs::vm_rate_now(vm, pricing, currency);
        out.push(StillBilling {
            kind: CostKind::Instance,
            id: vm.id.clone(),
            name: vm.name.clone(),
            region: vm.region.clone(),
            status: vm.status.as_str().to_owned(),
            per_hour,
            per_day: costs::finite(per_hour * 24.0),
            why: why.to_owned(),
        });
    }
    for v in volumes
        .iter()
        .filter(|v| v.status == VolumeStatus::Available && v.instance_id.is_none())
    {
        let per_hour = costs::volume_rate(v, pricing, currency);
        out.push(StillBilling {
            kind: CostKind::Volume,
            id: v.id.clone(),
            name: v.name.clone(),
            region: v.region.clone(),
            status: v.status.as_str().to_owned(),
            per_hour,
            per_day: costs::finite(per_hour * 24.0),
            why: "Attached to no VM; storage bills by provisioned size.".to_owned(),
        });
    }
    for s in snapshots
        .iter()
        .filter(|s| s.status == SnapshotStatus::Success)
    {
        let per_hour = costs::snapshot_rate(s, pricing, currency);
        out.push(StillBilling {
            kind: CostKind::Snapshot,
            id: s.id.clone(),
            name: s.name.clone(),
            region: s.region.clone(),
            status: s.status.as_str().to_owned(),
            per_hour,
            per_day: costs::finite(per_hour * 24.0),
            why: "Snapshot storage bills every hour it is kept.".to_owned(),
        });
    }
    out.sort_by(|a, b| {
        b.per_day
            .total_cmp(&a.per_day)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// What hibernation saves per day compared with keeping the same VMs stopped (SHUTOFF bills
/// the full rate; HIBERNATED the hibernation rate).
pub fn hibernation_savings_per_day(
    vms: &[VMInstance],
    pricing: &PricingData,
    currency: &CurrencyEnum,
) -> f64 {
    vms.iter()
        .filter(|v| v.status == VMStatus::Hibernated)
        .filter_map(|v| costs::vm_full_rate(v, pricing, currency))
        .map(|full| (full - hibernation_rate_per_hour(currency)).max(0.0) * 24.0)
        .fold(0.0, |a, b| costs::finite(a + b))
}

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

/// One CSV field: quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn ts_text(t: &Option<crate::decode::Timestamp>) -> String {
    t.as_ref().map(|t| t.0.to_rfc3339()).unwrap_or_default()
}

/// The fields every kind of billing record ends with, in the documented order.
const TAIL_FIELDS: [&str; 8] = [
    "tier",
    "start_time",
    "end_time",
    "total_duration_minutes",
    "per_minute_rate",
    "total_cost",
    "currency",
    "status",
];

/// The common fields of a record, as text (the three record types name them alike).
trait RecordTail {
    fn tail(&self) -> [String; 8];
}

macro_rules! record_tail {
    ($($t:ty),*) => {$(
        impl RecordTail for $t {
            fn tail(&self) -> [String; 8] {
                [
                    self.tier.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_default(),
                    ts_text(&self.start_time),
                    ts_text(&self.end_time),
                    self.total_duration_minutes.to_string(),
                    self.per_minute_rate.to_string(),
                    self.total_cost.to_string(),
                    self.currency.as_str().to_owned(),
                    self.status.as_str().to_owned(),
                ]
            }
        }
    )*};
}
record_tail!(BillingRecord, VolumeBillingRecord, SnapshotBillingRecord);

/// A header of `head` then the common fields, and a line per record.
fn records_csv<R: RecordTail>(
    head: &[&str],
    records: &[R],
    row: impl Fn(&R) -> Vec<String>,
) -> String {
    let header: Vec<String> = head
        .iter()
        .chain(TAIL_FIELDS.iter())
        .map(|s| s.to_string())
        .collect();
    let mut out = csv_line(&header);
    for r in records {
        let mut line = row(r);
        line.extend(r.tail());
        out.push_str(&csv_line(&line));
    }
    out
}

/// Billing records as CSV with the documented field names as the header.
pub fn instance_records_csv(records: &[BillingRecord]) -> String {
    let head = [
        "billing_id",
        "instance_id",
        "vm_name",
        "gpu_type",
        "gpu_count",
    ];
    records_csv(&head, records, |r| {
        vec![
            r.billing_id.clone(),
            r.instance_id.clone(),
            r.vm_name.clone(),
            r.gpu_type.as_str().to_owned(),
            r.gpu_count.to_string(),
        ]
    })
}

pub fn volume_records_csv(records: &[VolumeBillingRecord]) -> String {
    let head = ["billing_id", "volume_id", "volume_name", "size_gb"];
    records_csv(&head, records, |r| {
        vec![
            r.billing_id.clone(),
            r.volume_id.clone(),
            r.volume_name.clone(),
            r.size_gb.to_string(),
        ]
    })
}

pub fn snapshot_records_csv(records: &[SnapshotBillingRecord]) -> String {
    let head = ["billing_id", "snapshot_id", "snapshot_name", "size_gb"];
    records_csv(&head, records, |r| {
        vec![
            r.billing_id.clone(),
            r.snapshot_id.clone(),
            r.snapshot_name.clone(),
            r.size_gb.to_string(),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn acc(kind: CostKind, id: &str, start: &str, minutes: i64, cost: f64) -> Accrual {
        Accrual {
            kind,
            resource_id: id.into(),
            resource_name: format!("name-{id}"),
            start: t(start),
            end: t(start) + Duration::minutes(minutes),
            cost,
        }
    }

    fn pricing() -> PricingData {
        let body = include_str!("../tests/testdata/post-pricing-response-200.json");
        crate::decode::from_slice::<PricingResponse>(body.as_bytes())
            .unwrap()
            .pricing_data
    }

    #[test]
    fn a_record_is_split_at_local_midnight() {
        // 23:00–01:00 local (UTC+2) at 0.166 a minute: an hour each side of midnight.
        let tz = FixedOffset::east_opt(2 * 3600).unwrap();
        let a = acc(CostKind::Instance, "d", "2026-11-26T21:00:00Z", 120, 19.92);
        let days = daily(&[a], &tz, t("2026-11-27T10:00:00Z"), 2);
        assert_eq!(days[0].date, "2026-11-26");
        assert!((days[0].instances - 9.96).abs() < 1e-9, "{days:?}");
        assert!((days[1].instances - 9.96).abs() < 1e-9);
        // In UTC the same record falls on one day.
        let utc = daily(
            &[acc(
                CostKind::Instance,
                "d",
                "2026-11-26T21:00:00Z",
                120,
                19.92,
            )],
            &Utc,
            t("2026-11-27T10:00:00Z"),
            2,
        );
        assert!((utc[0].instances - 19.92).abs() < 1e-9 && utc[1].instances == 0.0);
    }

    #[test]
    fn windows_today_week_month() {
        // Friday 2026-11-27. Records: today, Monday this week, 2nd of the month, last month.
        let all = [
            acc(CostKind::Instance, "a", "2026-11-27T08:00:00Z", 60, 1.0),
            acc(CostKind::Volume, "v", "2026-11-23T08:00:00Z", 60, 2.0),
            acc(CostKind::Snapshot, "s", "2026-11-02T08:00:00Z", 60, 4.0),
            acc(CostKind::Instance, "b", "2026-10-30T08:00:00Z", 60, 8.0),
        ];
        let w = windows(&all, &Utc, t("2026-11-27T12:00:00Z"));
        assert_eq!((w.today, w.week, w.month), (1.0, 3.0, 7.0));
    }

    #[test]
    fn open_records_count_what_they_accrued_not_the_local_clock() {
        // The record says 30 minutes so far; the local clock is days later: still 30 minutes.
        let r = BillingRecord {
            instance_id: "d".into(),
            start_time: Some(crate::decode::Timestamp(t("2026-11-27T08:00:00Z"))),
            end_time: None,
            total_duration_minutes: 30.0,
            total_cost: 4.98,
            ..Default::default()
        };
        let all = accruals(&[r], &[], &[]);
        assert_eq!(all[0].end, t("2026-11-27T08:30:00Z"));
        let w = windows(&all, &Utc, t("2026-11-29T08:00:00Z"));
        assert!((w.month - 4.98).abs() < 1e-9);
    }

    #[test]
    fn top_resources_sum_records_per_resource() {
        let all = [
            acc(CostKind::Instance, "a", "2026-11-27T08:00:00Z", 60, 1.0),
            acc(CostKind::Instance, "a", "2026-11-27T10:00:00Z", 60, 2.5),
            acc(CostKind::Volume, "v", "2026-11-27T08:00:00Z", 60, 3.0),
            acc(CostKind::Snapshot, "s", "2026-11-27T08:00:00Z", 60, 0.5),
        ];
        let top = top_resources(&all, 2);
        assert_eq!(top.len(), 2);
        assert_eq!((top[0].id.as_str(), top[0].cost), ("a", 3.5));
        assert_eq!(top[1].id, "v");
    }

    fn vm(status: VMStatus, count: u32) -> VMInstance {
        VMInstance {
            id: format!("{status}"),
            name: format!("vm-{status}"),
            status,
            tier: Some(TierEnum::Advanced),
            flavor: VMFlavor {
                gpu_model: GpuModelEnum::H100Sxm5_80gb,
                gpu_count: count,
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn still_billing_lists_stopped_hibernated_and_idle_storage() {
        let p = pricing();
        let usd = CurrencyEnum::Usd;
        let vms = [
            vm(VMStatus::Active, 4),
            vm(VMStatus::Shutoff, 4),
            vm(VMStatus::Hibernated, 4),
            vm(VMStatus::Starting, 4),
        ];
        let list = still_billing(&vms, &[], &[], &p, &usd);
        let names: Vec<_> = list.iter().map(|s| s.status.as_str()).collect();
        assert_eq!(names, ["SHUTOFF", "HIBERNATED"]);
        // 4 × H100-SXM5-80GB at 2.49: 9.96 an hour, 239.04 a day, while doing nothing.
        assert!((list[0].per_day - 239.04).abs() < 1e-9);
        assert!((list[1].per_day - 0.24).abs() < 1e-9);
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_keeps_every_record() {
        let r = BillingRecord {
            billing_id: "B1".into(),
            instance_id: "D1".into(),
            vm_name: "a, \"b\"".into(),
            total_cost: 9.96,
            ..Default::default()
        };
        let csv = instance_records_csv(&[r.clone(), r]);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("billing_id,instance_id,vm_name,"));
        assert!(
            lines[1].starts_with("B1,D1,\"a, \"\"b\"\"\","),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",9.96,"));
    }

    #[test]
    fn hibernation_saves_the_full_rate_less_the_hibernation_rate() {
        let p = pricing();
        let vms = [vm(VMStatus::Hibernated, 4), vm(VMStatus::Shutoff, 4)];
        let saved = hibernation_savings_per_day(&vms, &p, &CurrencyEnum::Usd);
        assert!((saved - (9.96 - 0.01) * 24.0).abs() < 1e-9, "{saved}");
    }
}
