//! Billing records of instances, volumes and snapshots, shaped like the documented examples.
//! `averageUsage` is total minutes ÷ records, which reproduces the instance example
//! (19110 ÷ 17 = 1124.12).

use super::{paginate, reply, Ctx, Req};
use crate::error::{SimError, SimResult};
use crate::world::{round6, Account};
use barrack_api::decode::Timestamp;
use barrack_api::types::*;
use chrono::{DateTime, Utc};
use serde_json::Value;

struct Window {
    resource_id: Option<String>,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
}

fn window(req: &Req) -> SimResult<Window> {
    let date = |name: &str| -> SimResult<Option<DateTime<Utc>>> {
        match req.query_str(name) {
            None => Ok(None),
            Some(s) => Timestamp::parse(s).map(|t| Some(t.0)).ok_or_else(|| {
                SimError::validation(
                    name,
                    format!("{s:?} is not a date (YYYY-MM-DD or ISO 8601)"),
                )
            }),
        }
    };
    Ok(Window {
        resource_id: req.query_str("resource_id").map(str::to_owned),
        start: date("start_date")?,
        end: date("end_date")?,
    })
}

impl Window {
    /// A record is in the window when its running time overlaps it.
    fn keeps(&self, id: &str, start: Option<Timestamp>, end: Option<Timestamp>) -> bool {
        if self.resource_id.as_deref().is_some_and(|r| r != id) {
            return false;
        }
        if let (Some(ws), Some(end)) = (self.start, end) {
            if end.0 < ws {
                return false;
            }
        }
        if let (Some(we), Some(start)) = (self.end, start) {
            if start.0 > we {
                return false;
            }
        }
        true
    }
}

fn avg(total: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        (total / n as f64 * 100.0).round() / 100.0
    }
}

pub fn instances(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let w = window(req)?;
    let (page, limit) = req.page()?;
    let mut all: Vec<BillingRecord> = acct
        .instance_bills
        .iter()
        .filter(|r| w.keeps(&r.instance_id, r.start_time, r.end_time))
        .cloned()
        .collect();
    all.reverse();
    let total_minutes: f64 = all.iter().map(|r| r.total_duration_minutes).sum();
    let summary = BillingSummary {
        total_minutes,
        active_count: all
            .iter()
            .filter(|r| r.end_time.is_none() && r.status == BillingStatus::Active)
            .count() as u64,
        completed_count: all.iter().filter(|r| r.end_time.is_some()).count() as u64,
        hibernated_count: all
            .iter()
            .filter(|r| r.end_time.is_none() && r.status == BillingStatus::Hibernated)
            .count() as u64,
        average_usage: avg(total_minutes, all.len()),
        total_cost: round6(all.iter().map(|r| r.total_cost).sum()),
    };
    let (records, total, page, limit, total_pages) = paginate(&all, page, limit);
    reply(
        InstanceBillingResponse {
            records,
            summary,
            total,
            page,
            limit,
            total_pages,
            currency: Some(acct.currency.clone()),
            ..Default::default()
        },
        "Instance billing retrieved successfully",
        ctx,
    )
}

/// What the storage summaries need of a record (volumes and snapshots alike).
trait StorageRecord: Clone {
    /// The answer that carries a page of these records.
    type Answer: serde::Serialize;
    /// That answer for one page: its records, their summary, (total, page, limit, pages)
    /// and the account's currency.
    fn answer(
        records: Vec<Self>,
        summary: StorageBillingSummary,
        paging: (u64, u32, u32, u32),
        currency: CurrencyEnum,
    ) -> Self::Answer;
    fn resource_id(&self) -> &str;
    fn span(&self) -> (Option<Timestamp>, Option<Timestamp>);
    fn minutes(&self) -> f64;
    fn size_gb(&self) -> u64;
    fn cost(&self) -> f64;
}

macro_rules! storage_record {
    ($t:ty, $id:ident, $answer:ident { $($field:ident: $value:expr),* }) => {
        impl StorageRecord for $t {
            type Answer = $answer;
            fn answer(
                records: Vec<Self>,
                summary: StorageBillingSummary,
                (total, page, limit, total_pages): (u64, u32, u32, u32),
                currency: CurrencyEnum,
            ) -> $answer {
                $answer {
                    records,
                    summary,
                    total,
                    page,
                    limit,
                    total_pages,
                    currency: Some(currency),
                    $($field: $value,)*
                    ..Default::default()
                }
            }
            fn resource_id(&self) -> &str {
                &self.$id
            }
            fn span(&self) -> (Option<Timestamp>, Option<Timestamp>) {
                (self.start_time, self.end_time)
            }
            fn minutes(&self) -> f64 {
                self.total_duration_minutes
            }
            fn size_gb(&self) -> u64 {
                self.size_gb
            }
            fn cost(&self) -> f64 {
                self.total_cost
            }
        }
    };
}
storage_record!(
    VolumeBillingRecord,
    volume_id,
    VolumeHourlyBillingResponse {}
);
storage_record!(
    SnapshotBillingRecord,
    snapshot_id,
    SnapshotBillingResponse {
        tier: Some(TierEnum::Legacy)
    }
);

/// The records in the window, newest first, and their summary (open records count as active).
fn storage_page<R: StorageRecord>(records: &[R], w: &Window) -> (Vec<R>, StorageBillingSummary) {
    let mut all: Vec<R> = records
        .iter()
        .filter(|r| {
            let (start, end) = r.span();
            w.keeps(r.resource_id(), start, end)
        })
        .cloned()
        .collect();
    all.reverse();
    let open = |r: &&R| r.span().1.is_none();
    let total_minutes: f64 = all.iter().map(StorageRecord::minutes).sum();
    let summary = StorageBillingSummary {
        total_minutes,
        active_count: all.iter().filter(open).count() as u64,
        average_usage: avg(total_minutes, all.len()),
        total_size_gb: all.iter().filter(open).map(|r| r.size_gb() as f64).sum(),
        total_cost: round6(all.iter().map(StorageRecord::cost).sum()),
    };
    (all, summary)
}

/// The page of a storage kind's billing that `req` asks for.
fn storage<R: StorageRecord>(
    bills: &[R],
    acct: &Account,
    req: &Req,
    ctx: &Ctx,
    message: &str,
) -> SimResult<Value> {
    let w = window(req)?;
    let (page, limit) = req.page()?;
    let (all, summary) = storage_page(bills, &w);
    let (records, total, page, limit, total_pages) = paginate(&all, page, limit);
    let paging = (total, page, limit, total_pages);
    reply(
        R::answer(records, summary, paging, acct.currency.clone()),
        message,
        ctx,
    )
}

pub fn volumes(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let message = "Volume billing retrieved successfully";
    storage(&acct.volume_bills, acct, req, ctx, message)
}

pub fn snapshots(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let message = "Snapshot billing retrieved successfully";
    storage(&acct.snapshot_bills, acct, req, ctx, message)
}
