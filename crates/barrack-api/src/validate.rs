//! The documented input rules (platform/rules.md §6–§8, §11), in one place the UI, the CLI,
//! the client and the emulator share. Messages are written for a person and name the rule.

use crate::types::*;
use std::net::{Ipv4Addr, Ipv6Addr};

/// A rule broken by one field. `field` is the form's field id (the UI shows `message` there),
/// so the message is a sentence for a person, not a fragment after the field's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl From<FieldError> for crate::ApiError {
    fn from(e: FieldError) -> Self {
        crate::ApiError::validation(e.field, e.message)
    }
}

pub type Checked = Result<(), FieldError>;

pub const NAME_MAX: usize = 50;
pub const DESCRIPTION_MAX: usize = 255;
pub const CLOUD_INIT_MAX_BYTES: usize = 16 * 1024;
pub const JUPYTER_PASSWORD_MIN: usize = 8;
pub const VOLUME_MIN_GB: u64 = 10;
pub const BOOTABLE_VOLUME_MIN_GB: u64 = 100;
pub const VOLUME_MAX_GB: u64 = 1_048_576;
pub const FIREWALLS_PER_ACCOUNT: usize = 25;
pub const SSH_KEYS_PER_REGION: usize = 25;

fn name_with(field: &str, value: &str, spaces: bool) -> Checked {
    let len = value.chars().count();
    if len == 0 || value.trim().is_empty() {
        return Err(FieldError::new(field, "A name is required."));
    }
    if len > NAME_MAX {
        return Err(FieldError::new(
            field,
            format!("Must be at most {NAME_MAX} characters (it has {len})."),
        ));
    }
    let allowed =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') || (spaces && c == ' ');
    if let Some(bad) = value.chars().find(|c| !allowed(*c)) {
        let rule = if spaces {
            "letters, digits, spaces, '-', '_' and '.' are allowed"
        } else {
            "letters, digits, '-', '_' and '.' are allowed (no spaces)"
        };
        // Quoted as Rust writes a character, so an invisible one shows as '\u{200b}'.
        let shown = if bad == ' ' {
            "a space".to_owned()
        } else {
            format!("{bad:?}")
        };
        return Err(FieldError::new(
            field,
            format!("Only {rule}; found {shown}."),
        ));
    }
    Ok(())
}

/// VM, volume, snapshot, image and firewall names: 1–50 letters, digits, space, `-`, `_`, `.`.
/// (A name of only spaces is refused too, as the firewall form documents.)
pub fn resource_name(field: &str, value: &str) -> Checked {
    name_with(field, value, true)
}

/// SSH key names: like resource names but without spaces.
pub fn ssh_key_name(field: &str, value: &str) -> Checked {
    name_with(field, value, false)
}

/// Optional description: at most 255 characters.
pub fn description(field: &str, value: Option<&str>) -> Checked {
    match value {
        Some(v) if v.chars().count() > DESCRIPTION_MAX => Err(FieldError::new(
            field,
            format!(
                "Must be at most {DESCRIPTION_MAX} characters (it has {}).",
                v.chars().count()
            ),
        )),
        _ => Ok(()),
    }
}

/// Accepted public key types (rules.md §7 lists both the format section's and the
/// supported-types section's; see §16 item 6).
pub const SSH_KEY_TYPES: &[&str] = &[
    "ssh-rsa",
    "ssh-ed25519",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
];

/// Room for one more key: at most [`SSH_KEYS_PER_REGION`], and every key is copied to every
/// region, so the account's count is each region's (rules.md §7). `existing` is how many
/// keys the account has now.
pub fn ssh_key_room(field: &str, existing: usize) -> Checked {
    if existing >= SSH_KEYS_PER_REGION {
        return Err(FieldError::new(
            field,
            format!(
                "You have {existing} SSH keys and a region holds at most {SSH_KEYS_PER_REGION} \
                 (every key is in every region): delete one you no longer use first."
            ),
        ));
    }
    Ok(())
}

/// A key may be deleted only while no active VM uses it (rules.md §7); `used_by` names the
/// VMs that do. The refusal names them and says how to go on (SSH-21).
pub fn ssh_key_deletable(field: &str, key_name: &str, used_by: &[String]) -> Checked {
    if used_by.is_empty() {
        return Ok(());
    }
    let vms = if used_by.len() == 1 {
        format!("the VM {}", used_by[0])
    } else {
        format!("{} VMs: {}", used_by.len(), used_by.join(", "))
    };
    Err(FieldError::new(
        field,
        format!(
            "The key {key_name} cannot be deleted while it is used by {vms}. Delete those VMs \
             first, and keep at least one key that works for the VMs you still use."
        ),
    ))
}

/// One line of OpenSSH public-key text: type, base64 body, optional comment.
pub fn ssh_public_key(field: &str, value: &str) -> Checked {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new(
            field,
            "Required: paste the contents of your .pub file, such as ~/.ssh/id_ed25519.pub.",
        ));
    }
    if v.contains('\n') || v.contains('\r') {
        return Err(FieldError::new(
            field,
            "Paste a single line: one public key, not several lines or a private key.",
        ));
    }
    let mut parts = v.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    if !SSH_KEY_TYPES.contains(&kind) {
        if kind.starts_with("-----") {
            return Err(FieldError::new(
                field,
                "This looks like a private key. Paste the public key (the .pub file) instead.",
            ));
        }
        return Err(FieldError::new(
            field,
            format!(
                "Must start with the key type: one of {}.",
                SSH_KEY_TYPES.join(", ")
            ),
        ));
    }
    let body = parts.next().unwrap_or_default();
    let whole = base64_decode(body).is_some_and(|blob| key_blob_is_whole(kind, &blob));
    if !whole {
        return Err(FieldError::new(
            field,
            "After the type comes the key itself in base64; this one is incomplete or damaged. \
             Copy the whole line again.",
        ));
    }
    Ok(())
}

/// Standard base64 with `=` padding, as OpenSSH writes a key; `None` for anything else.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    if text.is_empty() || !text.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let bytes = text.as_bytes();
    let padding = bytes.iter().rev().take_while(|&&c| c == b'=').count();
    if padding > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes[..bytes.len() - padding].chunks(4) {
        let mut acc = 0u32;
        for &c in chunk {
            acc = (acc << 6) | u32::from(value(c)?);
        }
        // A last chunk of 2 or 3 characters holds 1 or 2 bytes.
        let (acc, n) = match chunk.len() {
            4 => (acc, 3),
            3 => (acc << 6, 2),
            2 => (acc << 12, 1),
            _ => return None,
        };
        out.extend_from_slice(&acc.to_be_bytes()[1..=n]);
    }
    Some(out)
}

/// How many length-prefixed fields the key blob of each type holds (OpenSSH's wire format).
fn field_count(kind: &str) -> Option<usize> {
    match kind {
        "ssh-ed25519" => Some(2),
        "ssh-rsa" | "ecdsa-sha2-nistp256" | "ecdsa-sha2-nistp384" | "ecdsa-sha2-nistp521" => {
            Some(3)
        }
        "ssh-dss" => Some(5),
        _ => None,
    }
}

/// The key inside the base64: OpenSSH's length-prefixed fields, the first naming the same type
/// as the line, as many fields as the type has, and nothing cut off or left over (so a line
/// copied short is caught, whatever its length). `None` when it is not whole.
fn key_blob_fields<'a>(kind: &str, mut blob: &'a [u8]) -> Option<Vec<&'a [u8]>> {
    let count = field_count(kind)?;
    let mut fields = Vec::with_capacity(count);
    for _ in 0..count {
        let (len, rest) = blob.split_first_chunk::<4>()?;
        let len = u32::from_be_bytes(*len) as usize;
        if len == 0 || rest.len() < len {
            return None;
        }
        if fields.is_empty() && &rest[..len] != kind.as_bytes() {
            return None;
        }
        fields.push(&rest[..len]);
        blob = &rest[len..];
    }
    blob.is_empty().then_some(fields)
}

fn key_blob_is_whole(kind: &str, blob: &[u8]) -> bool {
    key_blob_fields(kind, blob).is_some()
}

/// A key's type as people name it and its size in bits (SSH-10), read from its public line:
/// RSA's modulus, DSA's prime, ECDSA's curve, Ed25519's 256. `None` for a line that is not a
/// whole key of a known type.
pub fn ssh_key_kind_and_bits(public_key: &str) -> Option<(&'static str, u32)> {
    let mut parts = public_key.split_whitespace();
    let kind = parts.next()?;
    let blob = base64_decode(parts.next()?)?;
    let fields = key_blob_fields(kind, &blob)?;
    // The bits of a big-endian integer, leading zero bytes and bits not counted.
    let bits = |n: &[u8]| {
        let n = &n[n.iter().take_while(|b| **b == 0).count()..];
        n.first()
            .map(|top| (n.len() as u32 - 1) * 8 + (8 - top.leading_zeros()))
    };
    match kind {
        "ssh-ed25519" => Some(("Ed25519", 256)),
        "ssh-rsa" => Some(("RSA", bits(fields[2])?)),
        "ssh-dss" => Some(("DSA", bits(fields[1])?)),
        "ecdsa-sha2-nistp256" => Some(("ECDSA", 256)),
        "ecdsa-sha2-nistp384" => Some(("ECDSA", 384)),
        "ecdsa-sha2-nistp521" => Some(("ECDSA", 521)),
        _ => None,
    }
}

/// A CIDR range as a number: IP version, network (host bits cleared) and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CidrRange {
    pub v6: bool,
    pub network: u128,
    pub prefix: u8,
}

impl CidrRange {
    fn bits(&self) -> u32 {
        if self.v6 {
            128
        } else {
            32
        }
    }

    /// Whether `self` lies within `outer` (same IP version, a prefix at least as long, the
    /// same leading bits).
    pub fn within(&self, outer: &CidrRange) -> bool {
        if self.v6 != outer.v6 || self.prefix < outer.prefix {
            return false;
        }
        let host = outer.bits() - u32::from(outer.prefix);
        shr(self.network, host) == shr(outer.network, host)
    }
}

fn shr(x: u128, n: u32) -> u128 {
    x.checked_shr(n).unwrap_or(0)
}

/// At most this much of a typed address is quoted back in a message.
const QUOTED_MAX: usize = 60;

/// Parses CIDR text (IPv4 octets 0–255 without leading zeros, prefix 0–32; IPv6 prefix
/// 0–128); the error is the message shown at the field.
pub fn parse_cidr(value: &str) -> Result<CidrRange, String> {
    let v = value.trim();
    if v.is_empty() {
        return Err("Required: a range such as 203.0.113.1/32, 0.0.0.0/0 or ::/0.".into());
    }
    let Some((addr, prefix)) = v.split_once('/') else {
        return Err(
            "Use CIDR notation, such as 203.0.113.1/32 (IPv4) or 2001:db8::/32 (IPv6).".into(),
        );
    };
    if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return Err("The prefix after / must be a whole number.".into());
    }
    let prefix: u32 = prefix.parse().unwrap_or(u32::MAX);
    let (v6, value) = if let Ok(a) = addr.parse::<Ipv4Addr>() {
        (false, u128::from(u32::from(a)))
    } else if let Ok(a) = addr.parse::<Ipv6Addr>() {
        (true, u128::from(a))
    } else {
        let shown: String = addr.chars().take(QUOTED_MAX).collect();
        return Err(format!("\"{shown}\" is not an IPv4 or IPv6 address."));
    };
    if !v6 && prefix > 32 {
        return Err("An IPv4 prefix must be between 0 and 32.".into());
    }
    if v6 && prefix > 128 {
        return Err("An IPv6 prefix must be between 0 and 128.".into());
    }
    let bits = if v6 { 128 } else { 32 };
    let host = bits - prefix;
    let network = shr(value, host).checked_shl(host).unwrap_or(0);
    Ok(CidrRange {
        v6,
        network,
        prefix: prefix as u8,
    })
}

/// Why a range does not fit the rule's IP version; `None` when it does (or the ethertype is
/// not one this app knows, which is its own error).
pub fn ethertype_mismatch(range: &CidrRange, ethertype: &EthertypeEnum) -> Option<String> {
    match ethertype {
        EthertypeEnum::IPv4 if range.v6 => Some(
            "This is an IPv6 range, but the rule is IPv4: pick IPv6 or use an IPv4 range.".into(),
        ),
        EthertypeEnum::IPv6 if !range.v6 => Some(
            "This is an IPv4 range, but the rule is IPv6: pick IPv4 or use an IPv6 range.".into(),
        ),
        _ => None,
    }
}

/// A CIDR range of the given IP version.
pub fn cidr(field: &str, value: &str, ethertype: &EthertypeEnum) -> Checked {
    let range = parse_cidr(value).map_err(|m| FieldError::new(field, m))?;
    match ethertype_mismatch(&range, ethertype) {
        Some(m) => Err(FieldError::new(field, m)),
        None => Ok(()),
    }
}

pub const PORT_MIN: u16 = 1;
pub const PORT_MAX: u16 = 65535;
pub const PORT_NUMBER_MESSAGE: &str = "A whole number between 1 and 65535.";

/// Every port fault of a rule: TCP/UDP need both, each 1–65535, min ≤ max; ICMP takes none.
pub fn port_errors(protocol: &ProtocolEnum, min: Option<u16>, max: Option<u16>) -> Vec<FieldError> {
    let mut out = Vec::new();
    if !protocol.has_ports() {
        let msg = format!(
            "Ports do not apply to {}; leave this empty.",
            protocol.as_str().to_uppercase()
        );
        for (field, v) in [("port_range_min", min), ("port_range_max", max)] {
            if v.is_some() {
                out.push(FieldError::new(field, msg.clone()));
            }
        }
        return out;
    }
    let required = "Required for TCP and UDP (for one port, use it in both fields).";
    for (field, v) in [("port_range_min", min), ("port_range_max", max)] {
        match v {
            None => out.push(FieldError::new(field, required)),
            Some(0) => out.push(FieldError::new(field, PORT_NUMBER_MESSAGE)),
            Some(_) => {}
        }
    }
    if let (Some(lo), Some(hi)) = (min, max) {
        if lo != 0 && hi != 0 && lo > hi {
            out.push(FieldError::new(
                "port_range_max",
                format!("Must not be less than the minimum port ({lo})."),
            ));
        }
    }
    out
}

/// Ports: the first fault of [`port_errors`].
pub fn ports(protocol: &ProtocolEnum, min: Option<u16>, max: Option<u16>) -> Checked {
    match port_errors(protocol, min, max).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Why the rule's direction, protocol or IP version is not one the platform knows.
pub fn choice_errors(
    direction: &DirectionEnum,
    protocol: &ProtocolEnum,
    ethertype: &EthertypeEnum,
) -> Vec<FieldError> {
    let mut out = Vec::new();
    if direction.is_other() {
        out.push(FieldError::new("direction", "Pick ingress or egress."));
    }
    if protocol.is_other() {
        out.push(FieldError::new("protocol", "Pick TCP, UDP or ICMP."));
    }
    if ethertype.is_other() {
        out.push(FieldError::new("ethertype", "Pick IPv4 or IPv6."));
    }
    out
}

/// Every fault of a whole security or firewall rule, in the form's field order.
pub fn security_rule_errors(rule: &VMSecurityRuleRequest) -> Vec<FieldError> {
    let mut out = choice_errors(&rule.direction, &rule.protocol, &rule.ethertype);
    if let Err(e) = cidr("remote_ip_prefix", &rule.remote_ip_prefix, &rule.ethertype) {
        out.push(e);
    }
    out.extend(port_errors(
        &rule.protocol,
        rule.port_range_min,
        rule.port_range_max,
    ));
    out
}

/// A whole security or firewall rule: its first fault.
pub fn security_rule(rule: &VMSecurityRuleRequest) -> Checked {
    match security_rule_errors(rule).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// "16,384": numbers in messages, grouped as the UI shows them.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Cloud-init script: at most 16 KB (counted in bytes, as the server stores them).
pub fn cloud_init(field: &str, value: &str) -> Checked {
    let n = value.len();
    if n > CLOUD_INIT_MAX_BYTES {
        return Err(FieldError::new(
            field,
            format!(
                "At most 16 KB ({} bytes); this script is {} bytes, {} too many.",
                thousands(CLOUD_INIT_MAX_BYTES),
                thousands(n),
                thousands(n - CLOUD_INIT_MAX_BYTES)
            ),
        ));
    }
    Ok(())
}

/// Jupyter password: 8 characters or more.
pub fn jupyter_password(field: &str, value: &str) -> Checked {
    if value.is_empty() {
        return Err(FieldError::new(
            field,
            format!("Required while Jupyter is on: at least {JUPYTER_PASSWORD_MIN} characters."),
        ));
    }
    let n = value.chars().count();
    if n < JUPYTER_PASSWORD_MIN {
        return Err(FieldError::new(
            field,
            format!("At least {JUPYTER_PASSWORD_MIN} characters (it has {n})."),
        ));
    }
    Ok(())
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum PasswordStrength {
    Weak,
    Medium,
    Strong,
}

/// A password this long with three kinds of character is strong.
pub const JUPYTER_STRONG_MIN: usize = 12;

/// The weak/medium/strong meter of the Jupyter field (the thresholds are ours).
pub fn password_strength(value: &str) -> PasswordStrength {
    let len = value.chars().count();
    let classes = [
        value.chars().any(|c| c.is_ascii_lowercase()),
        value.chars().any(|c| c.is_ascii_uppercase()),
        value.chars().any(|c| c.is_ascii_digit()),
        value.chars().any(|c| !c.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if len < JUPYTER_PASSWORD_MIN || classes <= 1 {
        PasswordStrength::Weak
    } else if len >= JUPYTER_STRONG_MIN && classes >= 3 {
        PasswordStrength::Strong
    } else {
        PasswordStrength::Medium
    }
}

/// Volume size. The platform docs say 10 GB minimum (100 bootable); the pricing endpoint
/// says `volume_minimum_size_gb: 100`. The API example wins (rules.md §16), so pass the
/// pricing endpoint's minimum when known.
pub fn volume_size(
    field: &str,
    size_gb: u64,
    bootable: bool,
    pricing_minimum_gb: Option<u64>,
) -> Checked {
    let mut min = pricing_minimum_gb.unwrap_or(VOLUME_MIN_GB);
    if bootable {
        min = min.max(BOOTABLE_VOLUME_MIN_GB);
    }
    if size_gb < min {
        let what = if bootable {
            "a bootable volume"
        } else {
            "a volume"
        };
        return Err(FieldError::new(
            field,
            format!("Must be at least {min} GB for {what}."),
        ));
    }
    if size_gb > VOLUME_MAX_GB {
        return Err(FieldError::new(
            field,
            format!("Must be at most {VOLUME_MAX_GB} GB."),
        ));
    }
    Ok(())
}

fn known<T: std::fmt::Display>(field: &str, value: &T, is_other: bool) -> Checked {
    if is_other {
        let v = value.to_string();
        let msg = if v.is_empty() {
            "is required".to_owned()
        } else {
            format!("{v:?} is not known")
        };
        return Err(FieldError::new(field, msg));
    }
    Ok(())
}

fn required(field: &str, value: &str) -> Checked {
    if value.trim().is_empty() {
        return Err(FieldError::new(field, "is required"));
    }
    Ok(())
}

/// Request bodies check themselves before they are sent.
pub trait Validate {
    fn validate(&self) -> Checked;
}

impl Validate for DeploymentRequest {
    fn validate(&self) -> Checked {
        resource_name("name", &self.name)?;
        known("region", &self.region, self.region.is_other())?;
        if self.gpu_model.as_str().is_empty() {
            return Err(FieldError::new("gpu_model", "is required"));
        }
        if self.gpu_count == 0 {
            return Err(FieldError::new("gpu_count", "must be at least 1"));
        }
        if self.boot_source.kind.is_other() {
            return Err(FieldError::new(
                "boot_source.type",
                "must be os_image, volume or custom_image",
            ));
        }
        required("boot_source.id", &self.boot_source.id)?;
        if self.ssh_key_ids.is_empty() {
            return Err(FieldError::new(
                "ssh_key_ids",
                "at least one SSH key is needed to deploy",
            ));
        }
        for (i, rule) in self.security_rules.iter().enumerate() {
            security_rule(rule).map_err(|e| {
                FieldError::new(&format!("security_rules[{i}].{}", e.field), e.message)
            })?;
        }
        if let Some(j) = &self.jupyter {
            if j.enabled {
                jupyter_password("jupyter.password", j.password.as_deref().unwrap_or(""))?;
            }
        }
        if let Some(c) = &self.cloud_init {
            cloud_init("cloud_init", c)?;
        }
        Ok(())
    }
}

impl Validate for VMSecurityRuleRequest {
    fn validate(&self) -> Checked {
        security_rule(self)
    }
}

impl Validate for CreateSSHKeyRequest {
    fn validate(&self) -> Checked {
        ssh_key_name("name", &self.name)?;
        if let Some(k) = &self.public_key {
            ssh_public_key("public_key", k)?;
        }
        Ok(())
    }
}

impl Validate for CreateScriptRequest {
    fn validate(&self) -> Checked {
        resource_name("name", &self.name)?;
        description("description", self.description.as_deref())?;
        required("content", &self.content)?;
        cloud_init("content", &self.content)
    }
}

impl Validate for UpdateScriptRequest {
    fn validate(&self) -> Checked {
        if let Some(n) = &self.name {
            resource_name("name", n)?;
        }
        description("description", self.description.as_deref())?;
        if let Some(c) = &self.content {
            required("content", c)?;
            cloud_init("content", c)?;
        }
        Ok(())
    }
}

impl Validate for DeleteScriptsRequest {
    fn validate(&self) -> Checked {
        if self.ids.is_empty() {
            return Err(FieldError::new("ids", "name at least one script"));
        }
        Ok(())
    }
}

impl Validate for CreateFirewallRequest {
    fn validate(&self) -> Checked {
        resource_name("name", &self.name)?;
        description("description", self.description.as_deref())?;
        known("region", &self.region, self.region.is_other())
    }
}

impl Validate for AttachFirewallRequest {
    fn validate(&self) -> Checked {
        Ok(())
    }
}

impl Validate for DetachFirewallRequest {
    fn validate(&self) -> Checked {
        if self.instance_ids.is_empty() {
            return Err(FieldError::new(
                "instance_ids",
                "name at least one VM to detach",
            ));
        }
        self.instance_ids
            .iter()
            .try_for_each(|id| required("instance_ids", id))
    }
}

impl Validate for CreateSnapshotRequest {
    fn validate(&self) -> Checked {
        required("instance_id", &self.instance_id)?;
        resource_name("name", &self.name)
    }
}

impl Validate for RestoreSnapshotRequest {
    fn validate(&self) -> Checked {
        match &self.name {
            Some(n) => resource_name("name", n),
            None => Ok(()),
        }
    }
}

impl Validate for CreateImageFromSnapshotRequest {
    fn validate(&self) -> Checked {
        required("snapshot_id", &self.snapshot_id)?;
        resource_name("name", &self.name)?;
        description("description", self.description.as_deref())
    }
}

impl Validate for GetBatchSnapshotImageRelationshipsRequest {
    fn validate(&self) -> Checked {
        Ok(())
    }
}

impl Validate for CreateVolumeRequest {
    fn validate(&self) -> Checked {
        resource_name("name", &self.name)?;
        known("region", &self.region, self.region.is_other())?;
        volume_size("size_gb", self.size_gb, self.bootable, None)?;
        if self.bootable && self.os_image_id.as_deref().unwrap_or("").is_empty() {
            return Err(FieldError::new(
                "os_image_id",
                "a bootable volume needs an OS image",
            ));
        }
        Ok(())
    }
}

impl Validate for ResizeVolumeRequest {
    fn validate(&self) -> Checked {
        volume_size("size_gb", self.size_gb, false, None)
    }
}

impl Validate for CloneVolumeRequest {
    fn validate(&self) -> Checked {
        resource_name("name", &self.name)
    }
}

impl Validate for AttachVolumesRequest {
    fn validate(&self) -> Checked {
        if self.volume_ids.is_empty() {
            return Err(FieldError::new("volume_ids", "name at least one volume"));
        }
        Ok(())
    }
}

impl Validate for TogglePublicIpRequest {
    fn validate(&self) -> Checked {
        Ok(())
    }
}

impl Validate for PricingRequest {
    fn validate(&self) -> Checked {
        if self.gpu_count == Some(0) {
            return Err(FieldError::new("gpu_count", "must be at least 1"));
        }
        Ok(())
    }
}

impl Validate for ChatCompletionsRequest {
    fn validate(&self) -> Checked {
        required("model", &self.model)?;
        if self.messages.is_empty() {
            return Err(FieldError::new("messages", "say something first"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(resource_name("name", "gpu-box_1.final copy").is_ok());
        assert_eq!(
            resource_name("name", "").unwrap_err().message,
            "A name is required."
        );
        assert!(resource_name("name", "   ").is_err());
        let e = resource_name("name", &"a".repeat(51)).unwrap_err();
        assert!(e.message.contains("at most 50"), "{e}");
        assert!(resource_name("name", &"a".repeat(50)).is_ok());
        assert!(resource_name("name", "bad/name")
            .unwrap_err()
            .message
            .contains("found '/'"));
        assert!(ssh_key_name("name", "my key")
            .unwrap_err()
            .message
            .contains("no spaces"));
        assert!(ssh_key_name("name", "my_key.v2").is_ok());
    }

    #[test]
    fn rules() {
        use EthertypeEnum::*;
        assert!(cidr("r", "0.0.0.0/0", &IPv4).is_ok());
        assert!(cidr("r", "::/0", &IPv6).is_ok());
        assert!(cidr("r", "203.0.113.1/33", &IPv4).is_err());
        assert!(cidr("r", "256.0.0.1/32", &IPv4).is_err());
        assert!(cidr("r", "2001:db8::/129", &IPv6).is_err());
        assert!(cidr("r", "10.0.0.0", &IPv4).is_err());
        assert!(cidr("r", "10.0.0.0/8", &IPv6)
            .unwrap_err()
            .message
            .contains("IPv4 range"));
        assert!(cidr("r", "2001:db8::/32", &IPv4)
            .unwrap_err()
            .message
            .contains("IPv6 range"));
        let tcp = ProtocolEnum::Tcp;
        assert!(ports(&tcp, Some(22), Some(22)).is_ok());
        assert_eq!(
            ports(&tcp, Some(0), Some(22)).unwrap_err().field,
            "port_range_min"
        );
        assert_eq!(
            ports(&tcp, Some(80), Some(79)).unwrap_err().field,
            "port_range_max"
        );
        assert!(ports(&tcp, None, Some(22)).is_err());
        assert!(ports(&ProtocolEnum::Icmp, Some(1), None).is_err());
        assert!(ports(&ProtocolEnum::Icmp, None, None).is_ok());
    }

    #[test]
    fn sizes_and_scripts() {
        assert!(volume_size("s", 10, false, None).is_ok());
        assert!(volume_size("s", 10, false, Some(100)).is_err());
        assert!(volume_size("s", 99, true, None).is_err());
        assert!(volume_size("s", 1_048_577, false, None).is_err());
        assert!(cloud_init("c", &"x".repeat(16 * 1024)).is_ok());
        assert!(cloud_init("c", &"x".repeat(16 * 1024 + 1)).is_err());
        assert!(jupyter_password("p", "1234567").is_err());
        assert_eq!(password_strength("abcdefgh"), PasswordStrength::Weak);
        assert_eq!(password_strength("abcdefg1"), PasswordStrength::Medium);
        assert_eq!(password_strength("Abcdefg1!xyz"), PasswordStrength::Strong);
    }

    #[test]
    fn ssh_key_limit_and_deletion() {
        assert!(ssh_key_room("taken", SSH_KEYS_PER_REGION - 1).is_ok());
        let full = ssh_key_room("taken", SSH_KEYS_PER_REGION).unwrap_err();
        assert!(full.message.starts_with("You have 25 SSH keys"), "{full}");
        assert!(ssh_key_deletable("usedBy", "laptop", &[]).is_ok());
        let one = ssh_key_deletable("usedBy", "laptop", &["gpu-1".into()]).unwrap_err();
        assert!(one.message.contains("used by the VM gpu-1."), "{one}");
        let two =
            ssh_key_deletable("usedBy", "laptop", &["gpu-1".into(), "gpu 2".into()]).unwrap_err();
        assert!(
            two.message.contains("used by 2 VMs: gpu-1, gpu 2."),
            "{two}"
        );
        assert!(two.message.contains("keep at least one key"), "{two}");
    }

    /// Pasted keys as they arrive: cut short, two lines, a type not accepted, a final newline.
    #[test]
    fn public_keys_as_pasted() {
        let good = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";
        assert!(ssh_public_key("k", &format!("{good}\n")).is_ok());
        assert!(ssh_public_key("k", &format!("{good}\r\n")).is_ok());
        let cut = ssh_public_key("k", &good[..40]).unwrap_err();
        assert!(cut.message.contains("incomplete or damaged"), "{cut}");
        let lines = ssh_public_key("k", &format!("{good}\n{good}\n")).unwrap_err();
        assert!(lines.message.starts_with("Paste a single line"), "{lines}");
        let unknown = ssh_public_key("k", "ssh-foo AAAAC3NzaC1lZDI1NTE5").unwrap_err();
        assert!(
            unknown.message.starts_with("Must start with the key type"),
            "{unknown}"
        );
        assert!(ssh_key_name("name", &"k".repeat(50)).is_ok());
        let long = ssh_key_name("name", &"k".repeat(51)).unwrap_err();
        assert!(long.message.contains("(it has 51)"), "{long}");
    }

    #[test]
    fn public_keys() {
        let good = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";
        assert!(ssh_public_key("k", good).is_ok());
        assert!(ssh_public_key("k", "ssh-foo AAAA").is_err());
        assert!(ssh_public_key("k", "ssh-rsa not*base64").is_err());
        assert!(ssh_public_key("k", &format!("{good}\n{good}")).is_err());
    }
}
