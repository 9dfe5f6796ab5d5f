//! VMs: their rate, their billing record per state, moving them between states (keeping
//! billing, GPU stock and attachments in step) and the GPUs they hold.

use super::bills::close_open;
use super::{stock_key, ts, Account, Catalog};
use barrack_api::hibernation_rate_per_hour;
use barrack_api::types::*;
use chrono::{DateTime, Utc};

impl Account {
    /// Names are unique in the account per resource kind (rules.md §8); deleted VMs free theirs.
    pub fn vm_name_taken(&self, name: &str) -> bool {
        self.instances
            .values()
            .any(|v| v.status != VMStatus::Deleted && v.name.eq_ignore_ascii_case(name))
    }

    /// A running or stopped VM's rate: its GPUs at the tier's price (SHUTOFF bills it too).
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

    /// Ends the VM's open record: each state has its own record, so a change closes one
    /// and opens the next at the same minute.
    fn close_vm_bill(&mut self, vm_id: &str, at: DateTime<Utc>) {
        close_open(&mut self.instance_bills, vm_id, at);
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

    /// Takes `count` GPUs from the region's free stock for VM `id`; `false`, taking none,
    /// when there are not enough.
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
}
