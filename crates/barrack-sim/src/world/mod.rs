//! The emulator's state: one [`Account`] per API key, each with its resources, billing
//! records, GPU stock and pending timed transitions.
//!
//! Time moves only in [`Account::tick`]: every request first brings its account up to the
//! clock's "now" — due transitions fire in order, billing accrues per whole minute at the
//! rate of each state (rules.md §2.1, §2.4), and when the balance reaches zero the running
//! VMs are hibernated (rules.md §10).
//!
//! The state is one struct, [`Account`]; its behaviour is split by job into several
//! `impl Account` blocks, one file each:
//! - `instances.rs`: VMs — state changes, their billing records, GPU stock, attachment views.
//! - `storage.rs`: volumes and snapshots — their rates and billing records.
//! - `accrual.rs`: charging open records by the minute, the burn rate, running out of credit.
//! - `events.rs`: the pending timed transitions and [`Account::tick`], which fires them.
//! - `offer.rs`: the [`Catalog`] of prices, images and GPU models the emulator offers.
//!
//! This file holds the struct, its identity and balance, and the helpers all of them share.

mod accrual;
mod bills;
mod events;
mod instances;
mod offer;
mod storage;

pub use events::{Event, EventKind};
pub use offer::Catalog;
pub use storage::snapshot_vm_config;

use crate::catalog;
use barrack_api::decode::Timestamp;
use barrack_api::types::*;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long each transition takes, in simulated minutes (inferred: the docs give none).
pub mod durations {
    pub const CREATE: f64 = 2.0;
    pub const START: f64 = 1.0;
    pub const STOP: f64 = 1.0;
    pub const REBOOT: f64 = 1.0;
    pub const HIBERNATE: f64 = 2.0;
    pub const RESTORE: f64 = 2.0;
    pub const DELETE: f64 = 1.0;
    pub const SNAPSHOT: f64 = 3.0;
    pub const IMAGE: f64 = 3.0;
    pub const VOLUME: f64 = 1.0;
    pub const FIREWALL: f64 = 0.5;
    pub const ATTACH: f64 = 0.5;
}

/// What the emulator keeps about a VM beyond its API shape.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VmMeta {
    /// The snapshot it is being restored from, while CREATING.
    pub restoring_from: Option<String>,
    /// Whether its GPUs are currently taken from stock.
    pub holds_gpus: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub currency: CurrencyEnum,
    pub balances: BTreeMap<String, f64>,
    pub profile_complete: bool,
    pub instances: BTreeMap<String, VMInstance>,
    pub vm_meta: BTreeMap<String, VmMeta>,
    pub volumes: BTreeMap<String, VolumeResponse>,
    pub snapshots: BTreeMap<String, Snapshot>,
    pub images: BTreeMap<String, Image>,
    pub firewalls: BTreeMap<String, FirewallResponse>,
    pub ssh_keys: BTreeMap<String, SSHKeyResponse>,
    pub scripts: BTreeMap<String, Script>,
    pub instance_bills: Vec<BillingRecord>,
    pub volume_bills: Vec<VolumeBillingRecord>,
    pub snapshot_bills: Vec<SnapshotBillingRecord>,
    pub ai_transactions: Vec<AITransaction>,
    /// Free GPUs by "REGION|MODEL".
    pub stock: BTreeMap<String, u32>,
    pub events: Vec<Event>,
    pub accrued_until: Option<DateTime<Utc>>,
    pub seq: u64,
}

pub fn stock_key(region: &RegionEnum, model: &GpuModelEnum) -> String {
    format!("{}|{}", region.as_str(), model.as_str())
}

pub fn ts(t: DateTime<Utc>) -> Option<Timestamp> {
    Some(Timestamp(t))
}

pub fn after(t: DateTime<Utc>, minutes: f64) -> DateTime<Utc> {
    t + Duration::milliseconds((minutes * 60_000.0) as i64)
}

impl Account {
    pub fn new(
        seq_start: u64,
        currency: CurrencyEnum,
        catalog: &Catalog,
        now: DateTime<Utc>,
    ) -> Self {
        let mut a = Account {
            id: format!("BRK-{seq_start:06}A"),
            currency: currency.clone(),
            profile_complete: true,
            seq: seq_start,
            accrued_until: Some(now),
            ..Default::default()
        };
        a.balances.insert(currency.as_str().to_owned(), 0.0);
        for (region, _, _) in catalog::REGIONS {
            for model in catalog.gpu_models() {
                let r = RegionEnum::parse(region);
                a.stock.insert(
                    stock_key(&r, &model),
                    catalog::default_stock(model.as_str()),
                );
            }
        }
        a
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// A new id of the documented shape `BRK-123456<suffix>`.
    pub fn new_id(&mut self, suffix: &str) -> String {
        let n = self.next_seq();
        format!("BRK-{n:06}{suffix}")
    }

    pub fn balance(&self) -> f64 {
        self.balances
            .get(self.currency.as_str())
            .copied()
            .unwrap_or(0.0)
    }

    pub fn schedule(&mut self, due: DateTime<Utc>, kind: EventKind) {
        self.events.push(Event { due, kind });
    }
}

pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
