//! Pricing: request and response are documented (api/examples/post-pricing-*.json).
//!
//! Maps are keyed by the strings the server sends (tier, model, type, currency), and the
//! lookup helpers compare case-insensitively because the docs mix `advanced`/`Advanced`.

use super::common::*;
use crate::decode::{self as de};
use crate::envelope;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Query and body of the pricing endpoints (documented; which fields are required is not).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PricingRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierEnum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<CurrencyEnum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<ResourceTypeEnum>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u64"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub volume_size_gb: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<VolumeTypeEnum>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_model: Option<GpuModelEnum>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u32"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub gpu_count: Option<u32>,
}

/// A price in every currency, with its unit (`per GPU per hour`, `per TB per hour`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Price {
    pub prices: BTreeMap<String, f64>,
    pub unit: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u32"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub max_count: Option<u32>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u64"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub fixed_size_gb: Option<u64>,
}

impl Price {
    pub fn in_currency(&self, currency: &CurrencyEnum) -> Option<f64> {
        lookup(&self.prices, currency.as_str()).copied()
    }
}

fn lookup<'a, V>(map: &'a BTreeMap<String, V>, key: &str) -> Option<&'a V> {
    map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct VolumePricing {
    /// tier → volume type → price per TB per hour.
    pub pricing: BTreeMap<String, BTreeMap<String, Price>>,
    #[serde(deserialize_with = "de::opt_u64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub minimum_size_gb: Option<u64>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SnapshotPricing {
    /// tier → price per snapshot per hour (fixed size).
    pub pricing: BTreeMap<String, Price>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct GpuPricing {
    /// tier → GPU model → price per GPU per hour.
    pub pricing: BTreeMap<String, BTreeMap<String, Price>>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PricingMetadata {
    pub supported_currencies: Vec<CurrencyEnum>,
    pub supported_tiers: Vec<TierEnum>,
    #[serde(deserialize_with = "de::opt_u64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub volume_minimum_size_gb: Option<u64>,
    pub authenticated_user: Option<String>,
    pub authentication_type: Option<String>,
    /// Unix seconds in the example.
    #[serde(deserialize_with = "de::i64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub timestamp: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PricingData {
    pub volumes: VolumePricing,
    pub snapshots: SnapshotPricing,
    pub gpus: GpuPricing,
    pub metadata: PricingMetadata,
}

impl PricingData {
    /// Price of one GPU for one hour, for a model in a tier.
    pub fn gpu_price(&self, tier: &TierEnum, model: &GpuModelEnum) -> Option<&Price> {
        let models = lookup(&self.gpus.pricing, tier.as_str())?;
        lookup(models, model.as_str()).or_else(|| {
            models
                .iter()
                .find(|(k, _)| GpuModelEnum::parse(k) == *model)
                .map(|(_, v)| v)
        })
    }

    /// Every tier a model is offered in (the wizard lets the user pick, DEP-13).
    pub fn tiers_of(&self, model: &GpuModelEnum) -> Vec<TierEnum> {
        self.gpus
            .pricing
            .iter()
            .filter(|(_, models)| models.keys().any(|k| GpuModelEnum::parse(k) == *model))
            .map(|(tier, _)| TierEnum::parse(tier))
            .collect()
    }

    /// Price of one TB of a volume type for one hour.
    pub fn volume_price(&self, volume_type: &VolumeTypeEnum) -> Option<(TierEnum, &Price)> {
        self.volumes.pricing.iter().find_map(|(tier, types)| {
            types
                .iter()
                .find(|(k, _)| VolumeTypeEnum::parse(k) == *volume_type)
                .map(|(_, p)| (TierEnum::parse(tier), p))
        })
    }

    /// Price of one snapshot for one hour (documented: legacy tier only, fixed 100 GB).
    pub fn snapshot_price(&self) -> Option<&Price> {
        lookup(&self.snapshots.pricing, "legacy").or_else(|| self.snapshots.pricing.values().next())
    }

    /// The minimum volume size the pricing endpoint states (documented: 100 GB).
    pub fn volume_minimum_size_gb(&self) -> Option<u64> {
        self.metadata
            .volume_minimum_size_gb
            .or(self.volumes.minimum_size_gb)
    }
}

/// Documented: `success`, `message`, `pricing_data`, `request_id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct PricingResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub pricing_data: PricingData,
    pub request_id: Option<String>,
}

envelope!(PricingResponse);
