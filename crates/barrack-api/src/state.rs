//! Which actions a VM's state allows (platform/rules.md §2.2–§2.3), and where each leads.
//! The UI enables buttons from this, the CLI refuses early from it, and barrack-sim
//! enforces it — one table for all three.

use crate::types::VMStatus;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VmAction {
    Start,
    Stop,
    Reboot,
    Hibernate,
    Restore,
    Delete,
    Snapshot,
    AttachVolume,
    DetachVolume,
    AttachFirewall,
    TogglePublicIp,
    ChangeSecurityRules,
}

impl VmAction {
    pub const ALL: &'static [VmAction] = &[
        VmAction::Start,
        VmAction::Stop,
        VmAction::Reboot,
        VmAction::Hibernate,
        VmAction::Restore,
        VmAction::Delete,
        VmAction::Snapshot,
        VmAction::AttachVolume,
        VmAction::DetachVolume,
        VmAction::AttachFirewall,
        VmAction::TogglePublicIp,
        VmAction::ChangeSecurityRules,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VmAction::Start => "start",
            VmAction::Stop => "stop",
            VmAction::Reboot => "reboot",
            VmAction::Hibernate => "hibernate",
            VmAction::Restore => "restore",
            VmAction::Delete => "delete",
            VmAction::Snapshot => "snapshot",
            VmAction::AttachVolume => "attach a volume to",
            VmAction::DetachVolume => "detach a volume from",
            VmAction::AttachFirewall => "attach a firewall to",
            VmAction::TogglePublicIp => "change the public IP of",
            VmAction::ChangeSecurityRules => "change the security rules of",
        }
    }

    /// The transitional state an accepted action puts the VM in, and where it ends.
    pub fn transition(self) -> Option<(VMStatus, VMStatus)> {
        use VMStatus::*;
        Some(match self {
            VmAction::Start => (Starting, Active),
            VmAction::Stop => (Stopping, Shutoff),
            VmAction::Reboot => (Rebooting, Active),
            VmAction::Hibernate => (Hibernating, Hibernated),
            VmAction::Restore => (Restoring, Active),
            VmAction::Delete => (Deleting, Deleted),
            _ => return None,
        })
    }
}

/// States in which the VM is between two stable states.
pub fn is_transitional(status: &VMStatus) -> bool {
    use VMStatus::*;
    matches!(
        status,
        Creating | Starting | Stopping | Rebooting | Hibernating | Restoring | Deleting
    )
}

/// The transitional states as the API spells them (exported to TypeScript, so the UI never
/// spells them itself).
pub fn transitional_states() -> Vec<&'static str> {
    VMStatus::KNOWN
        .iter()
        .filter(|s| is_transitional(s))
        .map(VMStatus::as_str)
        .collect()
}

/// Snapshot and image states that are done: restorable, can become an image, can boot a VM.
/// Barrack spells "done" several ways; compare upper-cased.
pub const STORAGE_READY_STATES: &[&str] = &["SUCCESS", "AVAILABLE"];

/// Snapshot and image states still being built or removed: the poller follows them.
pub const STORAGE_IN_PROGRESS_STATES: &[&str] = &["CREATING", "DELETING", "PENDING", "RESTORING"];

/// Ok if `action` is allowed in `status`; otherwise why not, in words for a person.
pub fn check(action: VmAction, status: &VMStatus) -> Result<(), String> {
    use VMStatus::*;
    // Settings, not actions: said as the platform says it (rules.md §2.3).
    let setting = match action {
        VmAction::TogglePublicIp => Some("The public IP"),
        VmAction::ChangeSecurityRules => Some("Security rules"),
        _ => None,
    };
    if let (Some(what), false) = (setting, matches!(status, Active)) {
        return Err(format!(
            "{what} can be changed only while the VM is ACTIVE (it is {}).",
            status.as_str()
        ));
    }
    if is_transitional(status) {
        return Err(format!(
            "The VM is {}; wait until it has finished before you {} it.",
            status.as_str(),
            action.label()
        ));
    }
    let allowed = match action {
        VmAction::Start => matches!(status, Shutoff),
        VmAction::Stop | VmAction::Reboot | VmAction::Hibernate | VmAction::Snapshot => {
            matches!(status, Active)
        }
        VmAction::Restore => matches!(status, Hibernated),
        VmAction::Delete => matches!(status, Active | Shutoff | Hibernated | Error | Unknown),
        VmAction::AttachVolume
        | VmAction::DetachVolume
        | VmAction::AttachFirewall
        | VmAction::TogglePublicIp
        | VmAction::ChangeSecurityRules => matches!(status, Active),
    };
    if allowed {
        return Ok(());
    }
    let hint = match (action, status) {
        (_, Deleted) => "The VM has been deleted.".to_owned(),
        (VmAction::Start, Active) => "The VM is already running.".to_owned(),
        (VmAction::Stop, Shutoff) => "The VM is already stopped.".to_owned(),
        (VmAction::Hibernate, Hibernated) => "The VM is already hibernated.".to_owned(),
        (VmAction::Start, Hibernated) => {
            "A hibernated VM is brought back with Restore, not Start.".to_owned()
        }
        (VmAction::Restore, _) => "Only a HIBERNATED VM can be restored.".to_owned(),
        (_, Hibernated) => format!(
            "The VM is HIBERNATED: restore it first, then {} it.",
            action.label()
        ),
        (_, Shutoff) => format!(
            "The VM is stopped (SHUTOFF): start it first, then {} it.",
            action.label()
        ),
        (_, Error) => "The VM is in ERROR; it can only be deleted.".to_owned(),
        _ => format!(
            "A VM in state {} cannot be asked to {}.",
            status.as_str(),
            action.label()
        ),
    };
    Err(hint)
}

/// Every action allowed now, in table order.
pub fn allowed_actions(status: &VMStatus) -> Vec<VmAction> {
    VmAction::ALL
        .iter()
        .copied()
        .filter(|a| check(*a, status).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_ip_and_security_rules_change_only_while_active() {
        for a in [VmAction::TogglePublicIp, VmAction::ChangeSecurityRules] {
            assert_eq!(check(a, &VMStatus::Active), Ok(()));
            for s in [VMStatus::Shutoff, VMStatus::Starting, VMStatus::Hibernated] {
                let why = check(a, &s).unwrap_err();
                assert!(why.contains("only while the VM is ACTIVE"), "{why}");
                assert!(why.contains(s.as_str()), "{why}");
            }
        }
    }
    use VMStatus::*;

    #[test]
    fn documented_transitions() {
        assert_eq!(
            allowed_actions(&Shutoff),
            vec![VmAction::Start, VmAction::Delete]
        );
        assert_eq!(
            allowed_actions(&Hibernated),
            vec![VmAction::Restore, VmAction::Delete]
        );
        assert!(allowed_actions(&Creating).is_empty());
        assert!(check(VmAction::Hibernate, &Shutoff).is_err());
        assert!(check(VmAction::AttachFirewall, &Hibernated)
            .unwrap_err()
            .contains("restore it first"));
        assert!(check(VmAction::AttachFirewall, &Shutoff)
            .unwrap_err()
            .contains("start it first"));
        assert!(check(VmAction::Stop, &Stopping)
            .unwrap_err()
            .contains("wait"));
    }
}
