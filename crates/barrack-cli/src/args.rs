//! Value parsers that refuse bad input before any request, naming the field and the rule.

use barrack_api::types::*;
use barrack_api::validate;

pub fn region(s: &str) -> Result<RegionEnum, String> {
    let r = RegionEnum::parse(s);
    if r.is_other() {
        let known: Vec<&str> = RegionEnum::KNOWN.iter().map(|r| r.as_str()).collect();
        return Err(format!(
            "unknown region {s:?}; regions are {}",
            known.join(", ")
        ));
    }
    Ok(r)
}

pub fn gpu_model(s: &str) -> Result<GpuModelEnum, String> {
    if s.trim().is_empty() {
        return Err("a GPU model is required".into());
    }
    // Unknown models are passed on: the pricing table may list models this build does not know.
    Ok(GpuModelEnum::parse(s))
}

pub fn currency(s: &str) -> Result<CurrencyEnum, String> {
    let c = CurrencyEnum::parse(s);
    if c.is_other() {
        return Err(format!(
            "unknown currency {s:?}; currencies are USD, EUR, INR"
        ));
    }
    Ok(c)
}

pub fn tier(s: &str) -> Result<TierEnum, String> {
    let t = TierEnum::parse(s);
    if t.is_other() {
        return Err(format!("unknown tier {s:?}; tiers are legacy, advanced"));
    }
    Ok(t)
}

pub fn volume_type(s: &str) -> Result<VolumeTypeEnum, String> {
    let t = VolumeTypeEnum::parse(s);
    if t.is_other() {
        return Err(format!(
            "unknown volume type {s:?}; types are SSD, HDD, NVMe"
        ));
    }
    Ok(t)
}

pub fn direction(s: &str) -> Result<DirectionEnum, String> {
    let d = DirectionEnum::parse(s);
    if d.is_other() {
        return Err(format!("unknown direction {s:?}; use ingress or egress"));
    }
    Ok(d)
}

pub fn protocol(s: &str) -> Result<ProtocolEnum, String> {
    let p = ProtocolEnum::parse(s);
    if p.is_other() {
        return Err(format!("unknown protocol {s:?}; use tcp, udp or icmp"));
    }
    Ok(p)
}

pub fn ethertype(s: &str) -> Result<EthertypeEnum, String> {
    let e = EthertypeEnum::parse(s);
    if e.is_other() {
        return Err(format!("unknown IP version {s:?}; use IPv4 or IPv6"));
    }
    Ok(e)
}

/// A port: 1–65535.
pub fn port(s: &str) -> Result<u16, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=65535).contains(&n) => Ok(n as u16),
        _ => Err(format!("{s:?} is not a port; ports are 1-65535")),
    }
}

/// A resource name (1–50 letters, digits, space, -, _, .).
pub fn name(s: &str) -> Result<String, String> {
    validate::resource_name("name", s).map_err(|e| e.message)?;
    Ok(s.to_owned())
}

/// A security rule written as `DIRECTION,PROTOCOL,IPVERSION,CIDR[,MIN[-MAX]]`,
/// e.g. `ingress,tcp,IPv4,0.0.0.0/0,22` or `ingress,icmp,IPv6,::/0`.
pub fn rule(s: &str) -> Result<VMSecurityRuleRequest, String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    if !(4..=5).contains(&parts.len()) {
        return Err("a rule is DIRECTION,PROTOCOL,IPVERSION,CIDR[,PORT[-PORT]], e.g. ingress,tcp,IPv4,0.0.0.0/0,22".into());
    }
    let (lo, hi) = match parts.get(4) {
        None => (None, None),
        Some(p) => match p.split_once('-') {
            Some((a, b)) => (Some(port(a)?), Some(port(b)?)),
            None => {
                let one = port(p)?;
                (Some(one), Some(one))
            }
        },
    };
    let rule = VMSecurityRuleRequest {
        direction: direction(parts[0])?,
        protocol: protocol(parts[1])?,
        ethertype: ethertype(parts[2])?,
        remote_ip_prefix: parts[3].to_owned(),
        port_range_min: lo,
        port_range_max: hi,
    };
    validate::security_rule(&rule).map_err(|e| e.to_string())?;
    Ok(rule)
}

/// An SSH key name (1–50 letters, digits, -, _, . and no spaces).
pub fn ssh_key_name(s: &str) -> Result<String, String> {
    validate::ssh_key_name("name", s).map_err(|e| e.to_string())?;
    Ok(s.to_owned())
}

/// One line of OpenSSH public-key text (`ssh-ed25519 AAAA… comment`).
pub fn ssh_public_key(s: &str) -> Result<String, String> {
    validate::ssh_public_key("public_key", s).map_err(|e| e.to_string())?;
    Ok(s.trim().to_owned())
}

/// A description: at most 255 characters.
pub fn description(s: &str) -> Result<String, String> {
    validate::description("description", Some(s)).map_err(|e| e.message)?;
    Ok(s.to_owned())
}

/// A volume size in whole GB, 10 GB to 1 PB (a bootable volume needs 100 GB; the server
/// may ask for more, see `barrack volumes types`).
pub fn volume_size_gb(s: &str) -> Result<u64, String> {
    let n: u64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size; give a whole number of GB, e.g. 100"))?;
    validate::volume_size("size", n, false, None).map_err(|e| e.message)?;
    Ok(n)
}

/// A date for the billing filters: YYYY-MM-DD or an ISO 8601 date-time.
pub fn date(s: &str) -> Result<String, String> {
    barrack_api::decode::Timestamp::parse(s)
        .map(|_| s.trim().to_owned())
        .ok_or_else(|| format!("{s:?} is not a date; use YYYY-MM-DD or ISO 8601"))
}
