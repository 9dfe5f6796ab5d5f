//! Charging for time: every open billing record accrues per whole minute at its rate, the
//! balance goes down by the same amount, and when it reaches zero the running VMs are
//! hibernated (rules.md §2.1, §2.4, §10).

use super::bills::{accrue_open, open_rate};
use super::{after, durations, Account, Catalog, EventKind};
use barrack_api::types::*;
use chrono::{DateTime, Utc};

impl Account {
    fn charge(&mut self, amount: f64) {
        let key = self.currency.as_str().to_owned();
        *self.balances.entry(key).or_insert(0.0) -= amount;
    }

    /// Charges every open record for the whole minutes completed up to `until`.
    fn accrue_to(&mut self, until: DateTime<Utc>) {
        let mut charged = 0.0;
        accrue_open(&mut self.instance_bills, until, &mut charged);
        accrue_open(&mut self.volume_bills, until, &mut charged);
        accrue_open(&mut self.snapshot_bills, until, &mut charged);
        self.charge(charged);
        self.accrued_until = Some(until);
    }

    /// Sum of the per-minute rates of every open record: the burn rate now.
    pub fn burn_per_minute(&self) -> f64 {
        open_rate(&self.instance_bills)
            + open_rate(&self.volume_bills)
            + open_rate(&self.snapshot_bills)
    }

    /// Accrues to `until`, hibernating running VMs at the minute the balance runs out.
    pub(super) fn accrue(&mut self, until: DateTime<Utc>, catalog: &Catalog) {
        for _ in 0..8 {
            let from = self.accrued_until.unwrap_or(until);
            let burn = self.burn_per_minute();
            let balance = self.balance();
            if balance <= 0.0 || burn <= 0.0 || from >= until {
                break;
            }
            let zero_at = after(from, (balance / burn).ceil().max(1.0));
            if zero_at >= until {
                break;
            }
            self.accrue_to(zero_at);
            if self.balance() <= 0.0 {
                self.deplete(zero_at, catalog);
            }
        }
        self.accrue_to(until);
        if self.balance() <= 0.0 {
            self.deplete(until, catalog);
        }
    }

    /// Credits ran out: hibernate every running or stopped VM (rules.md §10; SHUTOFF
    /// included because it bills the full rate — the docs leave this open).
    fn deplete(&mut self, at: DateTime<Utc>, catalog: &Catalog) {
        let running: Vec<String> = self
            .instances
            .values()
            .filter(|v| matches!(v.status, VMStatus::Active | VMStatus::Shutoff))
            .map(|v| v.id.clone())
            .collect();
        for id in running {
            self.set_vm_status(&id, VMStatus::Hibernating, at, catalog);
            self.schedule(
                after(at, durations::HIBERNATE),
                EventKind::VmSettle {
                    id,
                    to: VMStatus::Hibernated,
                },
            );
        }
    }
}
