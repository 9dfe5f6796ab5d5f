//! Snapshots and custom images. Schema names documented; fields inferred.

use super::common::*;
use super::instances::VMInstance;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

/// The source VM's configuration kept with a snapshot (SNAP-20).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotVmConfig {
    pub region: RegionEnum,
    #[serde(deserialize_with = "de::opt_u32")]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub vcpus: Option<u32>,
    #[serde(deserialize_with = "de::opt_u32")]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub ram_gb: Option<u32>,
    pub gpu_model: Option<GpuModelEnum>,
    #[serde(deserialize_with = "de::opt_u32")]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub gpu_count: Option<u32>,
    #[serde(deserialize_with = "de::opt_u64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub disk_gb: Option<u64>,
}

/// Schema `Snapshot`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Snapshot {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub instance_name: Option<String>,
    pub region: RegionEnum,
    /// Real size after compression and deduplication.
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: f64,
    pub status: SnapshotStatus,
    /// "Create as Image": the snapshot's type is Image and it can boot a VM (DEP-35).
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub is_image: bool,
    pub vm_config: Option<SnapshotVmConfig>,
    pub created_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ListSnapshotsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub snapshots: Vec<Snapshot>,
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
pub struct SnapshotDetailsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub snapshot: Snapshot,
    pub request_id: Option<String>,
}

/// Schema `CreateSnapshotRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreateSnapshotRequest {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub is_image: bool,
}

/// Schema `CreateSnapshotResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreateSnapshotResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub snapshot: Snapshot,
    pub request_id: Option<String>,
}

pub type DeleteSnapshotResponse = DeleteResponse;

/// Schema `RestoreSnapshotRequest`: the new VM's name (default `{snapshot}-restored`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RestoreSnapshotRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Schema `RestoreSnapshotResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RestoreSnapshotResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub snapshot_id: String,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub instance: Option<VMInstance>,
    pub request_id: Option<String>,
}

/// "List Instance eligible for snapshot creation": the ACTIVE VMs of a region.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotEligibleInstancesResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub instances: Vec<VMInstance>,
    pub request_id: Option<String>,
}

/// Schema `Image`: a custom image made from a snapshot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Image {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub region: RegionEnum,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: f64,
    pub status: ImageStatus,
    #[serde(deserialize_with = "de::opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub snapshot_id: Option<String>,
    pub snapshot_name: Option<String>,
    pub created_at: Option<Timestamp>,
}

/// Schema `ImageListResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ImageListResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub images: Vec<Image>,
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

/// Schema `ImageDetailResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ImageDetailResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub image: Image,
    pub request_id: Option<String>,
}

/// Schema `ImageDeleteResponse`.
pub type ImageDeleteResponse = DeleteResponse;

/// Schema `CreateImageFromSnapshotRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreateImageFromSnapshotRequest {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub snapshot_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Schema `ImageCreateResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ImageCreateResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub image: Image,
    pub request_id: Option<String>,
}

/// Schema `SnapshotImageRelationshipResponse`: the images made from one snapshot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotImageRelationshipResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub snapshot_id: String,
    pub snapshot_name: Option<String>,
    pub images: Vec<Image>,
    pub request_id: Option<String>,
}

/// Schema `GetBatchSnapshotImageRelationshipsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetBatchSnapshotImageRelationshipsRequest {
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub snapshot_ids: Vec<String>,
}

/// One entry of the batch answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotImageRelationship {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub snapshot_id: String,
    pub snapshot_name: Option<String>,
    pub images: Vec<Image>,
}

/// Schema `BatchSnapshotImageRelationshipResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct BatchSnapshotImageRelationshipResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub relationships: Vec<SnapshotImageRelationship>,
    pub request_id: Option<String>,
}

envelope!(
    ListSnapshotsResponse,
    SnapshotDetailsResponse,
    CreateSnapshotResponse,
    RestoreSnapshotResponse,
    SnapshotEligibleInstancesResponse,
    ImageListResponse,
    ImageDetailResponse,
    ImageCreateResponse,
    SnapshotImageRelationshipResponse,
    BatchSnapshotImageRelationshipResponse
);
crate::paginated!(
    ListSnapshotsResponse => snapshots: Snapshot,
    ImageListResponse => images: Image,
);
