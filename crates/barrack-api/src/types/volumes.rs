//! Volumes. Schema names documented; fields inferred.

use super::common::*;
use super::instances::VMVolumeAttachment;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

/// Schema `VolumeResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VolumeResponse {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub region: RegionEnum,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: u64,
    pub volume_type: VolumeTypeEnum,
    pub tier: Option<TierEnum>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub bootable: bool,
    #[serde(deserialize_with = "de::opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub os_image_id: Option<String>,
    pub status: VolumeStatus,
    /// The VM it is attached to, if any.
    #[serde(deserialize_with = "de::opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub instance_id: Option<String>,
    pub instance_name: Option<String>,
    pub instance_status: Option<VMStatus>,
    pub created_at: Option<Timestamp>,
}

/// Schema `GetVolumesWithNextNameResponse`: the list plus the suggested next name
/// (`volume1`, `volume2`, …, VOL-12).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetVolumesWithNextNameResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub volumes: Vec<VolumeResponse>,
    pub next_name: Option<String>,
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

/// Schema `CreateVolumeRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreateVolumeRequest {
    pub name: String,
    pub region: RegionEnum,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<VolumeTypeEnum>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub bootable: bool,
    /// Required when bootable.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_string"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub os_image_id: Option<String>,
}

/// One volume (create, details, clone, resize).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VolumeEnvelope {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub volume: VolumeResponse,
    pub request_id: Option<String>,
}

/// Schema `CreateVolumeResponse`.
pub type CreateVolumeResponse = VolumeEnvelope;
/// Schema `GetVolumeDetailsResponse`.
pub type GetVolumeDetailsResponse = VolumeEnvelope;
/// Schema `CloneVolumeResponse`.
pub type CloneVolumeResponse = VolumeEnvelope;
/// Schema `ResizeVolumeResponse`.
pub type ResizeVolumeResponse = VolumeEnvelope;
/// Schema `DeleteVolumeResponse`.
pub type DeleteVolumeResponse = DeleteResponse;

/// Schema `ResizeVolumeRequest` (growing only, inferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ResizeVolumeRequest {
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub size_gb: u64,
}

/// Schema `CloneVolumeRequest`: a new name; the clone stays in the same region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CloneVolumeRequest {
    pub name: String,
}

/// Schemas `AttachVolumesRequest` / `DetachVolumesRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AttachVolumesRequest {
    #[serde(deserialize_with = "de::strings")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub volume_ids: Vec<String>,
}

pub type DetachVolumesRequest = AttachVolumesRequest;

/// Schemas `AttachVolumesResponse` / `DetachVolumesResponse`: the VM's attachments after.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AttachVolumesResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub instance_id: String,
    pub volumes: Vec<VMVolumeAttachment>,
    pub request_id: Option<String>,
}

pub type DetachVolumesResponse = AttachVolumesResponse;

/// One entry of "List available volume types".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VolumeTypeInfo {
    pub name: VolumeTypeEnum,
    pub tier: Option<TierEnum>,
    pub description: Option<String>,
    #[serde(deserialize_with = "de::opt_u64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub min_size_gb: Option<u64>,
    #[serde(deserialize_with = "de::opt_u64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub max_size_gb: Option<u64>,
}

/// Schema `GetVolumeTypesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GetVolumeTypesResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub volume_types: Vec<VolumeTypeInfo>,
    pub request_id: Option<String>,
}

envelope!(
    GetVolumesWithNextNameResponse,
    VolumeEnvelope,
    AttachVolumesResponse,
    GetVolumeTypesResponse
);
crate::paginated!(GetVolumesWithNextNameResponse => volumes: VolumeResponse);
