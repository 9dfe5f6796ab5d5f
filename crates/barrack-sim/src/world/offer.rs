//! What the emulator offers — prices, OS images, GPU models — built once from the bundled
//! catalog and shared by every account.

use crate::catalog;
use barrack_api::types::*;

/// Things the emulator offers, built once.
pub struct Catalog {
    pub pricing: PricingData,
    pub os_images: Vec<OSImage>,
}

impl Catalog {
    pub fn new() -> Self {
        Catalog {
            pricing: catalog::pricing(),
            os_images: catalog::os_images(),
        }
    }

    /// The tier a model is offered in (the first listed when several).
    pub fn tier_of(&self, model: &GpuModelEnum) -> Option<TierEnum> {
        self.pricing.tiers_of(model).into_iter().next()
    }

    pub fn gpu_models(&self) -> Vec<GpuModelEnum> {
        let mut models: Vec<GpuModelEnum> = Vec::new();
        for tier in self.pricing.gpus.pricing.values() {
            for m in tier.keys() {
                let m = GpuModelEnum::parse(m);
                if !models.contains(&m) {
                    models.push(m);
                }
            }
        }
        models
    }
}

impl Default for Catalog {
    fn default() -> Self {
        Self::new()
    }
}
