//! Where the money went and what keeps costing it, from the API's billing records and the
//! pricing table only: each figure can be traced to a record or a documented rate.
//!
//! A record's cost is spread evenly over the minutes it covers (`start_time` plus
//! `total_duration_minutes`, or `end_time`), so a day, week or month gets exactly the
//! minutes that fell in it, split at midnight in the user's time zone.
//!
//! One job per module:
//! - [`accrual`]: billing records reduced to cost spread over a time span ([`Accrual`]).
//! - [`periods`]: that cost summed over local days, weeks and months (windows, daily series).
//! - [`by_resource`]: that cost summed per resource (the top spenders).
//! - [`idle`]: what keeps billing while doing no work, from the current resources and prices.
//! - [`overview`]: fetches everything in parallel and composes the Billing page's figures.
//! - [`csv`]: the billing records as CSV with the documented field names.
//!
//! The maths modules take plain slices and a time zone and never touch the network, so they
//! are tested without a client; only [`overview`] fetches.

pub mod accrual;
pub mod by_resource;
pub mod csv;
pub mod idle;
pub mod overview;
pub mod periods;

#[cfg(test)]
mod fixtures;

// Callers (the desktop's billing commands, `barrack spend`, the tests) use the flat
// `spend::*` paths this module had when it was one file.
pub use accrual::{accruals, Accrual, CostKind};
pub use by_resource::{top_resources, ResourceCost};
pub use csv::{instance_records_csv, snapshot_records_csv, volume_records_csv};
pub use idle::{hibernation_savings_per_day, still_billing, StillBilling};
pub use overview::{overview, SpendOverview};
pub use periods::{daily, windows, CostWindows, DayCost};
