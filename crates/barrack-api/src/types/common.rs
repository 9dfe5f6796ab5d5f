//! Enums and shapes shared by several groups of operations.
//!
//! Enum names follow the documentation's schema list (`GpuModelEnum`, `RegionEnum`,
//! `VMStatus`, …). Wire spellings are documented where an example showed them
//! (tier, currency, volume type, GPU model); the others are inferred and marked so.

use crate::decode::{self as de};
use crate::open_enum;
use serde::{Deserialize, Serialize};

open_enum! {
    /// `legacy` / `advanced` (documented: pricing metadata `supported_tiers`; the volume
    /// billing example writes `"Advanced"`, hence case-insensitive matching).
    TierEnum { Legacy => "legacy", Advanced => "advanced" }
}

open_enum! {
    /// Documented: pricing metadata `supported_currencies`.
    CurrencyEnum { Usd => "USD", Eur => "EUR", Inr => "INR" }
}

open_enum! {
    /// Region names from the platform docs (not seen in an API example).
    RegionEnum { Norway1 => "NORWAY-1", Canada1 => "CANADA-1", Us1 => "US-1" }
}

open_enum! {
    /// GPU models. The first four appear in API examples; the others in platform docs.
    GpuModelEnum {
        H100Sxm5_80gb => "H100-SXM5-80GB",
        H100PcieNvlink80gb => "H100-PCIe-NVLink-80GB",
        H100Pcie80gb => "H100-PCIe-80GB",
        A100Sxm4_80gbNvlink => "A100-SXM4-80GB-NVLink" | "A100-SXM4-80GB",
        A100Pcie80gb => "A100-PCIe-80GB",
        L40 => "L40",
        RtxA6000 => "RTX-A6000",
        A40 => "A40",
        B300_262gb => "B300-262GB",
    }
}

open_enum! {
    /// Documented in the pricing example: SSD (legacy), HDD and NVMe (advanced).
    VolumeTypeEnum { Ssd => "SSD" | "Cloud-SSD", Hdd => "HDD", Nvme => "NVMe" }
}

open_enum! {
    /// `volumes` is documented (pricing request); `snapshots` and `gpus` follow the
    /// pricing response's keys (inferred).
    ResourceTypeEnum { Volumes => "volumes", Snapshots => "snapshots", Gpus => "gpus" }
}

open_enum! {
    /// Instance states (platform docs). Wire spelling inferred as upper case.
    VMStatus {
        Creating => "CREATING" | "BUILD",
        Active => "ACTIVE" | "RUNNING",
        Stopping => "STOPPING",
        Shutoff => "SHUTOFF" | "STOPPED",
        Starting => "STARTING",
        Rebooting => "REBOOTING",
        Hibernating => "HIBERNATING",
        Hibernated => "HIBERNATED",
        Restoring => "RESTORING",
        Deleting => "DELETING",
        Deleted => "DELETED",
        Error => "ERROR",
        Unknown => "UNKNOWN",
    }
}

open_enum! {
    /// Rule direction (platform docs: ingress/egress; wire spelling inferred).
    DirectionEnum { Ingress => "ingress", Egress => "egress" }
}

open_enum! {
    /// IP version of a rule (platform docs).
    EthertypeEnum { IPv4 => "IPv4", IPv6 => "IPv6" }
}

open_enum! {
    /// Rule protocol (platform docs: TCP, UDP, ICMP; wire spelling inferred lower case).
    ProtocolEnum { Tcp => "tcp", Udp => "udp", Icmp => "icmp" }
}

impl ProtocolEnum {
    /// Ports apply to TCP and UDP only.
    pub fn has_ports(&self) -> bool {
        matches!(self, ProtocolEnum::Tcp | ProtocolEnum::Udp)
    }
}

open_enum! {
    /// Snapshot states: SUCCESS (also "available") is restorable.
    SnapshotStatus { Creating => "CREATING", Success => "SUCCESS" | "available", Error => "ERROR", Deleting => "DELETING" }
}

open_enum! {
    /// Custom image states: Creating → Available (also "SUCCESS").
    ImageStatus { Creating => "CREATING", Available => "AVAILABLE" | "SUCCESS", Error => "ERROR" }
}

open_enum! {
    /// Volume states (platform docs).
    VolumeStatus { Creating => "CREATING", Available => "AVAILABLE", Attached => "ATTACHED" | "in-use", Deleting => "DELETING", Error => "ERROR" }
}

open_enum! {
    /// Firewall states (platform docs).
    FirewallStatus { Creating => "CREATING", Success => "SUCCESS", Error => "ERROR" }
}

open_enum! {
    /// Firewall ↔ VM attachment states (platform docs).
    AttachmentStatus { Attaching => "ATTACHING", Success => "SUCCESS", Error => "ERROR" }
}

open_enum! {
    /// Billing record status. Documented values: `active` (instance), `completed`
    /// (snapshot), `available` (volume); `hibernated` follows the summary's `hibernatedCount`.
    BillingStatus { Active => "active", Completed => "completed", Hibernated => "hibernated", Available => "available" }
}

/// The envelope fields every documented response carries.
pub trait Envelope {
    fn success(&self) -> bool;
    fn message(&self) -> Option<&str>;
    fn request_id(&self) -> Option<&str>;
}

/// Pagination of a list response (documented on the billing responses).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PageInfo {
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
}

/// A list response that can be walked page by page.
pub trait Paginated {
    type Item;
    fn page_info(&self) -> PageInfo;
    fn into_items(self) -> Vec<Self::Item>;
}

/// Page request. Parameter names `page` and `limit` are inferred from the response fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PageQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl PageQuery {
    pub fn new(page: u32, limit: u32) -> Self {
        PageQuery {
            page: Some(page),
            limit: Some(limit),
        }
    }
}

/// Region filter (inferred query parameter `region`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegionQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionEnum>,
}

/// Region filter plus page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegionPageQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionEnum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// The plain answer of a delete or other action with nothing else to say (inferred shape,
/// modelled on the documented `RemoveVMSecurityRuleResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct DeleteResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub id: Option<String>,
    pub request_id: Option<String>,
}

/// Implements [`Envelope`] for response structs that have the usual three fields.
#[macro_export]
macro_rules! envelope {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::types::common::Envelope for $t {
            fn success(&self) -> bool { self.success }
            fn message(&self) -> Option<&str> { self.message.as_deref() }
            fn request_id(&self) -> Option<&str> { self.request_id.as_deref() }
        }
    )+};
}

/// Implements [`Paginated`] for a list response with flattened [`PageInfo`] fields.
#[macro_export]
macro_rules! paginated {
    ($($t:ty => $field:ident : $item:ty),+ $(,)?) => {$(
        impl $crate::types::common::Paginated for $t {
            type Item = $item;
            fn page_info(&self) -> $crate::types::common::PageInfo {
                $crate::types::common::PageInfo {
                    total: self.total,
                    page: self.page,
                    limit: self.limit,
                    total_pages: self.total_pages,
                }
            }
            fn into_items(self) -> Vec<$item> { self.$field }
        }
    )+};
}

envelope!(DeleteResponse);
