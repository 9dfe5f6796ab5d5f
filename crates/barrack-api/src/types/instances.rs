//! Instances (VMs) and deployment. Schema names documented; every field inferred.

use super::common::*;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

/// The hardware of a VM (schema `VMFlavor`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMFlavor {
    pub name: Option<String>,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub cpu_cores: u32,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub ram_gb: u32,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub storage_gb: u32,
    pub gpu_model: GpuModelEnum,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub gpu_count: u32,
}

crate::open_enum! {
    /// The three boot sources of the wizard (DEP-30): OS image, bootable volume, custom image.
    BootSourceType { OsImage => "os_image", Volume => "volume", CustomImage => "custom_image" }
}

/// What the VM booted from (schema `VMImage`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMImage {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: BootSourceType,
    /// Login user of the image (`ubuntu` on Ubuntu images).
    pub default_user: Option<String>,
}

/// A volume attached to a VM (schema `VMVolumeAttachment`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMVolumeAttachment {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub volume_id: String,
    pub volume_name: String,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: u64,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub bootable: bool,
    pub device: Option<String>,
}

/// A per-instance security rule as stored (schema `VMSecurityRule`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMSecurityRule {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub direction: DirectionEnum,
    pub protocol: ProtocolEnum,
    pub ethertype: EthertypeEnum,
    pub remote_ip_prefix: String,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u16"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u16>))]
    pub port_range_min: Option<u16>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u16"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u16>))]
    pub port_range_max: Option<u16>,
    pub created_at: Option<Timestamp>,
}

/// A rule to add (schema `VMSecurityRuleRequest`; also the body of "Add firewall rule").
/// Field names follow the OpenStack-style names the platform docs describe (inferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMSecurityRuleRequest {
    pub direction: DirectionEnum,
    pub protocol: ProtocolEnum,
    pub ethertype: EthertypeEnum,
    pub remote_ip_prefix: String,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u16"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u16>))]
    pub port_range_min: Option<u16>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u16"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u16>))]
    pub port_range_max: Option<u16>,
}

impl VMSecurityRuleRequest {
    pub fn from_rule(rule: &VMSecurityRule) -> Self {
        VMSecurityRuleRequest {
            direction: rule.direction.clone(),
            protocol: rule.protocol.clone(),
            ethertype: rule.ethertype.clone(),
            remote_ip_prefix: rule.remote_ip_prefix.clone(),
            port_range_min: rule.port_range_min,
            port_range_max: rule.port_range_max,
        }
    }
}

/// A VM (schemas `VMInstance` / `UserVM`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMInstance {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub status: VMStatus,
    pub region: RegionEnum,
    pub tier: Option<TierEnum>,
    pub flavor: VMFlavor,
    pub image: VMImage,
    pub private_ip: Option<String>,
    pub public_ip: Option<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub public_ip_enabled: bool,
    /// Needed to attach a firewall (platform docs).
    pub server_uuid: Option<String>,
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub ssh_key_ids: Vec<String>,
    pub volumes: Vec<VMVolumeAttachment>,
    pub security_rules: Vec<VMSecurityRule>,
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub firewall_ids: Vec<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub jupyter_enabled: bool,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// When the VM entered its current status.
    pub status_changed_at: Option<Timestamp>,
    /// The deployment's id, `DEP` and seven digits, which support requests quote (DEP-61;
    /// the field's name and place are inferred).
    pub deployment_id: Option<String>,
}

/// Filters of `GET instances/` (inferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InstanceListQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionEnum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<VMStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ListVMsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub instances: Vec<VMInstance>,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total: u64,
    #[serde(deserialize_with = "de::count_u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub page: u32,
    #[serde(deserialize_with = "de::count_u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub limit: u32,
    #[serde(deserialize_with = "de::count_u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub total_pages: u32,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VMDetailsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub instance: VMInstance,
    pub request_id: Option<String>,
}

/// The boot source of a deployment. How the real API selects it is not documented
/// (api/gaps.md item 2); this `{ "type", "id" }` object is our inference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct BootSource {
    #[serde(rename = "type")]
    pub kind: BootSourceType,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
}

/// Jupyter notebook option (DEP-52).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct JupyterConfig {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub enabled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// Body of "Create a new instance" (schema `DeploymentRequest`; fields inferred).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct DeploymentRequest {
    pub name: String,
    pub region: RegionEnum,
    pub gpu_model: GpuModelEnum,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub gpu_count: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierEnum>,
    pub boot_source: BootSource,
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub ssh_key_ids: Vec<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub public_ip: bool,
    pub security_rules: Vec<VMSecurityRuleRequest>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jupyter: Option<JupyterConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_init: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub startup_script_id: Option<String>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de::strings"
    )]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub volume_ids: Vec<String>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de::strings"
    )]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub firewall_ids: Vec<String>,
}

/// Schema `DeploymentResponse` (fields inferred).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct DeploymentResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub instance: Option<VMInstance>,
    pub tier: Option<TierEnum>,
    /// `DEP1234567` (DEP-61; inferred, like the instance's `deployment_id`).
    pub deployment_id: Option<String>,
    pub request_id: Option<String>,
}

/// The answer of start/stop/reboot/hibernate/restore/delete: the flat shape of the
/// documented `RemoveVMSecurityRuleResponse`, plus the new status (inferred).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct InstanceActionResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub status: Option<VMStatus>,
    pub tier: Option<TierEnum>,
    pub request_id: Option<String>,
}

pub type StartVMResponse = InstanceActionResponse;
pub type StopVMResponse = InstanceActionResponse;
pub type RebootVMResponse = InstanceActionResponse;
pub type HibernateVMResponse = InstanceActionResponse;
pub type RestoreVMResponse = InstanceActionResponse;
pub type DeleteVMResponse = InstanceActionResponse;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct TogglePublicIpRequest {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub enabled: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ToggleVMPublicIPResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub public_ip_enabled: bool,
    pub public_ip: Option<String>,
    pub tier: Option<TierEnum>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AddVMSecurityRuleResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub rule: VMSecurityRule,
    pub tier: Option<TierEnum>,
    pub request_id: Option<String>,
}

/// Documented (schema example): `success`, `message`, `instance_id`, `rule_id`, `tier`, `request_id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RemoveVMSecurityRuleResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub rule_id: String,
    pub tier: Option<TierEnum>,
    pub request_id: Option<String>,
}

/// Schema `RecentHibernation`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RecentHibernation {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub name: String,
    pub region: RegionEnum,
    pub gpu_model: GpuModelEnum,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub gpu_count: u32,
    pub hibernated_at: Option<Timestamp>,
}

/// Schema `HibernationBillingMetrics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct HibernationBillingMetrics {
    /// Per hibernated VM per hour.
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub hourly_rate: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_hourly_cost: f64,
    pub currency: CurrencyEnum,
}

/// Schema `GetHibernatedVMsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetHibernatedVMsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub count: u32,
    pub instances: Vec<RecentHibernation>,
    pub billing: HibernationBillingMetrics,
    pub request_id: Option<String>,
}

/// Schema `AttachedFirewall`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AttachedFirewall {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub firewall_id: String,
    pub name: String,
    pub status: FirewallStatus,
    pub attachment_status: AttachmentStatus,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub rules_count: u32,
}

/// Schema `GetVMAttachedFirewallsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetVMAttachedFirewallsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub firewalls: Vec<AttachedFirewall>,
    pub request_id: Option<String>,
}

envelope!(
    ListVMsResponse,
    VMDetailsResponse,
    DeploymentResponse,
    InstanceActionResponse,
    ToggleVMPublicIPResponse,
    AddVMSecurityRuleResponse,
    RemoveVMSecurityRuleResponse,
    GetHibernatedVMsResponse,
    GetVMAttachedFirewallsResponse,
);
crate::paginated!(ListVMsResponse => instances: VMInstance);
