//! Billing records: the three response shapes are documented
//! (api/examples/get-instance-billing-response-200.json, get-volume-billing-…, and the
//! snapshot billing fields in api/endpoints.md row 48). Summaries are camelCase on the
//! wire inside snake_case responses; snake_case spellings are accepted as well.

use super::common::*;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

/// Filters of the billing endpoints. `page`/`limit` are inferred from the response fields;
/// the resource and date filters are inferred too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct BillingQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// An instance, volume or snapshot id, depending on the endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// ISO date or date-time, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}

/// One instance billing record (schema `BillingRecord`; documented).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct BillingRecord {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub billing_id: String,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub vm_name: String,
    pub gpu_type: GpuModelEnum,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub gpu_count: u32,
    pub tier: Option<TierEnum>,
    pub start_time: Option<Timestamp>,
    pub end_time: Option<Timestamp>,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_duration_minutes: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub per_minute_rate: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_cost: f64,
    pub currency: CurrencyEnum,
    pub status: BillingStatus,
    pub description: Option<String>,
}

/// Schema `BillingSummary` (documented; camelCase on the wire).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default, rename_all = "camelCase")]
pub struct BillingSummary {
    #[serde(alias = "total_minutes", deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_minutes: f64,
    #[serde(alias = "active_count", deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub active_count: u64,
    #[serde(alias = "completed_count", deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub completed_count: u64,
    #[serde(alias = "hibernated_count", deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub hibernated_count: u64,
    #[serde(alias = "average_usage", deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub average_usage: f64,
    #[serde(alias = "total_cost", deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_cost: f64,
}

/// Instance billing response (documented body; schema name not seen, so ours).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct InstanceBillingResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub records: Vec<BillingRecord>,
    pub summary: BillingSummary,
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
    pub currency: Option<CurrencyEnum>,
    pub request_id: Option<String>,
}

/// One volume billing record (schema `VolumeBillingRecord`; documented).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VolumeBillingRecord {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub billing_id: String,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub volume_id: String,
    pub volume_name: String,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: u64,
    pub tier: Option<TierEnum>,
    pub start_time: Option<Timestamp>,
    pub end_time: Option<Timestamp>,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_duration_minutes: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub per_minute_rate: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_cost: f64,
    pub currency: CurrencyEnum,
    pub status: BillingStatus,
    pub description: Option<String>,
}

/// Storage billing summary (volumes and snapshots; documented, camelCase).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default, rename_all = "camelCase")]
pub struct StorageBillingSummary {
    #[serde(alias = "total_minutes", deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_minutes: f64,
    #[serde(alias = "active_count", deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub active_count: u64,
    #[serde(alias = "average_usage", deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub average_usage: f64,
    #[serde(
        rename = "totalSizeGB",
        alias = "total_size_gb",
        alias = "totalSizeGb",
        deserialize_with = "de::f64"
    )]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_size_gb: f64,
    #[serde(alias = "total_cost", deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_cost: f64,
}

/// Schema `VolumeHourlyBillingResponse` (documented).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VolumeHourlyBillingResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub records: Vec<VolumeBillingRecord>,
    pub summary: StorageBillingSummary,
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
    pub currency: Option<CurrencyEnum>,
    pub request_id: Option<String>,
}

/// One snapshot billing record (documented fields).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotBillingRecord {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub billing_id: String,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub snapshot_id: String,
    pub snapshot_name: String,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: u64,
    pub tier: Option<TierEnum>,
    pub start_time: Option<Timestamp>,
    pub end_time: Option<Timestamp>,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_duration_minutes: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub per_minute_rate: f64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_cost: f64,
    pub currency: CurrencyEnum,
    pub status: BillingStatus,
    pub description: Option<String>,
}

/// Snapshot billing response (documented fields; carries a top-level `tier` as well).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotBillingResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub records: Vec<SnapshotBillingRecord>,
    pub summary: StorageBillingSummary,
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
    pub currency: Option<CurrencyEnum>,
    pub tier: Option<TierEnum>,
    pub request_id: Option<String>,
}

envelope!(
    InstanceBillingResponse,
    VolumeHourlyBillingResponse,
    SnapshotBillingResponse
);
crate::paginated!(
    InstanceBillingResponse => records: BillingRecord,
    VolumeHourlyBillingResponse => records: VolumeBillingRecord,
    SnapshotBillingResponse => records: SnapshotBillingRecord,
);
