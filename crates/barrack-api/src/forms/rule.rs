//! The security-rule form (a VM's rules, a firewall's rules, the deploy wizard's list): the
//! fields as typed, every fault at once, and a rule that conflicts with the rules already
//! in the list refused at its range field.

use super::{list_too_long, rule_list, text_too_long, RuleCheck, RULES_MAX};
use crate::types::*;
use crate::validate::{self, FieldError, PORT_NUMBER_MESSAGE};
use serde::{Deserialize, Serialize};

/// The form as typed: every field is text (selects included, as the webview sends them).
/// Keys are the request's (snake_case), which are also the field ids of the errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RuleForm {
    pub direction: String,
    pub protocol: String,
    pub ethertype: String,
    pub remote_ip_prefix: String,
    pub port_range_min: String,
    pub port_range_max: String,
    /// The rules already in the list this one joins (empty when there is none to compare).
    #[serde(default)]
    pub existing: Vec<VMSecurityRuleRequest>,
}

/// A port field: empty is `Ok(None)`; otherwise a whole number 1–65535 or the message.
fn port_text(text: &str) -> Result<Option<u16>, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() > 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PORT_NUMBER_MESSAGE);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=65535).contains(&n) => Ok(Some(n as u16)),
        _ => Err(PORT_NUMBER_MESSAGE),
    }
}

/// Field ids: `direction`, `protocol`, `ethertype`, `remote_ip_prefix`, `port_range_min`,
/// `port_range_max` (and `existing` when the list is too long). Value: the request, range
/// trimmed, no ports for ICMP.
pub fn check(form: &RuleForm) -> RuleCheck {
    if let Some(e) = list_too_long("existing", form.existing.len(), RULES_MAX) {
        return RuleCheck::new(vec![e], VMSecurityRuleRequest::default);
    }
    let texts = [
        ("direction", &form.direction),
        ("protocol", &form.protocol),
        ("ethertype", &form.ethertype),
        ("remote_ip_prefix", &form.remote_ip_prefix),
        ("port_range_min", &form.port_range_min),
        ("port_range_max", &form.port_range_max),
    ];
    let too_long: Vec<FieldError> = texts
        .iter()
        .filter_map(|(f, t)| text_too_long(f, t))
        .collect();
    if !too_long.is_empty() {
        return RuleCheck::new(too_long, VMSecurityRuleRequest::default);
    }
    let direction = DirectionEnum::parse(&form.direction);
    let protocol = ProtocolEnum::parse(&form.protocol);
    let ethertype = EthertypeEnum::parse(&form.ethertype);
    let mut errors = validate::choice_errors(&direction, &protocol, &ethertype);
    let mut range_error =
        validate::cidr("remote_ip_prefix", &form.remote_ip_prefix, &ethertype).err();

    let mut ports = [None, None];
    let mut port_field_errors = Vec::new();
    let fields = [
        ("port_range_min", &form.port_range_min),
        ("port_range_max", &form.port_range_max),
    ];
    if protocol.has_ports() {
        for (k, (field, text)) in fields.iter().enumerate() {
            match port_text(text) {
                Ok(p) => ports[k] = p,
                Err(m) => port_field_errors.push(FieldError::new(field, m)),
            }
        }
        // Missing ports and min > max (validate's messages), for the fields that parsed.
        let unparsed: Vec<String> = port_field_errors.iter().map(|e| e.field.clone()).collect();
        port_field_errors.extend(
            validate::port_errors(&protocol, ports[0], ports[1])
                .into_iter()
                .filter(|e| !unparsed.contains(&e.field)),
        );
        // The min field's fault before the max field's (one each at most).
        port_field_errors.sort_by_key(|e| e.field != "port_range_min");
    } else if !protocol.is_other() {
        let shown: Vec<Option<u16>> = fields
            .iter()
            .map(|(_, t)| (!t.trim().is_empty()).then_some(0))
            .collect();
        port_field_errors = validate::port_errors(&protocol, shown[0], shown[1]);
    }
    let mut request = VMSecurityRuleRequest {
        direction,
        protocol,
        ethertype,
        remote_ip_prefix: form.remote_ip_prefix.trim().to_owned(),
        port_range_min: None,
        port_range_max: None,
    };
    if request.protocol.has_ports() {
        request.port_range_min = ports[0];
        request.port_range_max = ports[1];
    }
    if errors.is_empty() && range_error.is_none() && port_field_errors.is_empty() {
        if let Some(m) = rule_list::new_rule_conflict(&form.existing, &request) {
            range_error = Some(FieldError::new("remote_ip_prefix", m));
        }
    }
    errors.extend(range_error);
    errors.extend(port_field_errors);
    RuleCheck::new(errors, || request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(proto: &str, ether: &str, cidr: &str, lo: &str, hi: &str) -> RuleForm {
        RuleForm {
            direction: "ingress".into(),
            protocol: proto.into(),
            ethertype: ether.into(),
            remote_ip_prefix: cidr.into(),
            port_range_min: lo.into(),
            port_range_max: hi.into(),
            existing: vec![],
        }
    }

    fn errors(c: &RuleCheck) -> Vec<(&str, &str)> {
        c.errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect()
    }

    #[test]
    fn a_good_rule_is_its_request() {
        let c = check(&form("tcp", "IPv4", " 203.0.113.1/32 ", "22", " 22"));
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        let r = c.value.unwrap();
        assert_eq!(r.remote_ip_prefix, "203.0.113.1/32");
        assert_eq!((r.port_range_min, r.port_range_max), (Some(22), Some(22)));
        let icmp = check(&form("icmp", "IPv6", "::/0", "", "")).value.unwrap();
        assert_eq!(icmp.port_range_min, None);
    }

    #[test]
    fn every_field_fault_at_once() {
        let c = check(&form("tcp", "IPv4", "10.0.0.0/33", "abc", ""));
        assert_eq!(
            errors(&c),
            [
                (
                    "remote_ip_prefix",
                    "An IPv4 prefix must be between 0 and 32."
                ),
                ("port_range_min", "A whole number between 1 and 65535."),
                (
                    "port_range_max",
                    "Required for TCP and UDP (for one port, use it in both fields)."
                ),
            ]
        );
        let c = check(&form("tcp", "IPv4", "0.0.0.0/0", "90", "80"));
        assert_eq!(
            errors(&c),
            [(
                "port_range_max",
                "Must not be less than the minimum port (90)."
            )]
        );
        let c = check(&form("icmp", "IPv4", "0.0.0.0/0", "1", "2"));
        assert_eq!(c.errors.len(), 2);
        assert!(c
            .errors
            .iter()
            .all(|e| e.message == "Ports do not apply to ICMP; leave this empty."));
        let c = check(&form("gre", "IPv5", "0.0.0.0/0", "", ""));
        assert_eq!(
            errors(&c),
            [
                ("protocol", "Pick TCP, UDP or ICMP."),
                ("ethertype", "Pick IPv4 or IPv6.")
            ]
        );
    }

    /// The list's rules are compared only when their fields are short: 200 rules with a
    /// 100 KB direction are neither compared nor quoted.
    #[test]
    fn over_long_existing_rules_are_not_compared() {
        let mut f = form("tcp", "IPv4", "10.0.0.0/8", "22", "22");
        let mut long = check(&form("tcp", "IPv4", "10.0.0.0/8", "22", "22"))
            .value
            .unwrap();
        long.direction = DirectionEnum::Other("x".repeat(100_000));
        f.existing = vec![long; RULES_MAX];
        let c = check(&f);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert!(serde_json::to_string(&c).unwrap().len() < 1_000);
    }

    #[test]
    fn a_conflict_with_the_list_is_refused_at_the_range() {
        let mut f = form("tcp", "IPv4", "10.0.0.0/8", "22", "22");
        f.existing = vec![check(&form("tcp", "IPv4", "0.0.0.0/0", "1", "65535"))
            .value
            .unwrap()];
        let c = check(&f);
        assert_eq!(c.errors[0].field, "remote_ip_prefix");
        assert!(c.errors[0].message.starts_with("Already covered by rule 1"));
        assert_eq!(c.value, None);
    }
}
