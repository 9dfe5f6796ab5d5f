//! Time: the timed transitions an account has pending (a VM settling, a snapshot becoming
//! ready…) and [`Account::tick`], the only place time moves. Billing is accrued up to each
//! event before it fires, so a state change is billed from the minute it happened.

use super::Account;
use super::Catalog;
use barrack_api::types::*;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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

impl Account {
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
