//! Volumes and snapshots: their rates and their billing records, opened when they become
//! ready and closed when they go away.

use super::bills::close_open;
use super::{ts, Account, Catalog};
use barrack_api::types::*;
use chrono::{DateTime, Utc};

impl Account {
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
        close_open(&mut self.volume_bills, vol_id, at);
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
        close_open(&mut self.snapshot_bills, snap_id, at);
    }
}

/// What a snapshot of `vm` records of the VM, for restoring it.
pub fn snapshot_vm_config(vm: &VMInstance) -> SnapshotVmConfig {
    SnapshotVmConfig {
        region: vm.region.clone(),
        vcpus: Some(vm.flavor.cpu_cores),
        ram_gb: Some(vm.flavor.ram_gb),
        gpu_model: Some(vm.flavor.gpu_model.clone()),
        gpu_count: Some(vm.flavor.gpu_count),
        disk_gb: Some(vm.flavor.storage_gb as u64),
    }
}
