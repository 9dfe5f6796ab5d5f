//! What bills while doing no work, from the resources as they are now and the pricing table
//! (not from billing records): stopped and hibernated VMs, detached volumes, snapshots, and
//! what hibernating saves compared with stopping.

use super::accrual::CostKind;
use crate::costs;
use crate::hibernation_rate_per_hour;
use crate::types::*;
use serde::{Deserialize, Serialize};

/// Something that bills while it does no work (rules.md §2.1, §10), with its cost per day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StillBilling {
    pub kind: CostKind,
    pub id: String,
    pub name: String,
    pub region: RegionEnum,
    /// The VM's status, or the volume's / snapshot's.
    pub status: String,
    pub per_hour: f64,
    pub per_day: f64,
    /// Why it bills, in words.
    pub why: String,
}

/// SHUTOFF VMs (the full rate), hibernated VMs (the hibernation rate), volumes attached to
/// nothing, and snapshots — each with what it costs a day, most expensive first.
pub fn still_billing(
    vms: &[VMInstance],
    volumes: &[VolumeResponse],
    snapshots: &[Snapshot],
    pricing: &PricingData,
    currency: &CurrencyEnum,
) -> Vec<StillBilling> {
    let mut out = Vec::new();
    for vm in vms {
        let why = match vm.status {
            VMStatus::Shutoff => "Stopped, but a stopped VM bills the full rate.",
            VMStatus::Hibernated => {
                "Hibernated: only the root disk bills, at the hibernation rate."
            }
            _ => continue,
        };
        let per_hour = costs::vm_rate_now(vm, pricing, currency);
        out.push(StillBilling {
            kind: CostKind::Instance,
            id: vm.id.clone(),
            name: vm.name.clone(),
            region: vm.region.clone(),
            status: vm.status.as_str().to_owned(),
            per_hour,
            per_day: costs::finite(per_hour * 24.0),
            why: why.to_owned(),
        });
    }
    for v in volumes
        .iter()
        .filter(|v| v.status == VolumeStatus::Available && v.instance_id.is_none())
    {
        let per_hour = costs::volume_rate(v, pricing, currency);
        out.push(StillBilling {
            kind: CostKind::Volume,
            id: v.id.clone(),
            name: v.name.clone(),
            region: v.region.clone(),
            status: v.status.as_str().to_owned(),
            per_hour,
            per_day: costs::finite(per_hour * 24.0),
            why: "Attached to no VM; storage bills by provisioned size.".to_owned(),
        });
    }
    for s in snapshots
        .iter()
        .filter(|s| s.status == SnapshotStatus::Success)
    {
        let per_hour = costs::snapshot_rate(s, pricing, currency);
        out.push(StillBilling {
            kind: CostKind::Snapshot,
            id: s.id.clone(),
            name: s.name.clone(),
            region: s.region.clone(),
            status: s.status.as_str().to_owned(),
            per_hour,
            per_day: costs::finite(per_hour * 24.0),
            why: "Snapshot storage bills every hour it is kept.".to_owned(),
        });
    }
    out.sort_by(|a, b| {
        b.per_day
            .total_cmp(&a.per_day)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// What hibernation saves per day compared with keeping the same VMs stopped (SHUTOFF bills
/// the full rate; HIBERNATED the hibernation rate).
pub fn hibernation_savings_per_day(
    vms: &[VMInstance],
    pricing: &PricingData,
    currency: &CurrencyEnum,
) -> f64 {
    vms.iter()
        .filter(|v| v.status == VMStatus::Hibernated)
        .filter_map(|v| costs::vm_full_rate(v, pricing, currency))
        .map(|full| (full - hibernation_rate_per_hour(currency)).max(0.0) * 24.0)
        .fold(0.0, |a, b| costs::finite(a + b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::fixtures::{pricing, vm};

    #[test]
    fn still_billing_lists_stopped_hibernated_and_idle_storage() {
        let p = pricing();
        let usd = CurrencyEnum::Usd;
        let vms = [
            vm(VMStatus::Active, 4),
            vm(VMStatus::Shutoff, 4),
            vm(VMStatus::Hibernated, 4),
            vm(VMStatus::Starting, 4),
        ];
        let list = still_billing(&vms, &[], &[], &p, &usd);
        let names: Vec<_> = list.iter().map(|s| s.status.as_str()).collect();
        assert_eq!(names, ["SHUTOFF", "HIBERNATED"]);
        // 4 × H100-SXM5-80GB at 2.49: 9.96 an hour, 239.04 a day, while doing nothing.
        assert!((list[0].per_day - 239.04).abs() < 1e-9);
        assert!((list[1].per_day - 0.24).abs() < 1e-9);
    }

    #[test]
    fn hibernation_saves_the_full_rate_less_the_hibernation_rate() {
        let p = pricing();
        let vms = [vm(VMStatus::Hibernated, 4), vm(VMStatus::Shutoff, 4)];
        let saved = hibernation_savings_per_day(&vms, &p, &CurrencyEnum::Usd);
        assert!((saved - (9.96 - 0.01) * 24.0).abs() < 1e-9, "{saved}");
    }
}
