//! The deploy wizard's logic, without Tauri: which GPU choices exist (stock × specs ×
//! pricing), what one configuration costs, and the `barrack deploy` command line that sends
//! the same request. The desktop app and the CLI's tests both use it.

use crate::costs;
use crate::types::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A model in one tier, at its price per GPU per hour in the account's currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TierOffer {
    pub tier: TierEnum,
    pub per_gpu_hour: f64,
    /// Most GPUs one VM of this model can have (the pricing table's `max_count`; 8 when absent).
    pub max_count: u32,
}

/// Free GPUs of one model in one region, and the VM sizes deployable now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RegionStock {
    pub region: RegionEnum,
    pub available: u32,
    /// GPU counts with at least one VM deployable now, ascending.
    pub counts: Vec<u32>,
}

/// One GPU model as the wizard's first step shows it (DEP-10…13).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GpuChoice {
    pub model: GpuModelEnum,
    /// The performance label of the specs endpoint.
    pub label: Option<String>,
    pub best_for: Option<String>,
    pub memory_gb: Option<u32>,
    pub nvlink: bool,
    pub vcpus_per_gpu: Option<u32>,
    pub ram_gb_per_gpu: Option<u32>,
    pub storage_gb_per_gpu: Option<u32>,
    pub tiers: Vec<TierOffer>,
    pub stock: Vec<RegionStock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RegionChoice {
    pub name: RegionEnum,
    pub display_name: Option<String>,
    pub location: Option<String>,
    pub available: bool,
}

/// Everything the wizard's GPU and region steps need, fetched once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeployCatalog {
    pub currency: CurrencyEnum,
    pub balance: f64,
    pub gpus: Vec<GpuChoice>,
    pub regions: Vec<RegionChoice>,
}

/// Joins the stock, specs and pricing answers: every model that the stock or the pricing
/// endpoint names (the pricing example lists B300-262GB, which has no specs), in the
/// pricing table's order, then the stock's.
pub fn catalog(
    stocks: &GPUStocksResponse,
    specs: &GPUSpecsResponse,
    pricing: &PricingData,
    regions: &RegionsResponse,
    balance: &CreditBalanceResponse,
) -> DeployCatalog {
    let currency = balance.currency.clone();
    let mut models: Vec<GpuModelEnum> = Vec::new();
    let mut seen = BTreeSet::new();
    let priced = pricing.gpus.pricing.values().flat_map(|m| m.keys());
    let names = priced
        .map(|k| GpuModelEnum::parse(k))
        .chain(stocks.stocks.iter().map(|s| s.gpu_model.clone()));
    for m in names {
        if seen.insert(m.as_str().to_owned()) {
            models.push(m);
        }
    }
    let gpus = models
        .into_iter()
        .map(|model| {
            let spec = specs.specs.iter().find(|s| s.gpu_model == model);
            let tiers = pricing
                .tiers_of(&model)
                .into_iter()
                .filter_map(|tier| {
                    let price = pricing.gpu_price(&tier, &model)?;
                    Some(TierOffer {
                        per_gpu_hour: price.in_currency(&currency)?,
                        max_count: price.max_count.unwrap_or(8),
                        tier,
                    })
                })
                .collect();
            let stock = stocks
                .stocks
                .iter()
                .filter(|s| s.gpu_model == model)
                .map(|s| {
                    let mut counts: Vec<u32> = s
                        .configurations
                        .iter()
                        .filter(|c| c.available > 0 && c.gpu_count > 0)
                        .map(|c| c.gpu_count)
                        .collect();
                    counts.sort_unstable();
                    counts.dedup();
                    RegionStock {
                        region: s.region.clone(),
                        available: s.available,
                        counts,
                    }
                })
                .collect();
            GpuChoice {
                label: spec.and_then(|s| s.label.clone()),
                best_for: spec.and_then(|s| s.best_for.clone()),
                memory_gb: spec.map(|s| s.memory_gb).filter(|m| *m > 0),
                nvlink: spec.is_some_and(|s| s.nvlink),
                vcpus_per_gpu: spec.map(|s| s.specs.vcpus_per_gpu).filter(|v| *v > 0),
                ram_gb_per_gpu: spec.map(|s| s.specs.ram_gb_per_gpu).filter(|v| *v > 0),
                storage_gb_per_gpu: spec.map(|s| s.specs.storage_gb_per_gpu).filter(|v| *v > 0),
                model,
                tiers,
                stock,
            }
        })
        .collect();
    DeployCatalog {
        balance: balance.primary(),
        currency,
        gpus,
        regions: regions
            .regions
            .iter()
            .map(|r| RegionChoice {
                name: r.name.clone(),
                display_name: r.display_name.clone(),
                location: r.location.clone(),
                available: r.available,
            })
            .collect(),
    }
}

/// What one configuration costs, and how long the balance lasts at that rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeployQuote {
    pub currency: CurrencyEnum,
    pub tier: TierEnum,
    pub per_gpu_hour: f64,
    pub per_hour: f64,
    pub per_minute: f64,
    pub per_day: f64,
    pub balance: f64,
    /// `None` when the rate is zero.
    pub runway_hours: Option<f64>,
    /// Whether the balance covers 24 hours at this rate.
    pub covers_day: bool,
}

/// The price of `count` GPUs of `model` (tier: the given one, else the first the table
/// offers it in), from the pricing table alone (rules.md §16). `None` when not offered.
pub fn quote(
    pricing: &PricingData,
    model: &GpuModelEnum,
    tier: Option<&TierEnum>,
    count: u32,
    currency: &CurrencyEnum,
    balance: f64,
) -> Option<DeployQuote> {
    let tier = match tier {
        Some(t) => t.clone(),
        None => pricing.tiers_of(model).into_iter().next()?,
    };
    let per_gpu_hour = costs::finite(pricing.gpu_price(&tier, model)?.in_currency(currency)?);
    let per_hour = costs::gpu_cost_per_hour(per_gpu_hour, count);
    let balance = costs::finite(balance);
    let runway_hours = costs::runway_hours(balance, per_hour);
    Some(DeployQuote {
        currency: currency.clone(),
        tier,
        per_gpu_hour,
        per_hour,
        per_minute: per_hour / 60.0,
        per_day: costs::finite(per_hour * 24.0),
        balance,
        covers_day: runway_hours.is_none_or(|h| h >= 24.0),
        runway_hours,
    })
}

/// The file name the command line refers to for a cloud-init script (the CLI reads a file).
pub const CLOUD_INIT_FILE: &str = "cloud-init.yaml";
/// The environment variable the command line takes a Jupyter password from, so the
/// password is not written into shell history.
pub const JUPYTER_PASSWORD_VAR: &str = "JUPYTER_PASSWORD";

/// The `barrack deploy …` line that sends `req` (the CLI parses it back into the same body;
/// barrack-cli's tests check that). The cloud-init script is referred to as a file
/// ([`CLOUD_INIT_FILE`]) and a Jupyter password as `$JUPYTER_PASSWORD`.
pub fn command_line(req: &DeploymentRequest) -> String {
    let mut args: Vec<String> = vec!["barrack".into(), "deploy".into()];
    let mut opt = |name: &str, value: &str| {
        args.push(format!("--{name}"));
        args.push(shell_quote(value));
    };
    opt("name", &req.name);
    opt("gpu-model", req.gpu_model.as_str());
    opt("gpu-count", &req.gpu_count.to_string());
    if let Some(t) = &req.tier {
        opt("tier", t.as_str());
    }
    opt("region", req.region.as_str());
    let boot = match req.boot_source.kind {
        BootSourceType::Volume => "boot-volume",
        BootSourceType::CustomImage => "image",
        _ => "os-image",
    };
    opt(boot, &req.boot_source.id);
    for k in &req.ssh_key_ids {
        opt("ssh-key", k);
    }
    for r in &req.security_rules {
        opt("rule", &rule_arg(r));
    }
    if let Some(s) = &req.startup_script_id {
        opt("script", s);
    }
    for v in &req.volume_ids {
        opt("attach-volume", v);
    }
    for f in &req.firewall_ids {
        opt("firewall", f);
    }
    if req.cloud_init.as_deref().is_some_and(|s| !s.is_empty()) {
        opt("cloud-init", CLOUD_INIT_FILE);
    }
    if req.jupyter.as_ref().is_some_and(|j| j.enabled) {
        args.push("--jupyter-password".into());
        args.push(format!("\"${JUPYTER_PASSWORD_VAR}\""));
    }
    if !req.public_ip {
        args.push("--no-public-ip".into());
    }
    args.join(" ")
}

/// `DIRECTION,PROTOCOL,IPVERSION,CIDR[,PORT[-PORT]]`, the CLI's `--rule` syntax.
pub fn rule_arg(r: &VMSecurityRuleRequest) -> String {
    let mut s = format!(
        "{},{},{},{}",
        r.direction.as_str(),
        r.protocol.as_str(),
        r.ethertype.as_str(),
        r.remote_ip_prefix.trim()
    );
    match (r.port_range_min, r.port_range_max) {
        (Some(a), Some(b)) if a == b => s.push_str(&format!(",{a}")),
        (Some(a), Some(b)) => s.push_str(&format!(",{a}-{b}")),
        (Some(a), None) | (None, Some(a)) => s.push_str(&format!(",{a}")),
        (None, None) => {}
    }
    s
}

/// POSIX shell quoting: bare when safe, otherwise in single quotes.
pub fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.,/:@=+".contains(c));
    if safe {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn documented_pricing() -> PricingData {
        let raw = include_str!("../tests/testdata/post-pricing-response-200.json");
        crate::decode::from_slice::<PricingResponse>(raw.as_bytes())
            .unwrap()
            .pricing_data
    }

    #[test]
    fn quote_matches_the_documented_billing_example() {
        // 4 × H100-SXM5-80GB, advanced, USD: 9.96 per hour = 0.166 per minute.
        let p = documented_pricing();
        let q = quote(
            &p,
            &GpuModelEnum::parse("H100-SXM5-80GB"),
            Some(&TierEnum::Advanced),
            4,
            &CurrencyEnum::Usd,
            100.0,
        )
        .unwrap();
        assert!((q.per_hour - 9.96).abs() < 1e-9, "{}", q.per_hour);
        assert!((q.per_minute - 0.166).abs() < 1e-9, "{}", q.per_minute);
        assert!((q.per_day - 239.04).abs() < 1e-9);
        assert!(!q.covers_day, "100 USD lasts about 10 hours");
        assert!((q.runway_hours.unwrap() - 100.0 / 9.96).abs() < 1e-9);
    }

    #[test]
    fn quote_is_none_for_a_model_the_table_does_not_offer() {
        let p = documented_pricing();
        let m = GpuModelEnum::parse("NO-SUCH-GPU");
        assert!(quote(&p, &m, None, 1, &CurrencyEnum::Usd, 1.0).is_none());
    }

    #[test]
    fn command_line_quotes_what_the_shell_would_split() {
        let req = DeploymentRequest {
            name: "my vm's".into(),
            region: RegionEnum::parse("CANADA-1"),
            gpu_model: GpuModelEnum::parse("L40"),
            gpu_count: 2,
            boot_source: BootSource {
                kind: BootSourceType::CustomImage,
                id: "IMG1".into(),
            },
            ssh_key_ids: vec!["K1".into(), "K2".into()],
            public_ip: false,
            security_rules: vec![VMSecurityRuleRequest {
                direction: DirectionEnum::parse("ingress"),
                protocol: ProtocolEnum::parse("tcp"),
                ethertype: EthertypeEnum::parse("IPv4"),
                remote_ip_prefix: "10.0.0.0/8".into(),
                port_range_min: Some(8000),
                port_range_max: Some(8080),
            }],
            ..Default::default()
        };
        let line = command_line(&req);
        assert_eq!(
            line,
            "barrack deploy --name 'my vm'\\''s' --gpu-model L40 --gpu-count 2 --region CANADA-1 \
             --image IMG1 --ssh-key K1 --ssh-key K2 --rule ingress,tcp,IPv4,10.0.0.0/8,8000-8080 \
             --no-public-ip"
        );
    }
}
