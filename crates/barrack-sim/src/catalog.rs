//! What the emulator offers: prices, GPU models and their specs, regions, OS images,
//! volume types, protocols and AI models.
//!
//! Prices: the documented pricing response (api/examples/post-pricing-response-200.json,
//! embedded verbatim) wins (rules.md §16). That example is explicitly partial, so the
//! models it lacks are added to the `legacy` tier at the platform pages' prices
//! (rules.md §15.1) — their tier is our inference. Everything else here (specs, image
//! names beyond rules.md §14, AI models) is inferred sample data.

use barrack_api::types::*;
use serde_json::Value;

const DOCUMENTED_PRICING: &str = include_str!("pricing-documented.json");

/// GPU models the platform pages price but the API example does not: (model, USD, EUR, INR, max count).
const PLATFORM_ONLY_GPUS: &[(&str, f64, f64, f64, u32)] = &[
    ("H100-PCIe-80GB", 2.25, 2.05, 195.0, 8),
    ("A100-SXM4-80GB-NVLink", 1.59, 1.45, 135.0, 8),
    ("A100-PCIe-80GB", 1.55, 1.39, 135.0, 8),
    ("L40", 1.19, 1.09, 99.0, 8),
    ("A40", 0.69, 0.45, 49.0, 8),
];

pub fn pricing() -> PricingData {
    let doc: PricingResponse = barrack_api::decode::from_slice(DOCUMENTED_PRICING.as_bytes())
        .expect("the embedded pricing example decodes");
    let mut data = doc.pricing_data;
    let legacy = data.gpus.pricing.entry("legacy".to_owned()).or_default();
    for (model, usd, eur, inr, max) in PLATFORM_ONLY_GPUS {
        legacy.entry((*model).to_owned()).or_insert_with(|| Price {
            prices: [
                ("USD".to_owned(), *usd),
                ("EUR".to_owned(), *eur),
                ("INR".to_owned(), *inr),
            ]
            .into(),
            unit: Some("per GPU per hour".to_owned()),
            max_count: Some(*max),
            fixed_size_gb: None,
        });
    }
    data
}

/// The documented pricing body's raw JSON (used to check the emulator serves it unchanged).
pub fn documented_pricing_json() -> Value {
    serde_json::from_str(DOCUMENTED_PRICING).unwrap_or(Value::Null)
}

pub const REGIONS: &[(&str, &str, &str)] = &[
    ("NORWAY-1", "Norway", "Europe"),
    ("CANADA-1", "Canada", "North America"),
    ("US-1", "United States", "North America"),
];

/// (model, memory GB, NVLink, label, best for, vCPUs per GPU, RAM GB per GPU, architecture)
/// Labels and "best for" from rules.md §13; hardware per GPU inferred.
/// One row of [`GPU_SPECS`].
pub type GpuSpecRow = (
    &'static str,
    u32,
    bool,
    &'static str,
    &'static str,
    u32,
    u32,
    &'static str,
);

pub const GPU_SPECS: &[GpuSpecRow] = &[
    (
        "H100-SXM5-80GB",
        80,
        true,
        "Highest performance, large-scale training",
        "LLMs, complex AI research",
        24,
        240,
        "Hopper",
    ),
    (
        "H100-PCIe-NVLink-80GB",
        80,
        true,
        "High performance with NVLink",
        "Multi-GPU, distributed training",
        28,
        180,
        "Hopper",
    ),
    (
        "H100-PCIe-80GB",
        80,
        false,
        "High-performance PCIe",
        "Single-GPU inference, training",
        28,
        180,
        "Hopper",
    ),
    (
        "A100-SXM4-80GB-NVLink",
        80,
        true,
        "Deep learning, HPC",
        "Deep learning, scientific computing",
        30,
        120,
        "Ampere",
    ),
    (
        "A100-PCIe-80GB",
        80,
        false,
        "PCIe A100",
        "ML training, analytics",
        28,
        120,
        "Ampere",
    ),
    (
        "L40",
        48,
        false,
        "Balanced",
        "Inference, graphics",
        28,
        58,
        "Ada Lovelace",
    ),
    (
        "RTX-A6000",
        48,
        false,
        "Cost-effective",
        "Development, small training",
        28,
        58,
        "Ampere",
    ),
    (
        "A40",
        48,
        false,
        "Versatile professional",
        "Graphics, AI development",
        28,
        58,
        "Ampere",
    ),
    (
        "B300-262GB",
        262,
        true,
        "Next-generation Blackwell",
        "Frontier training and inference",
        30,
        275,
        "Blackwell",
    ),
];

pub fn gpu_spec(model: &GpuModelEnum) -> GPUSpec {
    let row = GPU_SPECS
        .iter()
        .find(|r| GpuModelEnum::parse(r.0) == *model);
    match row {
        Some((m, mem, nvlink, label, best, vcpu, ram, arch)) => GPUSpec {
            gpu_model: GpuModelEnum::parse(m),
            memory_gb: *mem,
            nvlink: *nvlink,
            label: Some((*label).to_owned()),
            best_for: Some((*best).to_owned()),
            specs: Specs {
                vcpus_per_gpu: *vcpu,
                ram_gb_per_gpu: *ram,
                storage_gb_per_gpu: 750,
                architecture: Some((*arch).to_owned()),
                interconnect: Some(if *nvlink { "NVLink" } else { "PCIe" }.to_owned()),
            },
        },
        None => GPUSpec {
            gpu_model: model.clone(),
            ..Default::default()
        },
    }
}

/// OS images (rules.md §14), offered in every region. Ids are per region.
pub const OS_IMAGES: &[(&str, &str, &str, bool)] = &[
    (
        "Ubuntu Server 22.04 LTS R550 CUDA 12.4",
        "22.04",
        "12.4",
        false,
    ),
    (
        "Ubuntu Server 22.04 LTS R550 CUDA 12.4 with Docker",
        "22.04",
        "12.4",
        true,
    ),
    (
        "Ubuntu Server 20.04 LTS R535 CUDA 12.2",
        "20.04",
        "12.2",
        false,
    ),
    (
        "Ubuntu Server 20.04 LTS R535 CUDA 12.2 with Docker",
        "20.04",
        "12.2",
        true,
    ),
];

pub fn os_images() -> Vec<OSImage> {
    let mut out = Vec::new();
    for (r, (region, _, _)) in REGIONS.iter().enumerate() {
        for (i, (name, version, cuda, docker)) in OS_IMAGES.iter().enumerate() {
            out.push(OSImage {
                id: format!("OS-{}{}", r + 1, i + 1),
                name: (*name).to_owned(),
                region: RegionEnum::parse(region),
                os: Some("Ubuntu".to_owned()),
                version: Some((*version).to_owned()),
                cuda_version: Some((*cuda).to_owned()),
                docker: *docker,
                default_user: Some("ubuntu".to_owned()),
                size_gb: Some(100),
            });
        }
    }
    out
}

pub fn volume_types(pricing: &PricingData) -> Vec<VolumeTypeInfo> {
    let mut out = Vec::new();
    for (tier, types) in &pricing.volumes.pricing {
        for name in types.keys() {
            out.push(VolumeTypeInfo {
                name: VolumeTypeEnum::parse(name),
                tier: Some(TierEnum::parse(tier)),
                description: Some(format!("{name} block storage ({tier} tier)")),
                min_size_gb: pricing.volume_minimum_size_gb(),
                max_size_gb: Some(barrack_api::validate::VOLUME_MAX_GB),
            });
        }
    }
    out
}

pub fn protocols() -> Vec<Protocol> {
    [
        ("TCP", ProtocolEnum::Tcp, true),
        ("UDP", ProtocolEnum::Udp, true),
        ("ICMP", ProtocolEnum::Icmp, false),
    ]
    .into_iter()
    .map(|(name, value, supports_ports)| Protocol {
        name: name.to_owned(),
        value,
        supports_ports,
    })
    .collect()
}

/// AI models: (id, name, context, USD per 1k input, USD per 1k output). Inferred sample data.
pub const AI_MODELS: &[(&str, &str, u32, f64, f64)] = &[
    (
        "llama-3.1-8b-instruct",
        "Llama 3.1 8B Instruct",
        131_072,
        0.0002,
        0.0002,
    ),
    (
        "llama-3.1-70b-instruct",
        "Llama 3.1 70B Instruct",
        131_072,
        0.0009,
        0.0009,
    ),
    (
        "qwen2.5-coder-32b",
        "Qwen 2.5 Coder 32B",
        32_768,
        0.0006,
        0.0006,
    ),
];

/// Free GPUs per model in each region at start (inferred sample stock).
pub fn default_stock(model: &str) -> u32 {
    match model {
        "B300-262GB" => 8,
        "RTX-A6000" | "A40" | "L40" => 32,
        _ => 16,
    }
}
