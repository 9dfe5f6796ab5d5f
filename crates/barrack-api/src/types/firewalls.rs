//! Firewalls. Schema names documented; fields inferred.

use super::common::*;
use super::instances::VMSecurityRuleRequest;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

/// Schema `FirewallRule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct FirewallRule {
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

/// Schema `FirewallAttachment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct FirewallAttachment {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub instance_name: String,
    pub instance_status: VMStatus,
    pub status: AttachmentStatus,
    pub attached_at: Option<Timestamp>,
}

/// Schema `FirewallResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct FirewallResponse {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub region: RegionEnum,
    pub status: FirewallStatus,
    pub rules: Vec<FirewallRule>,
    pub attachments: Vec<FirewallAttachment>,
    pub created_at: Option<Timestamp>,
}

/// Schema `ListFirewallsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ListFirewallsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub firewalls: Vec<FirewallResponse>,
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

/// Schema `GetFirewallDetailsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetFirewallDetailsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub firewall: FirewallResponse,
    pub request_id: Option<String>,
}

/// Schema `Protocol`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Protocol {
    pub name: String,
    pub value: ProtocolEnum,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub supports_ports: bool,
}

/// Schema `GetSupportedProtocolsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetSupportedProtocolsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub protocols: Vec<Protocol>,
    pub request_id: Option<String>,
}

/// Schema `FirewallVM`: a VM and whether a firewall can be attached to it now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct FirewallVM {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub status: VMStatus,
    pub region: RegionEnum,
    pub server_uuid: Option<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub eligible: bool,
    /// Why not, when not eligible ("restore first", "start first", …).
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct FirewallEligibleInstancesResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub instances: Vec<FirewallVM>,
    pub request_id: Option<String>,
}

/// Schema `CreateFirewallRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreateFirewallRequest {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub region: RegionEnum,
}

/// Schema `CreateFirewallResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreateFirewallResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub firewall: FirewallResponse,
    pub request_id: Option<String>,
}

pub type DeleteFirewallResponse = DeleteResponse;

/// Schema `AddFirewallRuleRequest`: the same fields as an instance security rule.
pub type AddFirewallRuleRequest = VMSecurityRuleRequest;

/// Schema `AddFirewallRuleResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AddFirewallRuleResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub firewall_id: String,
    pub rule: FirewallRule,
    pub request_id: Option<String>,
}

/// Schema `RemoveFirewallRuleResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RemoveFirewallRuleResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub firewall_id: String,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub rule_id: String,
    pub request_id: Option<String>,
}

/// Schema `AttachFirewallRequest`. The API's table of contents has no "detach" operation,
/// so we infer that the list is the complete set of VMs the firewall is attached to
/// afterwards: leaving a VM out detaches it. The CLI's `firewalls detach` relies on this;
/// the inferred `detach_firewall` names only the VMs to take off instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AttachFirewallRequest {
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub instance_ids: Vec<String>,
}

/// Body of "detach firewall", an operation **inferred** by us (Barrack's table of contents
/// has none; see operations.rs): the VMs to take off the firewall; the others stay attached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct DetachFirewallRequest {
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub instance_ids: Vec<String>,
}

/// The answer to "detach firewall" (inferred): the attachments left, as attach answers.
pub type DetachFirewallResponse = AttachFirewallResponse;

/// Schema `AttachFirewallResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AttachFirewallResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub firewall_id: String,
    pub attachments: Vec<FirewallAttachment>,
    pub request_id: Option<String>,
}

envelope!(
    ListFirewallsResponse,
    GetFirewallDetailsResponse,
    GetSupportedProtocolsResponse,
    FirewallEligibleInstancesResponse,
    CreateFirewallResponse,
    AddFirewallRuleResponse,
    RemoveFirewallRuleResponse,
    AttachFirewallResponse
);
crate::paginated!(ListFirewallsResponse => firewalls: FirewallResponse);
