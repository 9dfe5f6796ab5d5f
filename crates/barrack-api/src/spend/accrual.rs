//! A billing record reduced to what the maths needs: a kind, a resource, a time span and a
//! cost, spread evenly over the span. Every other figure is a sum of [`Accrual::cost_between`].

use crate::costs;
use crate::types::*;
use chrono::{DateTime, Duration, Utc};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::fixtures::t;
    use crate::spend::windows;

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
}
