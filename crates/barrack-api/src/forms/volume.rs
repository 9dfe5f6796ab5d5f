//! The volume forms (platform/rules.md §5, §8, §9; dashboard VOL-10…51): create, resize,
//! and which VMs a volume may be attached to or detached from. The size limits come from
//! the volume-types endpoint when it gives them, else the documented 10 / 100 (bootable) to
//! 1,048,576 GB. Creating needs a complete profile and the minimum balance, refused here
//! before anything is sent, with the reason.

use super::name::{clash, taken_message};
use super::{list_too_long, text_too_long, ResizeCheck, VolumeCheck, TAKEN_NAMES_MAX};
use crate::state::{self, VmAction};
use crate::types::{
    CreateVolumeRequest, CurrencyEnum, RegionEnum, ResizeVolumeRequest, VMStatus, VolumeStatus,
    VolumeTypeEnum,
};
use crate::validate::{self, FieldError, BOOTABLE_VOLUME_MIN_GB, VOLUME_MAX_GB, VOLUME_MIN_GB};
use serde::{Deserialize, Serialize};

/// The minimum balance to create a volume (rules.md §9): USD 1.00, EUR 1.00, INR 100.00.
pub fn minimum_balance(currency: &CurrencyEnum) -> f64 {
    match currency {
        CurrencyEnum::Inr => 100.0,
        _ => 1.0,
    }
}

/// A volume type's size limits as the volume-types endpoint gives them (either may be
/// missing: the documented limits apply then).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct SizeLimits {
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub min_gb: Option<u64>,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub max_gb: Option<u64>,
}

impl SizeLimits {
    /// The smallest and largest size allowed: a bootable volume needs at least 100 GB, and no
    /// type goes beyond the documented 1,048,576 GB.
    pub fn range(&self, bootable: bool) -> (u64, u64) {
        let mut min = self.min_gb.unwrap_or(VOLUME_MIN_GB).max(1);
        if bootable {
            min = min.max(BOOTABLE_VOLUME_MIN_GB);
        }
        let max = self.max_gb.unwrap_or(VOLUME_MAX_GB).min(VOLUME_MAX_GB);
        (min, max.max(min))
    }
}

/// The account as the balance answer describes it (VOL-10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Standing {
    pub profile_complete: bool,
    /// The balance in the account's own currency.
    pub balance: f64,
    pub currency: String,
}

/// "Create volume" as typed (VOL-11…15).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VolumeForm {
    pub name: String,
    /// Every volume name in the account (names are unique across it).
    #[serde(default)]
    pub taken: Vec<String>,
    /// Empty until one is chosen.
    pub region: String,
    /// The size field as typed, in GB.
    pub size_gb: String,
    pub bootable: bool,
    /// The OS image of a bootable volume; empty until one is chosen.
    #[serde(default)]
    pub os_image_id: String,
    /// The volume type as the volume-types endpoint names it; empty for the default.
    #[serde(default)]
    pub volume_type: String,
    /// That type's limits.
    #[serde(default)]
    pub limits: SizeLimits,
    /// Unknown until the balance has answered: nothing is refused for it then (the server
    /// still checks).
    #[serde(default)]
    pub standing: Option<Standing>,
}

/// "Resize volume" as typed (VOL-51): growing only, within the type's limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ResizeForm {
    /// The size now; absent when the server's answer did not say it (then nothing is sent:
    /// "grow only" cannot be checked against an unknown size).
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub current_gb: Option<u64>,
    pub size_gb: String,
    pub bootable: bool,
    #[serde(default)]
    pub limits: SizeLimits,
}

/// The size field: a whole number of GB within `(min, max)`. Field id `sizeGb`.
pub fn size_error(text: &str, (min, max): (u64, u64), bootable: bool) -> Result<u64, FieldError> {
    let what = if bootable {
        "a bootable volume"
    } else {
        "a volume"
    };
    let t = text.trim().replace([',', '_'], "");
    if t.is_empty() {
        return Err(FieldError::new("sizeGb", "A size in GB is required."));
    }
    let Ok(size) = t.parse::<u64>() else {
        return Err(FieldError::new(
            "sizeGb",
            "The size must be a whole number of GB, like 100.",
        ));
    };
    if size < min {
        return Err(FieldError::new(
            "sizeGb",
            format!("Must be at least {} GB for {what}.", thousands(min)),
        ));
    }
    if size > max {
        return Err(FieldError::new(
            "sizeGb",
            format!("Must be at most {} GB.", thousands(max)),
        ));
    }
    Ok(size)
}

fn thousands(n: u64) -> String {
    validate::thousands(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Why the account cannot create a volume now (fields `profile`, `balance`), if it cannot.
pub fn standing_errors(standing: Option<&Standing>) -> Vec<FieldError> {
    let Some(s) = standing else {
        return Vec::new();
    };
    let mut errors = Vec::new();
    if !s.profile_complete {
        errors.push(FieldError::new(
            "profile",
            "Your Barrack profile is incomplete: Barrack refuses new volumes until My Account on barrack.ai has your address line, postal code and country.",
        ));
    }
    let currency = CurrencyEnum::parse(&s.currency);
    let min = minimum_balance(&currency);
    // A balance that is not a number counts as too low.
    let enough = s.balance.is_finite() && s.balance >= min;
    if !enough {
        errors.push(FieldError::new(
            "balance",
            format!(
                "Creating a volume needs a balance of at least {min:.2} {cur}; yours is {bal:.2} {cur}. Add credits on barrack.ai first.",
                cur = currency.as_str(),
                bal = if s.balance.is_finite() { s.balance } else { 0.0 },
            ),
        ));
    }
    errors
}

/// Every error of the create form at once; when there is none, the request to send.
pub fn check(form: &VolumeForm) -> VolumeCheck {
    let mut errors = Vec::new();
    if let Some(e) = text_too_long("name", &form.name) {
        return VolumeCheck::new(vec![e], CreateVolumeRequest::default);
    }
    if let Some(e) = list_too_long("taken", form.taken.len(), TAKEN_NAMES_MAX) {
        return VolumeCheck::new(vec![e], CreateVolumeRequest::default);
    }
    if let Err(e) = validate::resource_name("name", &form.name) {
        errors.push(e);
    } else if let Some(existing) = clash(&form.name, &form.taken) {
        errors.push(FieldError::new("name", taken_message("A volume", existing)));
    }
    let region = RegionEnum::parse(form.region.trim());
    if form.region.trim().is_empty() {
        errors.push(FieldError::new("region", "Choose the volume's region."));
    } else if region.is_other() {
        errors.push(FieldError::new(
            "region",
            format!("{:?} is not a region Barrack offers.", form.region.trim()),
        ));
    }
    let size = size_error(
        &form.size_gb,
        form.limits.range(form.bootable),
        form.bootable,
    )
    .map_err(|e| errors.push(e))
    .ok();
    if form.bootable && form.os_image_id.trim().is_empty() {
        errors.push(FieldError::new(
            "osImageId",
            "A bootable volume is made from an OS image: choose one of the region's images.",
        ));
    }
    errors.extend(standing_errors(form.standing.as_ref()));
    VolumeCheck::new(errors, || CreateVolumeRequest {
        name: form.name.trim().to_owned(),
        region,
        size_gb: size.unwrap_or_default(),
        volume_type: (!form.volume_type.trim().is_empty())
            .then(|| VolumeTypeEnum::parse(form.volume_type.trim())),
        bootable: form.bootable,
        os_image_id: form.bootable.then(|| form.os_image_id.trim().to_owned()),
    })
}

/// The resize form: larger than now, within the limits.
pub fn check_resize(form: &ResizeForm) -> ResizeCheck {
    let (min, max) = form.limits.range(form.bootable);
    let errors = match (size_error(&form.size_gb, (min, max), form.bootable), form.current_gb) {
        (_, None) => vec![FieldError::new(
            "sizeGb",
            "The volume's size now is unknown (the server did not say it), so a resize cannot be checked to grow it: refresh and try again.",
        )],
        (Err(e), _) => vec![e],
        (Ok(size), Some(now)) if size <= now => vec![FieldError::new(
            "sizeGb",
            format!(
                "A volume can only grow: choose more than its {} GB now.",
                thousands(now)
            ),
        )],
        (Ok(_), Some(_)) => Vec::new(),
    };
    let size = size_error(&form.size_gb, (min, max), form.bootable).unwrap_or_default();
    ResizeCheck::new(errors, || ResizeVolumeRequest { size_gb: size })
}

/// What the attach and detach rules need of a volume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VolumeFacts {
    pub id: String,
    pub region: String,
    pub status: String,
    pub bootable: bool,
    /// The VM it is attached to.
    #[serde(default)]
    pub instance_id: Option<String>,
}

/// What the attach and detach rules need of a VM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VmFacts {
    pub id: String,
    pub name: String,
    pub region: String,
    pub status: String,
    /// The volume the VM boots from, when it boots from one.
    #[serde(default)]
    pub boot_volume_id: Option<String>,
}

/// A volume and the VMs it might be attached to or is attached to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentForm {
    pub volume: VolumeFacts,
    #[serde(default)]
    pub vms: Vec<VmFacts>,
}

/// One VM of the attach list, with the reason it cannot be picked (VOL-21).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AttachChoice {
    pub id: String,
    pub reason: Option<String>,
}

/// The attach and detach rules for one volume (VOL-20…22, VOL-30/31).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AttachmentRules {
    /// Why the volume itself cannot be attached now, if it cannot.
    pub attach: Option<String>,
    /// The VMs of the volume's region, each with the reason it cannot be picked.
    pub choices: Vec<AttachChoice>,
    /// The first VM that can be picked (VOL-21: pre-selected).
    pub preselected: Option<String>,
    /// Why it cannot be detached from its VM now, if it is attached and cannot.
    pub detach: Option<String>,
}

/// Why `volume` cannot be attached at all now.
fn volume_attach_refusal(volume: &VolumeFacts) -> Option<String> {
    let status = VolumeStatus::parse(volume.status.trim());
    if volume.instance_id.is_some() || status == VolumeStatus::Attached {
        return Some(if volume.bootable {
            "A bootable volume in use cannot be attached to another VM: detach it first.".to_owned()
        } else {
            "The volume is attached to a VM: detach it first.".to_owned()
        });
    }
    if status != VolumeStatus::Available {
        return Some(format!(
            "Only an AVAILABLE volume can be attached (this one is {}).",
            status.as_str()
        ));
    }
    None
}

/// Why `vm` cannot take `volume`, or `None`.
fn vm_refusal(volume: &VolumeFacts, vm: &VmFacts) -> Option<String> {
    if !vm.region.trim().eq_ignore_ascii_case(volume.region.trim()) {
        return Some(format!(
            "In {}: a volume attaches only to VMs of its own region ({}).",
            vm.region, volume.region
        ));
    }
    state::check(VmAction::AttachVolume, &VMStatus::parse(vm.status.trim())).err()
}

/// Why the volume cannot be detached from its VM now (VOL-31), or `None`.
fn detach_refusal(volume: &VolumeFacts, vms: &[VmFacts]) -> Option<String> {
    let vm_id = volume.instance_id.as_deref()?;
    let Some(vm) = vms.iter().find(|v| v.id == vm_id) else {
        return Some(
            "The VM it is attached to is not known here; refresh and try again.".to_owned(),
        );
    };
    let status = VMStatus::parse(vm.status.trim());
    if vm.boot_volume_id.as_deref() == Some(volume.id.as_str()) && status != VMStatus::Shutoff {
        return Some(format!(
            "{} boots from this volume: the boot volume of a VM cannot be detached while it runs.",
            vm.name
        ));
    }
    state::check(VmAction::DetachVolume, &status).err()
}

/// Longest list of VMs compared.
pub const VMS_MAX: usize = 10_000;

pub fn attachment_rules(form: &AttachmentForm) -> AttachmentRules {
    let vms = &form.vms[..form.vms.len().min(VMS_MAX)];
    let attach = volume_attach_refusal(&form.volume);
    let choices: Vec<AttachChoice> = vms
        .iter()
        .filter(|vm| {
            vm.region
                .trim()
                .eq_ignore_ascii_case(form.volume.region.trim())
        })
        .map(|vm| AttachChoice {
            id: vm.id.clone(),
            reason: vm_refusal(&form.volume, vm),
        })
        .collect();
    let preselected = if attach.is_some() {
        None
    } else {
        choices
            .iter()
            .find(|c| c.reason.is_none())
            .map(|c| c.id.clone())
    };
    AttachmentRules {
        attach,
        choices,
        preselected,
        detach: detach_refusal(&form.volume, vms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(size: &str) -> VolumeForm {
        VolumeForm {
            name: "data".into(),
            taken: vec!["volume1".into()],
            region: "CANADA-1".into(),
            size_gb: size.into(),
            bootable: false,
            os_image_id: String::new(),
            volume_type: String::new(),
            limits: SizeLimits::default(),
            standing: Some(Standing {
                profile_complete: true,
                balance: 5.0,
                currency: "USD".into(),
            }),
        }
    }

    fn fields(c: &VolumeCheck) -> Vec<&str> {
        c.errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn sizes_at_the_documented_limits() {
        assert_eq!(
            check(&form("9")).errors,
            vec![FieldError::new(
                "sizeGb",
                "Must be at least 10 GB for a volume."
            )]
        );
        assert!(check(&form("10")).errors.is_empty());
        assert!(check(&form("1048576")).errors.is_empty());
        assert!(check(&form("1,048,576")).errors.is_empty());
        assert_eq!(
            check(&form("1048577")).errors,
            vec![FieldError::new("sizeGb", "Must be at most 1,048,576 GB.")]
        );
        assert!(check(&form("ten")).errors[0]
            .message
            .contains("whole number"));
        assert!(check(&form("")).errors[0].message.contains("required"));
        let ok = check(&form("10")).value.unwrap();
        assert_eq!(ok.size_gb, 10);
        assert_eq!(ok.region, RegionEnum::Canada1);
        assert_eq!(ok.os_image_id, None);
    }

    #[test]
    fn names_at_50_and_51_characters_and_taken_names() {
        let mut f = form("10");
        f.name = "v".repeat(50);
        assert!(check(&f).errors.is_empty());
        f.name = "v".repeat(51);
        assert_eq!(fields(&check(&f)), ["name"]);
        assert!(check(&f).errors[0].message.contains("at most 50"));
        f.name = "Volume1".into();
        assert!(check(&f).errors[0]
            .message
            .starts_with("A volume named \"volume1\" already exists"));
    }

    #[test]
    fn the_types_limits_apply_and_bootable_needs_100_gb_and_an_image() {
        let mut f = form("50");
        f.limits = SizeLimits {
            min_gb: Some(100),
            max_gb: Some(2000),
        };
        assert_eq!(
            check(&f).errors[0].message,
            "Must be at least 100 GB for a volume."
        );
        f.size_gb = "2001".into();
        assert_eq!(check(&f).errors[0].message, "Must be at most 2,000 GB.");
        let mut f = form("50");
        f.bootable = true;
        assert_eq!(fields(&check(&f)), ["sizeGb", "osImageId"]);
        assert!(check(&f).errors[0].message.contains("bootable"));
        f.size_gb = "100".into();
        f.os_image_id = "img-1".into();
        let v = check(&f).value.unwrap();
        assert_eq!(v.os_image_id.as_deref(), Some("img-1"));
        assert!(v.bootable);
    }

    #[test]
    fn an_incomplete_profile_and_a_low_balance_are_refused_before_sending() {
        let mut f = form("10");
        f.standing = Some(Standing {
            profile_complete: false,
            balance: 0.99,
            currency: "USD".into(),
        });
        let c = check(&f);
        assert_eq!(fields(&c), ["profile", "balance"]);
        assert!(c.value.is_none());
        assert_eq!(
            c.errors[1].message,
            "Creating a volume needs a balance of at least 1.00 USD; yours is 0.99 USD. Add credits on barrack.ai first."
        );
        f.standing = Some(Standing {
            profile_complete: true,
            balance: 99.0,
            currency: "INR".into(),
        });
        assert!(check(&f).errors[0].message.contains("100.00 INR"));
        f.standing = Some(Standing {
            profile_complete: true,
            balance: 1.0,
            currency: "EUR".into(),
        });
        assert!(check(&f).errors.is_empty());
        f.standing = None;
        assert!(check(&f).errors.is_empty());
    }

    #[test]
    fn a_region_must_be_chosen() {
        let mut f = form("10");
        f.region = String::new();
        assert_eq!(fields(&check(&f)), ["region"]);
        f.region = "MARS-1".into();
        assert!(check(&f).errors[0].message.contains("not a region"));
    }

    #[test]
    fn resizing_only_grows_within_the_limits() {
        let r = |size: &str| {
            check_resize(&ResizeForm {
                current_gb: Some(100),
                size_gb: size.into(),
                bootable: false,
                limits: SizeLimits::default(),
            })
        };
        assert!(r("100").errors[0].message.contains("can only grow"));
        assert!(r("50").errors[0].message.contains("can only grow"));
        assert_eq!(r("101").value, Some(ResizeVolumeRequest { size_gb: 101 }));
        assert_eq!(r("1048576").value.unwrap().size_gb, 1_048_576);
        assert_eq!(
            r("1048577").errors[0].message,
            "Must be at most 1,048,576 GB."
        );
        // A size the server did not say: nothing can be checked to grow, nothing is sent.
        let unknown = check_resize(&ResizeForm {
            current_gb: None,
            size_gb: "300".into(),
            bootable: false,
            limits: SizeLimits::default(),
        });
        assert_eq!(unknown.value, None);
        assert!(unknown.errors[0].message.contains("unknown"));
    }

    fn vol(status: &str, instance: Option<&str>, bootable: bool) -> VolumeFacts {
        VolumeFacts {
            id: "vol-1".into(),
            region: "CANADA-1".into(),
            status: status.into(),
            bootable,
            instance_id: instance.map(str::to_owned),
        }
    }

    fn vm(name: &str, region: &str, status: &str, boot: Option<&str>) -> VmFacts {
        VmFacts {
            id: format!("vm-{name}"),
            name: name.into(),
            region: region.into(),
            status: status.into(),
            boot_volume_id: boot.map(str::to_owned),
        }
    }

    #[test]
    fn only_active_vms_of_the_region_can_be_picked_the_first_preselected() {
        let rules = attachment_rules(&AttachmentForm {
            volume: vol("AVAILABLE", None, false),
            vms: vec![
                vm("stopped", "CANADA-1", "SHUTOFF", None),
                vm("busy", "CANADA-1", "REBOOTING", None),
                vm("run", "CANADA-1", "ACTIVE", None),
                vm("far", "US-1", "ACTIVE", None),
            ],
        });
        assert_eq!(rules.attach, None);
        assert_eq!(rules.choices.len(), 3, "only the region's VMs");
        assert!(rules.choices[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("start it first"));
        assert!(rules.choices[1]
            .reason
            .as_deref()
            .unwrap()
            .contains("REBOOTING"));
        assert_eq!(rules.choices[2].reason, None);
        assert_eq!(rules.preselected.as_deref(), Some("vm-run"));
        assert_eq!(rules.detach, None);
    }

    #[test]
    fn a_bootable_volume_in_use_cannot_be_attached_elsewhere() {
        let rules = attachment_rules(&AttachmentForm {
            volume: vol("ATTACHED", Some("vm-run"), true),
            vms: vec![vm("run", "CANADA-1", "ACTIVE", None)],
        });
        assert!(rules.attach.unwrap().contains("bootable volume in use"));
        assert_eq!(rules.preselected, None);
        let creating = attachment_rules(&AttachmentForm {
            volume: vol("CREATING", None, false),
            vms: vec![],
        });
        assert!(creating.attach.unwrap().contains("CREATING"));
    }

    #[test]
    fn never_the_boot_volume_of_a_running_vm_and_only_from_an_active_vm() {
        let boot = attachment_rules(&AttachmentForm {
            volume: vol("ATTACHED", Some("vm-run"), true),
            vms: vec![vm("run", "CANADA-1", "ACTIVE", Some("vol-1"))],
        });
        assert!(boot.detach.unwrap().contains("boot volume"));
        let stopped = attachment_rules(&AttachmentForm {
            volume: vol("ATTACHED", Some("vm-stopped"), false),
            vms: vec![vm("stopped", "CANADA-1", "SHUTOFF", None)],
        });
        assert!(stopped.detach.unwrap().contains("start it first"));
        let fine = attachment_rules(&AttachmentForm {
            volume: vol("ATTACHED", Some("vm-run"), false),
            vms: vec![vm("run", "CANADA-1", "ACTIVE", None)],
        });
        assert_eq!(fine.detach, None);
    }
}
