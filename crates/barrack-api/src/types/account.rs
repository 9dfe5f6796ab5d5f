//! Balance, GPU stock and specs, regions, OS images. All shapes inferred (schema names documented).

use super::common::*;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

/// One currency's balance. Balances are kept per currency (BILL-06).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Balance {
    pub currency: CurrencyEnum,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub amount: f64,
}

/// `GET balance/` (inferred shape).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CreditBalanceResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    /// The user's Barrack ID (DASH-01).
    #[serde(deserialize_with = "de::opt_string")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub account_id: Option<String>,
    /// The account's currency, fixed by the profile's country.
    pub currency: CurrencyEnum,
    pub balances: Vec<Balance>,
    /// Address line, postal code and country filled in (ACCT-04).
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub profile_complete: bool,
    pub request_id: Option<String>,
}

impl CreditBalanceResponse {
    /// The balance in the account's own currency (0 when absent).
    pub fn primary(&self) -> f64 {
        self.balances
            .iter()
            .find(|b| b.currency == self.currency)
            .map(|b| b.amount)
            .unwrap_or(0.0)
    }
}

/// Stock for one GPU count (schema `GPUStockConfiguration`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GPUStockConfiguration {
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub gpu_count: u32,
    /// How many VMs of this size can be deployed now.
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub available: u32,
}

/// Stock of one model in one region (schema `GPUStockItem`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GPUStockItem {
    pub gpu_model: GpuModelEnum,
    pub region: RegionEnum,
    pub tier: Option<TierEnum>,
    /// Free GPUs of this model in this region.
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub available: u32,
    pub configurations: Vec<GPUStockConfiguration>,
}

/// Optional filters of `GET gpus/stocks/` (inferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GpuStocksQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionEnum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_model: Option<GpuModelEnum>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GPUStocksResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub stocks: Vec<GPUStockItem>,
    pub request_id: Option<String>,
}

/// Hardware that comes with each GPU (schema `Specs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Specs {
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub vcpus_per_gpu: u32,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub ram_gb_per_gpu: u32,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub storage_gb_per_gpu: u32,
    pub architecture: Option<String>,
    pub interconnect: Option<String>,
}

/// One GPU model (schema `GPUSpec`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GPUSpec {
    pub gpu_model: GpuModelEnum,
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub memory_gb: u32,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub nvlink: bool,
    pub label: Option<String>,
    pub best_for: Option<String>,
    pub specs: Specs,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SpecsMetadata {
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub total_models: u32,
    pub updated_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GPUSpecsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub specs: Vec<GPUSpec>,
    pub metadata: SpecsMetadata,
    pub request_id: Option<String>,
}

/// Schema `Region`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Region {
    pub name: RegionEnum,
    pub display_name: Option<String>,
    pub location: Option<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub available: bool,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct RegionsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub regions: Vec<Region>,
    pub request_id: Option<String>,
}

envelope!(
    CreditBalanceResponse,
    GPUStocksResponse,
    GPUSpecsResponse,
    RegionsResponse
);

/// An OS image that can boot a VM or a bootable volume (schema `OSImage`; fields inferred).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct OSImage {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub region: RegionEnum,
    pub os: Option<String>,
    pub version: Option<String>,
    pub cuda_version: Option<String>,
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub docker: bool,
    /// Login user (`ubuntu` on Ubuntu images).
    pub default_user: Option<String>,
    #[serde(deserialize_with = "de::opt_u64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub size_gb: Option<u64>,
}

/// Schema `OSImagesResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct OSImagesResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub images: Vec<OSImage>,
    pub request_id: Option<String>,
}

envelope!(OSImagesResponse);
