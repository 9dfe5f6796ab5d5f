//! The Billing page's two bar charts, as the UI draws them: computed once here with the
//! overview, so the page only hands the columns to uPlot.
//!
//! uPlot has no stacking of its own: each kind's daily bar is drawn up to the running sum of
//! the kinds below it (`stacked`), while the legend and the figures table name the kind's
//! own amount (`own`). The top resources are one column per kind (a resource's cost at its
//! position, `None` elsewhere) so each bar takes its kind's colour.

use barrack_api::spend::{CostKind, DayCost, ResourceCost};
use chrono::{NaiveDate, TimeZone};
use serde::Serialize;

/// Stack order, bottom first (the UI's legend and colours follow it).
pub const STACK: [CostKind; 3] = [CostKind::Instance, CostKind::Volume, CostKind::Snapshot];

/// One amount per day (or per resource) for each kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
pub struct KindAmounts {
    pub instance: Vec<f64>,
    pub volume: Vec<f64>,
    pub snapshot: Vec<f64>,
}

/// One bar per resource for each kind: the cost where the resource is of that kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
pub struct KindBars {
    pub instance: Vec<Option<f64>>,
    pub volume: Vec<Option<f64>>,
    pub snapshot: Vec<Option<f64>>,
}

impl KindAmounts {
    fn of(&mut self, kind: CostKind) -> &mut Vec<f64> {
        match kind {
            CostKind::Instance => &mut self.instance,
            CostKind::Volume => &mut self.volume,
            CostKind::Snapshot => &mut self.snapshot,
        }
    }
}

impl KindBars {
    fn of(&mut self, kind: CostKind) -> &mut Vec<Option<f64>> {
        match kind {
            CostKind::Instance => &mut self.instance,
            CostKind::Volume => &mut self.volume,
            CostKind::Snapshot => &mut self.snapshot,
        }
    }
}

/// Cost per local day, stacked by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DailyChart {
    /// `YYYY-MM-DD`, local, oldest first (the figures table's first column).
    pub days: Vec<String>,
    /// Each day's local midnight in seconds since the epoch (uPlot's x axis).
    pub x: Vec<f64>,
    /// Each kind's own amount per day (the legend and the figures table).
    pub own: KindAmounts,
    /// The top of each kind's bar: the sum of the kinds up to and including it ([`STACK`]).
    pub stacked: KindAmounts,
}

/// The resources that cost most, largest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TopChart {
    /// The resource's name, or its id when it has none.
    pub names: Vec<String>,
    pub kinds: Vec<CostKind>,
    pub costs: Vec<f64>,
    pub by_kind: KindBars,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BillingCharts {
    /// The kinds bottom first ([`STACK`]): the order the charts draw, and their legends and
    /// figures tables list, the kinds' columns in (the window has no order of its own).
    pub stack: Vec<CostKind>,
    pub daily: DailyChart,
    pub top: TopChart,
}

/// An amount a chart can draw: anything not finite counts as nothing.
fn drawable(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

fn day_amount(d: &DayCost, kind: CostKind) -> f64 {
    drawable(match kind {
        CostKind::Instance => d.instances,
        CostKind::Volume => d.volumes,
        CostKind::Snapshot => d.snapshots,
    })
}

/// Local midnight at the start of `date` in `tz`, in seconds (the earliest should a DST
/// change make it ambiguous, an hour later should it not exist); `None` for a date that
/// does not parse.
fn midnight_seconds<Tz: TimeZone>(tz: &Tz, date: &str) -> Option<f64> {
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let naive = day.and_hms_opt(0, 0, 0)?;
    let at = tz.from_local_datetime(&naive).earliest().or_else(|| {
        tz.from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
    })?;
    Some(at.timestamp() as f64)
}

pub fn daily_chart<Tz: TimeZone>(daily: &[DayCost], tz: &Tz) -> DailyChart {
    let mut chart = DailyChart::default();
    for d in daily {
        let mut sum = 0.0;
        for kind in STACK {
            let v = day_amount(d, kind);
            sum += v;
            chart.own.of(kind).push(v);
            chart.stacked.of(kind).push(sum);
        }
        chart.days.push(d.date.clone());
        chart
            .x
            .push(midnight_seconds(tz, &d.date).unwrap_or(f64::NAN));
    }
    chart
}

pub fn top_chart(top: &[ResourceCost]) -> TopChart {
    let mut sorted: Vec<&ResourceCost> = top.iter().collect();
    // Stable: equal costs keep the overview's order.
    sorted.sort_by(|a, b| drawable(b.cost).total_cmp(&drawable(a.cost)));
    let mut chart = TopChart::default();
    for r in sorted {
        let cost = drawable(r.cost);
        chart.names.push(if r.name.is_empty() {
            r.id.clone()
        } else {
            r.name.clone()
        });
        chart.kinds.push(r.kind);
        chart.costs.push(cost);
        for kind in STACK {
            chart
                .by_kind
                .of(kind)
                .push((r.kind == kind).then_some(cost));
        }
    }
    chart
}

pub fn charts<Tz: TimeZone>(daily: &[DayCost], top: &[ResourceCost], tz: &Tz) -> BillingCharts {
    BillingCharts {
        stack: STACK.to_vec(),
        daily: daily_chart(daily, tz),
        top: top_chart(top),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, instances: f64, volumes: f64, snapshots: f64) -> DayCost {
        DayCost {
            date: date.into(),
            instances,
            volumes,
            snapshots,
        }
    }

    fn res(kind: CostKind, id: &str, name: &str, cost: f64) -> ResourceCost {
        ResourceCost {
            kind,
            id: id.into(),
            name: name.into(),
            cost,
        }
    }

    /// The expectations the UI's `dailySeries` test had (a missing amount counts as 0).
    #[test]
    fn the_days_are_stacked_by_kind_and_keep_each_kinds_own_amount() {
        let c = daily_chart(
            &[
                day("2026-03-01", 2.0, 0.5, f64::NAN),
                day("2026-03-02", 1.0, 1.0, 1.0),
            ],
            &chrono::Utc,
        );
        assert_eq!(c.own.instance, [2.0, 1.0]);
        assert_eq!(c.stacked.instance, [2.0, 1.0]);
        assert_eq!(c.stacked.volume, [2.5, 2.0]);
        assert_eq!(c.stacked.snapshot, [2.5, 3.0]);
        assert_eq!(c.own.snapshot, [0.0, 1.0]);
        assert_eq!(c.days, ["2026-03-01", "2026-03-02"]);
        assert_eq!(c.x[1] - c.x[0], 86_400.0);
        // 2026-03-01T00:00:00Z.
        assert_eq!(c.x[0], 1_772_323_200.0);
    }

    /// The x of a day is its local midnight, not UTC's.
    #[test]
    fn a_day_starts_at_local_midnight() {
        let east = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
        let c = daily_chart(&[day("2026-03-01", 1.0, 0.0, 0.0)], &east);
        assert_eq!(c.x[0], 1_772_323_200.0 - 7_200.0);
    }

    /// The expectations the UI's `topSeries` test had, and a nameless resource by its id.
    #[test]
    fn the_top_resources_are_ordered_by_cost_with_one_column_per_kind() {
        let c = top_chart(&[
            res(CostKind::Volume, "v", "vol", 1.0),
            res(CostKind::Instance, "i", "vm", 5.0),
            res(CostKind::Snapshot, "snap-7", "", 3.0),
        ]);
        assert_eq!(c.names, ["vm", "snap-7", "vol"]);
        assert_eq!(
            c.kinds,
            [CostKind::Instance, CostKind::Snapshot, CostKind::Volume]
        );
        assert_eq!(c.costs, [5.0, 3.0, 1.0]);
        assert_eq!(c.by_kind.instance, [Some(5.0), None, None]);
        assert_eq!(c.by_kind.snapshot, [None, Some(3.0), None]);
        assert_eq!(c.by_kind.volume, [None, None, Some(1.0)]);
    }

    /// A stacked bar's top is the sum of the overview's own figures: what the chart shows
    /// adds up to what the overview computed.
    #[test]
    fn the_tallest_bars_add_up_to_the_overviews_days() {
        let days: Vec<DayCost> = (1..=30)
            .map(|i| day(&format!("2026-03-{i:02}"), i as f64, 0.5, 0.25))
            .collect();
        let c = daily_chart(&days, &chrono::Utc);
        let charted: f64 = c.stacked.snapshot.iter().sum();
        let expected: f64 = days
            .iter()
            .map(|d| d.instances + d.volumes + d.snapshots)
            .sum();
        assert!((charted - expected).abs() < 1e-9, "{charted} vs {expected}");
    }
}
