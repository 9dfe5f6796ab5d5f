//! The app's input forms, checked as the user typed them (text fields are text, so "abc"
//! in a port field gets a message, not a decode error). Each form has one `check` that
//! returns every field error at once and, when there is none, the typed request. The UI
//! asks these through the desktop app's `check_*` commands instead of keeping copies of
//! the rules (the rules themselves are in [`crate::validate`]).
//!
//! Inputs come from an untrusted webview: lists and texts are capped ([`TAKEN_NAMES_MAX`],
//! [`RULES_MAX`], [`TEXT_MAX_BYTES`]) so no check does quadratic work or quotes megabytes.

pub mod cloud_init;
pub mod jupyter;
pub mod name;
pub mod rule;
pub mod rule_list;
pub mod ssh_key;
pub mod volume;

use crate::validate::{self, FieldError};
use serde::{Deserialize, Serialize};

/// A form's answer: every field error at once, and the request it makes when there is none.
/// One concrete type per form (not a generic), so the TypeScript bindings name the value's
/// type.
macro_rules! form_check {
    ($(#[$doc:meta])* $name:ident, $value:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            pub errors: Vec<FieldError>,
            /// Present exactly when `errors` is empty.
            pub value: Option<$value>,
        }

        impl $name {
            /// `value` when `errors` is empty, otherwise no value.
            pub fn new(errors: Vec<FieldError>, value: impl FnOnce() -> $value) -> Self {
                let value = errors.is_empty().then(value);
                $name { errors, value }
            }
        }
    };
}

form_check!(
    /// The name form's answer; the value is the name.
    NameCheck,
    String
);
form_check!(
    /// The SSH key form's answer; the value is the create request.
    SshKeyCheck,
    crate::types::CreateSSHKeyRequest
);
form_check!(
    /// The security-rule form's answer; the value is the rule request.
    RuleCheck,
    crate::types::VMSecurityRuleRequest
);
form_check!(
    /// The create-volume form's answer; the value is the create request.
    VolumeCheck,
    crate::types::CreateVolumeRequest
);
form_check!(
    /// The resize-volume form's answer; the value is the resize request.
    ResizeCheck,
    crate::types::ResizeVolumeRequest
);

/// Longest list of names a uniqueness check compares against.
pub const TAKEN_NAMES_MAX: usize = 10_000;
/// Longest list of security rules checked (OpenStack's default quota is 100 per group).
pub const RULES_MAX: usize = 200;
/// Longest text field checked (a cloud-init script is only measured, never refused for this).
pub const TEXT_MAX_BYTES: usize = 64 * 1024;

/// A text beyond [`TEXT_MAX_BYTES`]: refused before any other check reads it.
pub fn text_too_long(field: &str, text: &str) -> Option<FieldError> {
    (text.len() > TEXT_MAX_BYTES).then(|| {
        FieldError::new(
            field,
            format!(
                "Too long to check: at most {} bytes.",
                validate::thousands(TEXT_MAX_BYTES)
            ),
        )
    })
}

/// A list beyond `max` entries: refused before it is compared.
pub fn list_too_long(field: &str, len: usize, max: usize) -> Option<FieldError> {
    (len > max).then(|| {
        FieldError::new(
            field,
            format!(
                "Too many entries to check: at most {} (there are {}).",
                validate::thousands(max),
                validate::thousands(len)
            ),
        )
    })
}

/// Every number a form's hint or counter shows (exported to TypeScript as `RULE_LIMITS`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RuleLimits {
    pub name_max: usize,
    pub description_max: usize,
    pub cloud_init_max_bytes: usize,
    pub jupyter_password_min: usize,
    pub jupyter_strong_min: usize,
    pub volume_min_gb: u64,
    pub volume_max_gb: u64,
    pub bootable_volume_min_gb: u64,
    pub ssh_keys_per_region: usize,
    pub firewalls_per_account: usize,
    pub port_min: u16,
    pub port_max: u16,
    pub ssh_key_types: Vec<String>,
    pub taken_names_max: usize,
    pub rules_max: usize,
    pub text_max_bytes: usize,
}

pub fn rule_limits() -> RuleLimits {
    use validate::*;
    RuleLimits {
        name_max: NAME_MAX,
        description_max: DESCRIPTION_MAX,
        cloud_init_max_bytes: CLOUD_INIT_MAX_BYTES,
        jupyter_password_min: JUPYTER_PASSWORD_MIN,
        jupyter_strong_min: JUPYTER_STRONG_MIN,
        volume_min_gb: VOLUME_MIN_GB,
        volume_max_gb: VOLUME_MAX_GB,
        bootable_volume_min_gb: BOOTABLE_VOLUME_MIN_GB,
        ssh_keys_per_region: SSH_KEYS_PER_REGION,
        firewalls_per_account: FIREWALLS_PER_ACCOUNT,
        port_min: PORT_MIN,
        port_max: PORT_MAX,
        ssh_key_types: SSH_KEY_TYPES.iter().map(|s| (*s).to_owned()).collect(),
        taken_names_max: TAKEN_NAMES_MAX,
        rules_max: RULES_MAX,
        text_max_bytes: TEXT_MAX_BYTES,
    }
}

/// The choices of the security-rule form's selects, as the API spells them (`RULE_CHOICES`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RuleChoices {
    pub directions: Vec<String>,
    pub protocols: Vec<String>,
    pub ethertypes: Vec<String>,
    /// The protocols whose rules carry ports (TCP, UDP); the form disables the port fields
    /// for the others.
    pub port_protocols: Vec<String>,
}

pub fn rule_choices() -> RuleChoices {
    use crate::types::{DirectionEnum, EthertypeEnum, ProtocolEnum};
    RuleChoices {
        directions: DirectionEnum::KNOWN
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect(),
        protocols: ProtocolEnum::KNOWN
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect(),
        ethertypes: EthertypeEnum::KNOWN
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect(),
        port_protocols: ProtocolEnum::KNOWN
            .iter()
            .filter(|p| p.has_ports())
            .map(|p| p.as_str().to_owned())
            .collect(),
    }
}
