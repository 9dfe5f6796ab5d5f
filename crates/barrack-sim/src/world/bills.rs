//! What instance, volume and snapshot billing records share: the same fields, each kind its
//! own type in barrack-api. Accrual and closing are written once against [`Bill`].

use super::{round6, ts};
use barrack_api::types::*;
use chrono::{DateTime, Utc};

pub(super) trait Bill {
    /// The VM, volume or snapshot billed.
    fn resource_id(&self) -> &str;
    fn is_open(&self) -> bool;
    fn rate(&self) -> f64;
    /// Brings the record to the whole minutes completed up to `until`, adding what that
    /// costs to `charged`.
    fn accrue_to(&mut self, until: DateTime<Utc>, charged: &mut f64);
    fn close(&mut self, at: DateTime<Utc>);
}

macro_rules! bill {
    ($record:ty, $id:ident) => {
        impl Bill for $record {
            fn resource_id(&self) -> &str {
                &self.$id
            }
            fn is_open(&self) -> bool {
                self.end_time.is_none()
            }
            fn rate(&self) -> f64 {
                self.per_minute_rate
            }
            fn accrue_to(&mut self, until: DateTime<Utc>, charged: &mut f64) {
                let Some(start) = self.start_time else { return };
                let whole = ((until - start.0).num_milliseconds().max(0) / 60_000) as f64;
                if whole > self.total_duration_minutes {
                    let delta = (whole - self.total_duration_minutes) * self.per_minute_rate;
                    self.total_duration_minutes = whole;
                    self.total_cost = round6(self.total_cost + delta);
                    *charged += delta;
                }
            }
            fn close(&mut self, at: DateTime<Utc>) {
                self.end_time = ts(at);
                self.status = BillingStatus::Completed;
            }
        }
    };
}
bill!(BillingRecord, instance_id);
bill!(VolumeBillingRecord, volume_id);
bill!(SnapshotBillingRecord, snapshot_id);

/// Charges each open record of `bills` up to `until`, adding to `charged`.
pub(super) fn accrue_open<R: Bill>(bills: &mut [R], until: DateTime<Utc>, charged: &mut f64) {
    for r in bills.iter_mut().filter(|r| r.is_open()) {
        r.accrue_to(until, charged);
    }
}

/// Sum of the per-minute rates of the open records of `bills`.
pub(super) fn open_rate<R: Bill>(bills: &[R]) -> f64 {
    bills
        .iter()
        .filter(|r| r.is_open())
        .map(|r| r.rate())
        .sum::<f64>()
}

/// Ends the open records of resource `id` at `at`.
pub(super) fn close_open<R: Bill>(bills: &mut [R], id: &str, at: DateTime<Utc>) {
    for r in bills
        .iter_mut()
        .filter(|r| r.resource_id() == id && r.is_open())
    {
        r.close(at);
    }
}
