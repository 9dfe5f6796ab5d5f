//! Accrued cost summed over calendar periods in the user's time zone: today, this week, this
//! month, and a day-by-day series. Days are split at local midnight, so a record that runs
//! over midnight counts on both days in proportion.

use super::accrual::{Accrual, CostKind};
use crate::costs;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::fixtures::{acc, t};
    use chrono::FixedOffset;

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
}
