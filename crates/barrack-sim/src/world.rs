//! The emulator's state: one [`Account`] per API key, each with its resources, billing
//! records, GPU stock and pending timed transitions.
//!
//! Time moves only in [`Account::tick`]: every request first brings its account up to the
//! clock's "now" — due transitions fire in order, billing accrues per whole minute at the
//! rate of each state (rules.md §2.1, §2.4), and when the balance reaches zero the running
//! VMs are hibernated (rules.md §10).

use crate::catalog;
use barrack_api::types::*;
use barrack_api::{decode::Timestamp, hibernation_rate_per_hour};
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

/// Things the emulator offers, built once.
pub struct Catalog {
    pub pricing: PricingData,
    pub os_images: Vec<OSImage>,
}

impl Catalog {
    pub fn new() -> Self {
        Catalog {
            pricing: catalog::pricing(),
            os_images: catalog::os_images(),
        }
    }

    /// The tier a model is offered in (the first listed when several).
    pub fn tier_of(&self, model: &GpuModelEnum) -> Option<TierEnum> {
        self.pricing.tiers_of(model).into_iter().next()
    }

    pub fn gpu_models(&self) -> Vec<GpuModelEnum> {
        let mut models: Vec<GpuModelEnum> = Vec::new();
        for tier in self.pricing.gpus.pricing.values() {
            for m in tier.keys() {
                let m = GpuModelEnum::parse(m);
                if !models.contains(&m) {
                    models.push(m);
                }
            }
        }
        models
    }
}

impl Default for Catalog {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    VmSettle {
        id: String,
        to: VMStatus,
    },
    SnapshotReady {
        id: String,
    },
    ImageReady {
        id: String,
    },
    VolumeReady {
        id: String,
    },
    FirewallReady {
        id: String,
    },
    AttachmentReady {
        firewall_id: String,
        instance_id: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub due: DateTime<Utc>,
    #[serde(flatten)]
    pub kind: EventKind,
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

    fn charge(&mut self, amount: f64) {
        let key = self.currency.as_str().to_owned();
        *self.balances.entry(key).or_insert(0.0) -= amount;
    }

    pub fn schedule(&mut self, due: DateTime<Utc>, kind: EventKind) {
        self.events.push(Event { due, kind });
    }

    /// Names are unique in the account per resource kind (rules.md §8); deleted VMs free theirs.
    pub fn vm_name_taken(&self, name: &str) -> bool {
        self.instances
            .values()
            .any(|v| v.status != VMStatus::Deleted && v.name.eq_ignore_ascii_case(name))
    }

    // ---- rates ------------------------------------------------------------------------

    pub fn vm_full_rate_per_minute(&self, vm: &VMInstance, catalog: &Catalog) -> f64 {
        let tier = vm
            .tier
            .clone()
            .or_else(|| catalog.tier_of(&vm.flavor.gpu_model))
            .unwrap_or(TierEnum::Legacy);
        catalog
            .pricing
            .gpu_price(&tier, &vm.flavor.gpu_model)
            .and_then(|p| p.in_currency(&self.currency))
            .map(|per_gpu_hour| per_gpu_hour * vm.flavor.gpu_count as f64 / 60.0)
            .unwrap_or(0.0)
    }

    pub fn hibernation_rate_per_minute(&self) -> f64 {
        hibernation_rate_per_hour(&self.currency) / 60.0
    }

    pub fn volume_rate_per_minute(&self, vol: &VolumeResponse, catalog: &Catalog) -> f64 {
        catalog
            .pricing
            .volume_price(&vol.volume_type)
            .and_then(|(_, p)| p.in_currency(&self.currency))
            .map(|per_tb_hour| per_tb_hour * vol.size_gb as f64 / 1000.0 / 60.0)
            .unwrap_or(0.0)
    }

    pub fn snapshot_rate_per_minute(&self, catalog: &Catalog) -> f64 {
        catalog
            .pricing
            .snapshot_price()
            .and_then(|p| p.in_currency(&self.currency))
            .map(|per_hour| per_hour / 60.0)
            .unwrap_or(0.0)
    }

    // ---- billing records --------------------------------------------------------------

    fn close_vm_bill(&mut self, vm_id: &str, at: DateTime<Utc>) {
        for rec in self.instance_bills.iter_mut().rev() {
            if rec.instance_id == vm_id && rec.end_time.is_none() {
                rec.end_time = ts(at);
                rec.status = BillingStatus::Completed;
            }
        }
    }

    /// Opens the billing record of a VM's current state (seeding uses this directly).
    pub fn reopen_vm_bill(&mut self, vm_id: &str, at: DateTime<Utc>, catalog: &Catalog) {
        self.close_vm_bill(vm_id, at);
        self.open_vm_bill(vm_id, at, catalog);
    }

    fn open_vm_bill(&mut self, vm_id: &str, at: DateTime<Utc>, catalog: &Catalog) {
        let Some(vm) = self.instances.get(vm_id).cloned() else {
            return;
        };
        let (rate, status, what) = match vm.status {
            VMStatus::Active | VMStatus::Shutoff => (
                self.vm_full_rate_per_minute(&vm, catalog),
                BillingStatus::Active,
                "Deployment billing",
            ),
            VMStatus::Hibernated => (
                self.hibernation_rate_per_minute(),
                BillingStatus::Hibernated,
                "Hibernation billing",
            ),
            _ => return,
        };
        let n = self.next_seq();
        self.instance_bills.push(BillingRecord {
            billing_id: format!("BRK-{n:06}DB"),
            instance_id: vm.id.clone(),
            vm_name: vm.name.clone(),
            gpu_type: vm.flavor.gpu_model.clone(),
            gpu_count: vm.flavor.gpu_count,
            tier: vm.tier.clone(),
            start_time: ts(at),
            end_time: None,
            total_duration_minutes: 0.0,
            per_minute_rate: rate,
            total_cost: 0.0,
            currency: self.currency.clone(),
            status,
            description: Some(format!(
                "{what} for {} x{} ({})",
                vm.flavor.gpu_model, vm.flavor.gpu_count, vm.name
            )),
        });
    }

    pub fn open_volume_bill(&mut self, vol_id: &str, at: DateTime<Utc>, catalog: &Catalog) {
        let Some(vol) = self.volumes.get(vol_id).cloned() else {
            return;
        };
        let rate = self.volume_rate_per_minute(&vol, catalog);
        let tier = catalog
            .pricing
            .volume_price(&vol.volume_type)
            .map(|(t, _)| t);
        self.volume_bills.push(VolumeBillingRecord {
            billing_id: format!("VBILL_{:010x}", fastrand::u64(..) & 0xff_ffff_ffff),
            volume_id: vol.id.clone(),
            volume_name: vol.name.clone(),
            size_gb: vol.size_gb,
            tier,
            start_time: ts(at),
            end_time: None,
            total_duration_minutes: 0.0,
            per_minute_rate: rate,
            total_cost: 0.0,
            currency: self.currency.clone(),
            status: BillingStatus::Available,
            description: Some(format!(
                "Volume billing at {}GB ({})",
                vol.size_gb, vol.name
            )),
        });
    }

    pub fn close_volume_bill(&mut self, vol_id: &str, at: DateTime<Utc>) {
        for rec in self.volume_bills.iter_mut() {
            if rec.volume_id == vol_id && rec.end_time.is_none() {
                rec.end_time = ts(at);
                rec.status = BillingStatus::Completed;
            }
        }
    }

    pub fn open_snapshot_bill(&mut self, snap_id: &str, at: DateTime<Utc>, catalog: &Catalog) {
        let Some(s) = self.snapshots.get(snap_id).cloned() else {
            return;
        };
        let rate = self.snapshot_rate_per_minute(catalog);
        let size = catalog
            .pricing
            .snapshot_price()
            .and_then(|p| p.fixed_size_gb)
            .unwrap_or(100);
        let n = self.next_seq();
        self.snapshot_bills.push(SnapshotBillingRecord {
            billing_id: format!("BRK-{n:06}SB"),
            snapshot_id: s.id.clone(),
            snapshot_name: s.name.clone(),
            size_gb: size,
            tier: Some(TierEnum::Legacy),
            start_time: ts(at),
            end_time: None,
            total_duration_minutes: 0.0,
            per_minute_rate: rate,
            total_cost: 0.0,
            currency: self.currency.clone(),
            status: BillingStatus::Active,
            description: Some(format!("Snapshot billing at {size}GB fixed ({})", s.name)),
        });
    }

    pub fn close_snapshot_bill(&mut self, snap_id: &str, at: DateTime<Utc>) {
        for rec in self.snapshot_bills.iter_mut() {
            if rec.snapshot_id == snap_id && rec.end_time.is_none() {
                rec.end_time = ts(at);
                rec.status = BillingStatus::Completed;
            }
        }
    }

    /// Charges every open record for the whole minutes completed up to `until`.
    fn accrue_to(&mut self, until: DateTime<Utc>) {
        let mut charged = 0.0;
        let mut step = |start: Option<Timestamp>, minutes: &mut f64, rate: f64, cost: &mut f64| {
            let Some(start) = start else { return };
            let whole = ((until - start.0).num_milliseconds().max(0) / 60_000) as f64;
            if whole > *minutes {
                let delta = (whole - *minutes) * rate;
                *minutes = whole;
                *cost = round6(*cost + delta);
                charged += delta;
            }
        };
        for r in self
            .instance_bills
            .iter_mut()
            .filter(|r| r.end_time.is_none())
        {
            step(
                r.start_time,
                &mut r.total_duration_minutes,
                r.per_minute_rate,
                &mut r.total_cost,
            );
        }
        for r in self
            .volume_bills
            .iter_mut()
            .filter(|r| r.end_time.is_none())
        {
            step(
                r.start_time,
                &mut r.total_duration_minutes,
                r.per_minute_rate,
                &mut r.total_cost,
            );
        }
        for r in self
            .snapshot_bills
            .iter_mut()
            .filter(|r| r.end_time.is_none())
        {
            step(
                r.start_time,
                &mut r.total_duration_minutes,
                r.per_minute_rate,
                &mut r.total_cost,
            );
        }
        self.charge(charged);
        self.accrued_until = Some(until);
    }

    /// Sum of the per-minute rates of every open record: the burn rate now.
    pub fn burn_per_minute(&self) -> f64 {
        self.instance_bills
            .iter()
            .filter(|r| r.end_time.is_none())
            .map(|r| r.per_minute_rate)
            .sum::<f64>()
            + self
                .volume_bills
                .iter()
                .filter(|r| r.end_time.is_none())
                .map(|r| r.per_minute_rate)
                .sum::<f64>()
            + self
                .snapshot_bills
                .iter()
                .filter(|r| r.end_time.is_none())
                .map(|r| r.per_minute_rate)
                .sum::<f64>()
    }

    /// Accrues to `until`, hibernating running VMs at the minute the balance runs out.
    fn accrue(&mut self, until: DateTime<Utc>, catalog: &Catalog) {
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

    // ---- state changes ----------------------------------------------------------------

    /// Moves a VM to a new state and keeps billing, stock and attachments in step.
    pub fn set_vm_status(
        &mut self,
        id: &str,
        status: VMStatus,
        at: DateTime<Utc>,
        catalog: &Catalog,
    ) {
        let Some(vm) = self.instances.get_mut(id) else {
            return;
        };
        if vm.status == status {
            return;
        }
        vm.status = status.clone();
        vm.updated_at = ts(at);
        vm.status_changed_at = ts(at);
        let (region, model, count) = (
            vm.region.clone(),
            vm.flavor.gpu_model.clone(),
            vm.flavor.gpu_count,
        );
        match status {
            VMStatus::Active if vm.server_uuid.is_none() => {
                vm.server_uuid = Some(format!(
                    "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
                    fastrand::u32(..),
                    fastrand::u16(..),
                    fastrand::u16(..4096),
                    fastrand::u16(..4096),
                    fastrand::u64(..) & 0xffff_ffff_ffff
                ));
            }
            // Deleted (or failed): release IPs and attachments.
            VMStatus::Deleted | VMStatus::Error => {
                vm.public_ip = None;
                vm.volumes.clear();
                vm.firewall_ids.clear();
            }
            _ => {}
        }
        self.close_vm_bill(id, at);
        self.open_vm_bill(id, at, catalog);
        // Hardware is released when hibernated or deleted (rules.md §2.1).
        if matches!(
            status,
            VMStatus::Hibernated | VMStatus::Deleted | VMStatus::Error
        ) {
            self.release_gpus(id, &region, &model, count);
        }
        if status == VMStatus::Deleted || status == VMStatus::Error {
            for vol in self.volumes.values_mut() {
                if vol.instance_id.as_deref() == Some(id) {
                    vol.instance_id = None;
                    vol.instance_name = None;
                    vol.instance_status = None;
                    vol.status = VolumeStatus::Available;
                }
            }
            for fw in self.firewalls.values_mut() {
                fw.attachments.retain(|a| a.instance_id != id);
            }
        }
        self.refresh_attachment_views(id);
        if status != VMStatus::Creating {
            if let Some(meta) = self.vm_meta.get_mut(id) {
                meta.restoring_from = None;
            }
        }
    }

    /// Keeps the VM status copies in volumes and firewall attachments current.
    fn refresh_attachment_views(&mut self, id: &str) {
        let Some(status) = self.instances.get(id).map(|v| v.status.clone()) else {
            return;
        };
        for vol in self.volumes.values_mut() {
            if vol.instance_id.as_deref() == Some(id) {
                vol.instance_status = Some(status.clone());
            }
        }
        for fw in self.firewalls.values_mut() {
            for a in fw.attachments.iter_mut().filter(|a| a.instance_id == id) {
                a.instance_status = status.clone();
            }
        }
    }

    pub fn take_gpus(
        &mut self,
        id: &str,
        region: &RegionEnum,
        model: &GpuModelEnum,
        count: u32,
    ) -> bool {
        let key = stock_key(region, model);
        let free = self.stock.get(&key).copied().unwrap_or(0);
        if free < count {
            return false;
        }
        self.stock.insert(key, free - count);
        self.vm_meta.entry(id.to_owned()).or_default().holds_gpus = true;
        true
    }

    fn release_gpus(&mut self, id: &str, region: &RegionEnum, model: &GpuModelEnum, count: u32) {
        let meta = self.vm_meta.entry(id.to_owned()).or_default();
        if meta.holds_gpus {
            meta.holds_gpus = false;
            *self.stock.entry(stock_key(region, model)).or_insert(0) += count;
        }
    }

    // ---- time -------------------------------------------------------------------------

    /// Brings the account up to `now`: fires due events in order, accrues billing.
    pub fn tick(&mut self, now: DateTime<Utc>, catalog: &Catalog) {
        if self.accrued_until.is_none() {
            self.accrued_until = Some(now);
        }
        loop {
            let next = self
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| e.due <= now)
                .min_by_key(|(_, e)| e.due)
                .map(|(i, _)| i);
            match next {
                Some(i) => {
                    let event = self.events.swap_remove(i);
                    if Some(event.due) > self.accrued_until {
                        self.accrue(event.due, catalog);
                    }
                    self.fire(event, catalog);
                }
                None => {
                    if Some(now) > self.accrued_until {
                        self.accrue(now, catalog);
                    }
                    // Running out of credits on the way schedules hibernations that may
                    // already be due; otherwise we are done.
                    if !self.events.iter().any(|e| e.due <= now) {
                        break;
                    }
                }
            }
        }
    }

    fn fire(&mut self, event: Event, catalog: &Catalog) {
        let at = event.due;
        match event.kind {
            EventKind::VmSettle { id, to } => {
                // A newer action may have superseded this one (e.g. deleted while starting).
                let current = self.instances.get(&id).map(|v| v.status.clone());
                let expected_from = match to {
                    VMStatus::Active => vec![
                        VMStatus::Creating,
                        VMStatus::Starting,
                        VMStatus::Rebooting,
                        VMStatus::Restoring,
                    ],
                    VMStatus::Shutoff => vec![VMStatus::Stopping],
                    VMStatus::Hibernated => vec![VMStatus::Hibernating],
                    VMStatus::Deleted => vec![VMStatus::Deleting],
                    _ => vec![],
                };
                if current.is_some_and(|c| expected_from.contains(&c)) {
                    self.set_vm_status(&id, to.clone(), at, catalog);
                    if to == VMStatus::Active {
                        for fw in self.firewalls.values_mut() {
                            for a in fw.attachments.iter_mut().filter(|a| a.instance_id == id) {
                                if a.status == AttachmentStatus::Attaching {
                                    a.status = AttachmentStatus::Success;
                                }
                            }
                        }
                    }
                }
            }
            EventKind::SnapshotReady { id } => {
                if let Some(s) = self.snapshots.get_mut(&id) {
                    if s.status == SnapshotStatus::Creating {
                        s.status = SnapshotStatus::Success;
                        self.open_snapshot_bill(&id, at, catalog);
                    }
                }
            }
            EventKind::ImageReady { id } => {
                if let Some(img) = self.images.get_mut(&id) {
                    if img.status == ImageStatus::Creating {
                        img.status = ImageStatus::Available;
                    }
                }
            }
            EventKind::VolumeReady { id } => {
                if let Some(v) = self.volumes.get_mut(&id) {
                    if v.status == VolumeStatus::Creating {
                        v.status = if v.instance_id.is_some() {
                            VolumeStatus::Attached
                        } else {
                            VolumeStatus::Available
                        };
                        self.open_volume_bill(&id, at, catalog);
                    }
                }
            }
            EventKind::FirewallReady { id } => {
                if let Some(f) = self.firewalls.get_mut(&id) {
                    if f.status == FirewallStatus::Creating {
                        f.status = FirewallStatus::Success;
                    }
                }
            }
            EventKind::AttachmentReady {
                firewall_id,
                instance_id,
            } => {
                let vm_active = self
                    .instances
                    .get(&instance_id)
                    .is_some_and(|v| v.status == VMStatus::Active);
                if let Some(f) = self.firewalls.get_mut(&firewall_id) {
                    for a in f
                        .attachments
                        .iter_mut()
                        .filter(|a| a.instance_id == instance_id)
                    {
                        if a.status == AttachmentStatus::Attaching && vm_active {
                            a.status = AttachmentStatus::Success;
                        }
                    }
                }
            }
        }
    }
}

pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
