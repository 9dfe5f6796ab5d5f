//! What things cost, from the pricing endpoint's table (rules.md §16: no price is written
//! in code except the hibernation rate, which the endpoint does not carry). One place for
//! the rate of a VM in a state, the burn rate of an account, its runway, and the cost
//! consequence an action has — the desktop app and the CLI both use these.
//!
//! Two rules under the unknown: a VM in a state this app does not know is billed at its
//! full rate (better to over-state a burn than to hide one), and every figure is finite
//! whatever the server's numbers (1e308 × 4 GPUs is `f64::MAX`, not `inf`; NaN is 0).

use crate::hibernation_rate_per_hour;
use crate::state::VmAction;
use crate::types::*;
use serde::{Deserialize, Serialize};

/// Full price of a VM per hour (GPU price × count), in `currency`; `None` when the pricing
/// table does not list the model in its tier.
pub fn vm_full_rate(
    vm: &VMInstance,
    pricing: &PricingData,
    currency: &CurrencyEnum,
) -> Option<f64> {
    let model = &vm.flavor.gpu_model;
    let tier = vm
        .tier
        .clone()
        .or_else(|| pricing.tiers_of(model).into_iter().next())?;
    let per_gpu = pricing.gpu_price(&tier, model)?.in_currency(currency)?;
    Some(gpu_cost_per_hour(per_gpu, vm.flavor.gpu_count))
}

/// GPU price × count (a VM has at least one GPU): the one formula behind a VM's rate, the
/// wizard's quote and the pricing calculator.
pub fn gpu_cost_per_hour(per_gpu_hour: f64, count: u32) -> f64 {
    finite(per_gpu_hour * count.max(1) as f64)
}

/// A money figure made safe to show and to add up: NaN becomes 0 and an overflow the
/// largest finite value of its sign (JSON cannot carry `inf`; serde_json writes `null`).
pub fn finite(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(f64::MIN, f64::MAX)
    }
}

/// Whether this app does not know the state (the server sent one it has never heard of):
/// such a VM is counted at its full rate, and the UI says so.
pub fn is_unknown_state(status: &VMStatus) -> bool {
    matches!(status, VMStatus::Other(_))
}

/// What a VM costs per hour in a given state (rules.md §2.1): ACTIVE and SHUTOFF the full
/// rate, HIBERNATED the hibernation rate, transitional states, ERROR and DELETED nothing,
/// and a state unknown to this app the full rate (it may well be running).
pub fn rate_in_state(status: &VMStatus, full: f64, currency: &CurrencyEnum) -> f64 {
    match status {
        VMStatus::Active | VMStatus::Shutoff => finite(full),
        VMStatus::Other(_) => finite(full),
        VMStatus::Hibernated => hibernation_rate_per_hour(currency),
        _ => 0.0,
    }
}

/// What a VM's state means for the bill, for a person: the one table behind the UI's price
/// notes and "still billing" marks (exported into the TypeScript bindings as
/// `VM_STATE_BILLING`, so the UI never decides which states bill).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StateBilling {
    /// What is billed per hour: "full", "hibernation" or "none" (as [`rate_in_state`]).
    pub bills: &'static str,
    /// Billed the full rate while doing no work (stopped): worth hibernating or deleting.
    pub billed_while_idle: bool,
    /// The sentence next to the VM's price.
    pub note: &'static str,
}

/// [`StateBilling`] of a state (a state this app does not know bills the full rate).
pub fn state_billing(status: &VMStatus) -> StateBilling {
    let (bills, billed_while_idle, note) = match status {
        VMStatus::Active => ("full", false, "Billing the full rate, per minute."),
        VMStatus::Shutoff => (
            "full",
            true,
            "Stopped, but still billing the full rate: a stopped VM keeps its resources. Hibernate or delete it to pay less.",
        ),
        VMStatus::Hibernated => (
            "hibernation",
            false,
            "Hibernated: only the reduced hibernation rate is billed.",
        ),
        VMStatus::Deleted => ("none", false, "Deleted: no longer billed."),
        VMStatus::Error => ("none", false, "In ERROR: not billed. Delete it to clean up."),
        VMStatus::Unknown => ("none", false, "State unknown: billing not documented."),
        VMStatus::Other(_) => (
            "full",
            false,
            "Billed at the full rate until the app knows what this state costs.",
        ),
        _ => (
            "none",
            false,
            "Changing state: no extra charge until it settles.",
        ),
    };
    StateBilling {
        bills,
        billed_while_idle,
        note,
    }
}

/// [`state_billing`] of every known state, plus `unknownToApp`.
pub fn state_billing_table() -> serde_json::Value {
    let by_state: serde_json::Map<String, serde_json::Value> = VMStatus::KNOWN
        .iter()
        .map(|s| {
            (
                s.as_str().to_owned(),
                serde_json::to_value(state_billing(s)).unwrap_or_default(),
            )
        })
        .collect();
    let unknown = state_billing(&VMStatus::Other("?".into()));
    serde_json::json!({ "byState": by_state, "unknownToApp": unknown })
}

/// A VM's cost per hour now.
pub fn vm_rate_now(vm: &VMInstance, pricing: &PricingData, currency: &CurrencyEnum) -> f64 {
    vm_full_rate(vm, pricing, currency)
        .map(|full| rate_in_state(&vm.status, full, currency))
        .unwrap_or(0.0)
}

/// Volume storage per hour (priced per TB per hour by type).
pub fn volume_rate(vol: &VolumeResponse, pricing: &PricingData, currency: &CurrencyEnum) -> f64 {
    if matches!(vol.status, VolumeStatus::Creating | VolumeStatus::Deleting) {
        return 0.0;
    }
    pricing
        .volume_price(&vol.volume_type)
        .and_then(|(_, p)| p.in_currency(currency))
        .map(|per_tb| volume_cost(per_tb, vol.size_gb as f64, 1.0))
        .unwrap_or(0.0)
}

/// Snapshot storage per hour (a fixed price per snapshot, documented for the legacy tier).
pub fn snapshot_rate(snap: &Snapshot, pricing: &PricingData, currency: &CurrencyEnum) -> f64 {
    if snap.status != SnapshotStatus::Success {
        return 0.0;
    }
    pricing
        .snapshot_price()
        .and_then(|p| p.in_currency(currency))
        .map(finite)
        .unwrap_or(0.0)
}

/// The account's burn rate per hour, split by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BurnRate {
    pub instances: f64,
    pub volumes: f64,
    pub snapshots: f64,
    pub total: f64,
}

/// A sum that is +0.0 when empty (`Iterator::sum` of no floats is -0.0, shown "-0.00").
/// Never NaN or infinite, however large the terms.
pub fn total(it: impl Iterator<Item = f64>) -> f64 {
    it.fold(0.0, |a, b| finite(a + finite(b)))
}

pub fn burn_rate(
    vms: &[VMInstance],
    volumes: &[VolumeResponse],
    snapshots: &[Snapshot],
    pricing: &PricingData,
    currency: &CurrencyEnum,
) -> BurnRate {
    let instances: f64 = total(vms.iter().map(|v| vm_rate_now(v, pricing, currency)));
    let volumes: f64 = total(volumes.iter().map(|v| volume_rate(v, pricing, currency)));
    let snapshots: f64 = total(
        snapshots
            .iter()
            .map(|s| snapshot_rate(s, pricing, currency)),
    );
    BurnRate {
        instances,
        volumes,
        snapshots,
        total: total([instances, volumes, snapshots].into_iter()),
    }
}

/// Hours the balance lasts at this burn rate; `None` when nothing burns.
pub fn runway_hours(balance: f64, burn_per_hour: f64) -> Option<f64> {
    if burn_per_hour.is_nan() || burn_per_hour <= 0.0 {
        return None;
    }
    Some(finite(finite(balance) / burn_per_hour).max(0.0))
}

/// Volumes are priced per TB-hour, a TB being 1,000 GB (as Barrack counts).
pub const GB_PER_TB: f64 = 1000.0;

/// Price per TB-hour × size in TB × hours.
pub fn volume_cost(price_per_tb_hour: f64, size_gb: f64, hours: f64) -> f64 {
    finite(price_per_tb_hour * (size_gb / GB_PER_TB) * hours)
}

/// The pricing calculator's configuration (BILL-10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CalcInput {
    /// The quote's price per hour for the GPU model × count; `None` while it is unknown.
    pub gpu_per_hour: Option<f64>,
    pub hours: f64,
    /// Per TB-hour; `None` for no volume.
    pub volume_price_per_tb_hour: Option<f64>,
    pub volume_size_gb: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CalcResult {
    pub gpu: Option<f64>,
    pub volume: f64,
    /// `None` while the GPU price is unknown.
    pub total: Option<f64>,
}

/// The configuration's cost over `hours`: the GPU's hourly price × hours, plus the volume.
/// Hours and sizes that are negative or not numbers count as 0.
pub fn calculate(input: &CalcInput) -> CalcResult {
    let positive = |x: f64| if x.is_finite() && x > 0.0 { x } else { 0.0 };
    let hours = positive(input.hours);
    let size = positive(input.volume_size_gb);
    let gpu = input.gpu_per_hour.map(|p| finite(p * hours));
    let volume = input
        .volume_price_per_tb_hour
        .map(|p| volume_cost(p, size, hours))
        .unwrap_or(0.0);
    CalcResult {
        gpu,
        volume,
        total: gpu.map(|g| finite(g + volume)),
    }
}

/// What an action does to the bill, in words, before the click (rules.md §2.1).
pub fn action_consequence(
    action: VmAction,
    full_rate: Option<f64>,
    currency: &CurrencyEnum,
) -> String {
    let full = match full_rate {
        Some(r) => format!("{r:.2} {currency}/h"),
        None => "the full rate".to_owned(),
    };
    let hib = format!("{:.2} {currency}/h", hibernation_rate_per_hour(currency));
    match action {
        VmAction::Start => format!("Starts billing the full rate ({full}) once ACTIVE."),
        VmAction::Stop => {
            format!("Stop keeps billing the full rate ({full}): a stopped VM keeps its resources.")
        }
        VmAction::Reboot => format!("Reboot does not change billing ({full})."),
        VmAction::Hibernate => {
            format!("Hibernate bills {hib} and keeps only the root disk; GPUs are released.")
        }
        VmAction::Restore => format!("Restore bills the full rate ({full}) again once ACTIVE."),
        VmAction::Delete => {
            "Delete ends billing for this VM and loses its local data for good.".to_owned()
        }
        VmAction::Snapshot => {
            "The snapshot is billed as storage while it exists; the VM keeps running.".to_owned()
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_billing_table_agrees_with_the_rates() {
        let usd = CurrencyEnum::Usd;
        for status in VMStatus::KNOWN
            .iter()
            .chain([&VMStatus::Other("FLUX".into())])
        {
            let b = state_billing(status);
            let rate = rate_in_state(status, 4.0, &usd);
            match b.bills {
                "full" => assert_eq!(rate, 4.0, "{status:?}"),
                "hibernation" => assert_eq!(rate, hibernation_rate_per_hour(&usd), "{status:?}"),
                "none" => assert_eq!(rate, 0.0, "{status:?}"),
                other => panic!("{other}"),
            }
            assert_eq!(b.billed_while_idle, matches!(status, VMStatus::Shutoff));
        }
        let table = state_billing_table();
        assert_eq!(table["byState"]["SHUTOFF"]["billedWhileIdle"], true);
        assert_eq!(table["unknownToApp"]["bills"], "full");
    }

    fn pricing() -> PricingData {
        let body = include_str!("../tests/testdata/post-pricing-response-200.json");
        crate::decode::from_slice::<PricingResponse>(body.as_bytes())
            .unwrap()
            .pricing_data
    }

    fn vm(status: VMStatus, count: u32) -> VMInstance {
        VMInstance {
            status,
            flavor: VMFlavor {
                gpu_model: GpuModelEnum::H100Sxm5_80gb,
                gpu_count: count,
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn rates_by_state_from_the_documented_prices() {
        let p = pricing();
        let usd = CurrencyEnum::Usd;
        // 4 × H100-SXM5-80GB, advanced, USD = 9.96 per hour (rules.md §16).
        assert!((vm_rate_now(&vm(VMStatus::Active, 4), &p, &usd) - 9.96).abs() < 1e-9);
        assert!((vm_rate_now(&vm(VMStatus::Shutoff, 4), &p, &usd) - 9.96).abs() < 1e-9);
        assert_eq!(vm_rate_now(&vm(VMStatus::Hibernated, 4), &p, &usd), 0.01);
        assert_eq!(vm_rate_now(&vm(VMStatus::Starting, 4), &p, &usd), 0.0);
        assert_eq!(
            vm_rate_now(&vm(VMStatus::Hibernated, 4), &p, &CurrencyEnum::Inr),
            1.0
        );
        assert!(
            (vm_rate_now(&vm(VMStatus::Active, 1), &p, &CurrencyEnum::Eur) - 2.69).abs() < 1e-9
        );
    }

    #[test]
    fn burn_rate_and_runway() {
        let p = pricing();
        let usd = CurrencyEnum::Usd;
        let vol = VolumeResponse {
            size_gb: 1000,
            volume_type: VolumeTypeEnum::Nvme,
            status: VolumeStatus::Available,
            ..Default::default()
        };
        let snap = Snapshot {
            status: SnapshotStatus::Success,
            ..Default::default()
        };
        let b = burn_rate(
            &[vm(VMStatus::Active, 1), vm(VMStatus::Hibernated, 2)],
            &[vol],
            &[snap],
            &p,
            &usd,
        );
        assert!((b.instances - 2.50).abs() < 1e-9, "{b:?}");
        assert!((b.volumes - 0.3).abs() < 1e-9);
        assert!((b.snapshots - 0.1).abs() < 1e-9);
        assert!((b.total - 2.9).abs() < 1e-9);
        assert_eq!(runway_hours(29.0, b.total).map(|h| h.round()), Some(10.0));
        assert_eq!(runway_hours(10.0, 0.0), None);
        let none = burn_rate(&[], &[], &[], &p, &usd);
        for v in [none.instances, none.volumes, none.snapshots, none.total] {
            assert!(v == 0.0 && v.is_sign_positive(), "{none:?}");
        }
    }

    #[test]
    fn an_unknown_state_bills_the_full_rate() {
        let p = pricing();
        let usd = CurrencyEnum::Usd;
        let unknown = VMStatus::parse("QUANTUM_STATUS");
        assert!(is_unknown_state(&unknown));
        for known in [
            VMStatus::Active,
            VMStatus::Hibernated,
            VMStatus::Error,
            VMStatus::Creating,
        ] {
            assert!(!is_unknown_state(&known), "{known:?}");
        }
        // 4 × H100-SXM5-80GB at 2.49: the same as ACTIVE, not 0.00.
        assert!((vm_rate_now(&vm(unknown.clone(), 4), &p, &usd) - 9.96).abs() < 1e-9);
        let b = burn_rate(
            &[vm(unknown, 4), vm(VMStatus::Active, 1)],
            &[],
            &[],
            &p,
            &usd,
        );
        assert!((b.instances - 12.45).abs() < 1e-9, "{b:?}");
        assert!((b.total - 12.45).abs() < 1e-9, "{b:?}");
        assert_eq!(runway_hours(124.5, b.total).map(|h| h.round()), Some(10.0));
    }

    #[test]
    fn figures_stay_finite_whatever_the_numbers() {
        assert_eq!(gpu_cost_per_hour(1e308, u32::MAX), f64::MAX);
        assert_eq!(gpu_cost_per_hour(-1e308, u32::MAX), f64::MIN);
        assert_eq!(gpu_cost_per_hour(f64::NAN, 2), 0.0);
        assert_eq!(
            total([f64::MAX, f64::MAX, f64::INFINITY].into_iter()),
            f64::MAX
        );
        assert_eq!(runway_hours(1e308, 1e-308), Some(f64::MAX));
        assert_eq!(runway_hours(-1e308, 1.0), Some(0.0));
        assert_eq!(runway_hours(f64::NAN, 1.0), Some(0.0));
        assert_eq!(runway_hours(10.0, f64::NAN), None);
        assert_eq!(runway_hours(10.0, f64::INFINITY), Some(0.0));
    }

    #[test]
    fn the_calculator_adds_gpu_and_volume() {
        let r = calculate(&CalcInput {
            gpu_per_hour: Some(2.5),
            hours: 10.0,
            volume_price_per_tb_hour: Some(0.3),
            volume_size_gb: 500.0,
        });
        assert_eq!(r.gpu, Some(25.0));
        assert!((r.volume - 1.5).abs() < 1e-9);
        assert!((r.total.unwrap() - 26.5).abs() < 1e-9);
        let r = calculate(&CalcInput {
            gpu_per_hour: None,
            hours: -3.0,
            volume_price_per_tb_hour: None,
            volume_size_gb: f64::NAN,
        });
        assert_eq!((r.gpu, r.volume, r.total), (None, 0.0, None));
    }

    #[test]
    fn consequences_say_what_the_bill_does() {
        let usd = CurrencyEnum::Usd;
        assert!(action_consequence(VmAction::Stop, Some(9.96), &usd)
            .contains("keeps billing the full rate (9.96 USD/h)"));
        assert!(action_consequence(VmAction::Hibernate, Some(9.96), &usd).contains("0.01 USD/h"));
        assert!(action_consequence(VmAction::Delete, None, &usd).contains("ends billing"));
    }
}
