//! A list of security rules as a whole (the deploy wizard's, DEP-51): a rule that repeats
//! or is covered by another adds nothing, and a rule the server would refuse (ports on ICMP,
//! a range of the other IP version, any other fault of its own) is flagged even when it came
//! from a saved draft rather than the form.

use super::{list_too_long, RULES_MAX};
use crate::types::*;
use crate::validate::{self, CidrRange};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum RuleProblemKind {
    /// A fault of the rule alone that the form would refuse (a bad range, missing ports…).
    Invalid,
    IcmpPorts,
    EthertypeMismatch,
    Duplicate,
    Contained,
    /// The list itself is longer than [`RULES_MAX`] (index 0, nothing else is checked).
    TooMany,
}

/// Longest direction, protocol, ethertype or range a rule may have (in bytes) to be checked.
/// These fields are short by nature (the longest IPv6 range is under 50 characters); a rule
/// beyond it is refused as it is, before any comparison reads it or a message quotes it.
pub const RULE_FIELD_MAX_BYTES: usize = 64;

/// The first field of `r` too long to check, if any, as a message names it.
fn field_too_long(r: &VMSecurityRuleRequest) -> Option<&'static str> {
    [
        ("direction", r.direction.as_str()),
        ("protocol", r.protocol.as_str()),
        ("IP version", r.ethertype.as_str()),
        ("range", r.remote_ip_prefix.as_str()),
    ]
    .into_iter()
    .find(|(_, text)| text.len() > RULE_FIELD_MAX_BYTES)
    .map(|(field, _)| field)
}

/// A field as a message quotes it: at most [`RULE_FIELD_MAX_BYTES`] characters.
fn cut(text: &str) -> String {
    text.trim().chars().take(RULE_FIELD_MAX_BYTES).collect()
}

/// What is wrong with one rule of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RuleProblem {
    pub kind: RuleProblemKind,
    /// The rule at fault (for a pair, the one that adds nothing: the later duplicate, the
    /// covered one), from 0.
    pub index: u32,
    /// The other rule of a pair.
    pub other: Option<u32>,
    pub message: String,
}

fn is_icmp(r: &VMSecurityRuleRequest) -> bool {
    r.protocol == ProtocolEnum::Icmp
}

/// The ports a rule covers: none given means all, and ICMP has none to compare.
fn ports_of(r: &VMSecurityRuleRequest) -> (u16, u16) {
    if is_icmp(r) {
        return (validate::PORT_MIN, validate::PORT_MAX);
    }
    (
        r.port_range_min.unwrap_or(validate::PORT_MIN),
        r.port_range_max.unwrap_or(validate::PORT_MAX),
    )
}

/// Direction, protocol and IP version: only rules that agree on all three can overlap.
fn same_kind(a: &VMSecurityRuleRequest, b: &VMSecurityRuleRequest) -> bool {
    let lower = |s: &str| s.to_ascii_lowercase();
    lower(a.direction.as_str()) == lower(b.direction.as_str())
        && lower(a.protocol.as_str()) == lower(b.protocol.as_str())
        && lower(a.ethertype.as_str()) == lower(b.ethertype.as_str())
}

/// "ingress TCP IPv4 0.0.0.0/0, port 22": how a message names a rule.
pub fn rule_summary(r: &VMSecurityRuleRequest) -> String {
    let ports = if is_icmp(r) {
        String::new()
    } else {
        match ports_of(r) {
            (validate::PORT_MIN, validate::PORT_MAX) => ", all ports".to_owned(),
            (lo, hi) if lo == hi => format!(", port {lo}"),
            (lo, hi) => format!(", ports {lo}–{hi}"),
        }
    };
    format!(
        "{} {} {} {}{ports}",
        cut(r.direction.as_str()),
        cut(r.protocol.as_str()).to_uppercase(),
        cut(r.ethertype.as_str()),
        cut(&r.remote_ip_prefix)
    )
}

fn covered_by(index: usize, r: &VMSecurityRuleRequest) -> String {
    format!(
        "Already covered by rule {} ({}): this rule adds nothing.",
        index + 1,
        rule_summary(r)
    )
}

fn problem(
    kind: RuleProblemKind,
    index: usize,
    other: Option<usize>,
    message: String,
) -> RuleProblem {
    RuleProblem {
        kind,
        index: index as u32,
        other: other.map(|o| o as u32),
        message,
    }
}

/// The conflict of rule `i` with a later rule `j`, if any.
fn pair(
    a: &VMSecurityRuleRequest,
    i: usize,
    b: &VMSecurityRuleRequest,
    j: usize,
) -> Option<RuleProblem> {
    if !same_kind(a, b) {
        return None;
    }
    let ra = validate::parse_cidr(&a.remote_ip_prefix).ok();
    let rb = validate::parse_cidr(&b.remote_ip_prefix).ok();
    let (alo, ahi) = ports_of(a);
    let (blo, bhi) = ports_of(b);
    let same_ports = alo == blo && ahi == bhi;
    // Texts that are not CIDR are refused on their own; they can still repeat each other.
    let same_range = match (ra, rb) {
        (Some(x), Some(y)) => x == y,
        _ => a.remote_ip_prefix.trim() == b.remote_ip_prefix.trim(),
    };
    if same_range && same_ports {
        let message = format!(
            "Repeats rule {} ({}): remove one of them.",
            i + 1,
            rule_summary(a)
        );
        return Some(problem(RuleProblemKind::Duplicate, j, Some(i), message));
    }
    let (ra, rb): (CidrRange, CidrRange) = (ra?, rb?);
    if rb.within(&ra) && alo <= blo && bhi <= ahi {
        return Some(problem(
            RuleProblemKind::Contained,
            j,
            Some(i),
            covered_by(i, a),
        ));
    }
    if ra.within(&rb) && blo <= alo && ahi <= bhi {
        return Some(problem(
            RuleProblemKind::Contained,
            i,
            Some(j),
            covered_by(j, b),
        ));
    }
    None
}

/// The faults of one rule alone: the form's own checks, with ICMP ports and the IP version
/// left to their own kinds.
fn own(r: &VMSecurityRuleRequest, index: usize) -> Vec<RuleProblem> {
    let mut found: Vec<RuleProblem> =
        validate::choice_errors(&r.direction, &r.protocol, &r.ethertype)
            .into_iter()
            .map(|e| problem(RuleProblemKind::Invalid, index, None, e.message))
            .collect();
    let range = validate::parse_cidr(&r.remote_ip_prefix);
    if let Err(m) = &range {
        found.push(problem(RuleProblemKind::Invalid, index, None, m.clone()));
    }
    if !is_icmp(r) {
        for e in validate::port_errors(&r.protocol, r.port_range_min, r.port_range_max) {
            found.push(problem(RuleProblemKind::Invalid, index, None, e.message));
        }
    }
    if is_icmp(r) && (r.port_range_min.is_some() || r.port_range_max.is_some()) {
        found.push(problem(
            RuleProblemKind::IcmpPorts,
            index,
            None,
            "Ports do not apply to ICMP: remove the ports or pick TCP or UDP.".into(),
        ));
    }
    if let Ok(range) = range {
        if validate::ethertype_mismatch(&range, &r.ethertype).is_some() {
            let (is, rule) = if range.v6 {
                ("IPv6", "IPv4")
            } else {
                ("IPv4", "IPv6")
            };
            let shown: String = r.remote_ip_prefix.trim().chars().take(60).collect();
            found.push(problem(
                RuleProblemKind::EthertypeMismatch,
                index,
                None,
                format!("{shown} is an {is} range, but the rule is {rule}."),
            ));
        }
    }
    found
}

/// The fault of a rule with a field beyond [`RULE_FIELD_MAX_BYTES`] (its only one: it is
/// neither checked further nor compared).
fn too_long(field: &str, index: usize) -> RuleProblem {
    problem(
        RuleProblemKind::Invalid,
        index,
        None,
        format!(
            "Too long to check: the {field} must be at most {RULE_FIELD_MAX_BYTES} characters."
        ),
    )
}

/// Every problem of the list, by rule: each rule's own faults first, then its conflict
/// with another rule (the first found: one is enough to act on, and it keeps the answer's
/// size linear in the number of rules).
pub fn check(rules: &[VMSecurityRuleRequest]) -> Vec<RuleProblem> {
    if let Some(e) = list_too_long("securityRules", rules.len(), RULES_MAX) {
        return vec![problem(RuleProblemKind::TooMany, 0, None, e.message)];
    }
    let mut found = Vec::new();
    let mut comparable = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        match field_too_long(r) {
            Some(field) => found.push(too_long(field, i)),
            None => {
                found.extend(own(r, i));
                comparable.push(i);
            }
        }
    }
    let mut in_conflict = vec![false; rules.len()];
    for (n, &j) in comparable.iter().enumerate() {
        for &i in &comparable[..n] {
            if in_conflict[i] && in_conflict[j] {
                continue;
            }
            if let Some(p) = pair(&rules[i], i, &rules[j], j) {
                let at = p.index as usize;
                if !in_conflict[at] {
                    in_conflict[at] = true;
                    found.push(p);
                }
            }
        }
    }
    // Stable: within a rule, its own faults stay before its conflicts.
    found.sort_by_key(|p| p.index);
    found
}

/// Why `candidate` may not be added after `rules`, in the new rule's own words; `None` when
/// it fits. Only conflicts with the list: the candidate's own faults are the form's.
pub fn new_rule_conflict(
    rules: &[VMSecurityRuleRequest],
    candidate: &VMSecurityRuleRequest,
) -> Option<String> {
    let at = rules.len();
    // A rule too long to check is the list's own fault, not compared here.
    let pairs: Vec<RuleProblem> = rules
        .iter()
        .enumerate()
        .filter(|(_, r)| field_too_long(r).is_none())
        .filter_map(|(i, r)| pair(r, i, candidate, at))
        .collect();
    // The first conflict by rule order: one where the candidate covers an earlier rule names
    // that rule; otherwise the candidate repeats or is covered by one.
    if let Some(p) = pairs.iter().find(|p| p.index as usize != at) {
        let i = p.index as usize;
        return Some(format!(
            "Covers rule {} ({}), which would then add nothing: remove that rule first or narrow this one.",
            i + 1,
            rule_summary(&rules[i])
        ));
    }
    pairs.into_iter().next().map(|p| p.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn rule(
        proto: &str,
        ether: &str,
        cidr: &str,
        ports: Option<(u16, u16)>,
    ) -> VMSecurityRuleRequest {
        VMSecurityRuleRequest {
            direction: DirectionEnum::Ingress,
            protocol: ProtocolEnum::parse(proto),
            ethertype: EthertypeEnum::parse(ether),
            remote_ip_prefix: cidr.into(),
            port_range_min: ports.map(|p| p.0),
            port_range_max: ports.map(|p| p.1),
        }
    }

    fn kinds(p: &[RuleProblem]) -> Vec<(RuleProblemKind, u32, Option<u32>)> {
        p.iter().map(|p| (p.kind, p.index, p.other)).collect()
    }

    #[test]
    fn duplicates_and_contained_rules_are_found() {
        use RuleProblemKind::*;
        let rules = [
            rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22))),
            rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22))),
            rule("tcp", "IPv4", "10.0.0.0/8", Some((22, 22))),
            rule("tcp", "IPv4", "10.1.0.0/16", Some((1, 100))),
            rule("udp", "IPv4", "0.0.0.0/0", Some((22, 22))),
        ];
        let p = check(&rules);
        assert_eq!(
            kinds(&p),
            [(Duplicate, 1, Some(0)), (Contained, 2, Some(0))]
        );
        assert_eq!(
            p[0].message,
            "Repeats rule 1 (ingress TCP IPv4 0.0.0.0/0, port 22): remove one of them."
        );
    }

    #[test]
    fn own_faults_come_before_conflicts() {
        use RuleProblemKind::*;
        let rules = [
            rule("icmp", "IPv4", "0.0.0.0/0", Some((1, 2))),
            rule("tcp", "IPv4", "::/0", Some((80, 80))),
            rule("tcp", "IPv4", "10.0.0.0/33", None),
        ];
        let p = check(&rules);
        assert_eq!(
            kinds(&p),
            [
                (IcmpPorts, 0, None),
                (EthertypeMismatch, 1, None),
                (Invalid, 2, None),
                (Invalid, 2, None),
                (Invalid, 2, None)
            ]
        );
        assert_eq!(p[1].message, "::/0 is an IPv6 range, but the rule is IPv4.");
    }

    #[test]
    fn a_candidate_is_refused_in_its_own_words() {
        let rules = [rule("tcp", "IPv6", "2001:db8::/32", Some((443, 443)))];
        let wider = rule("tcp", "IPv6", "::/0", Some((1, 1000)));
        assert_eq!(
            new_rule_conflict(&rules, &wider).unwrap(),
            "Covers rule 1 (ingress TCP IPv6 2001:db8::/32, port 443), which would then add nothing: remove that rule first or narrow this one."
        );
        let narrower = rule("tcp", "IPv6", "2001:db8:1::/48", Some((443, 443)));
        assert!(new_rule_conflict(&rules, &narrower)
            .unwrap()
            .starts_with("Already covered by rule 1"));
        assert_eq!(
            new_rule_conflict(&rules, &rule("udp", "IPv6", "::/0", None)),
            None
        );
    }

    fn answer_size(p: &[RuleProblem]) -> usize {
        serde_json::to_string(p).unwrap().len()
    }

    /// 200 identical rules whose direction is 100 KB: each is refused as too long, nothing
    /// is compared or quoted (the answer was 19,900 messages of 100 KB each).
    #[test]
    fn over_long_fields_are_refused_before_comparing() {
        let mut r = rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22)));
        r.direction = DirectionEnum::Other("x".repeat(100_000));
        let p = check(&vec![r.clone(); RULES_MAX]);
        assert_eq!(p.len(), RULES_MAX);
        assert!(p.iter().all(|p| p.kind == RuleProblemKind::Invalid
            && p.message == "Too long to check: the direction must be at most 64 characters."));
        assert!(answer_size(&p) < 50_000, "{}", answer_size(&p));
        for long in ["protocol", "ethertype", "remote_ip_prefix"] {
            let mut r = rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22)));
            let text = format!("{}/0", " ".repeat(100_000));
            match long {
                "protocol" => r.protocol = ProtocolEnum::Other(text),
                "ethertype" => r.ethertype = EthertypeEnum::Other(text),
                _ => r.remote_ip_prefix = text,
            }
            let p = check(&vec![r.clone(); RULES_MAX]);
            assert!(answer_size(&p) < 50_000, "{long}: {}", answer_size(&p));
            let existing = vec![r.clone(); RULES_MAX];
            let fine = rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22)));
            assert_eq!(new_rule_conflict(&existing, &fine), None, "{long}");
        }
    }

    /// Rules that are not too long but all alike (an unknown direction of 64 characters):
    /// one conflict per rule, every quote cut.
    #[test]
    fn identical_rules_give_one_conflict_each() {
        let mut r = rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22)));
        r.direction = DirectionEnum::Other("y".repeat(RULE_FIELD_MAX_BYTES));
        r.ethertype = EthertypeEnum::Other("z".repeat(RULE_FIELD_MAX_BYTES));
        let p = check(&vec![r; RULES_MAX]);
        let dups = p
            .iter()
            .filter(|p| p.kind == RuleProblemKind::Duplicate)
            .count();
        assert_eq!(dups, RULES_MAX - 1);
        assert!(p.iter().all(|p| p.message.len() < 400));
        assert!(answer_size(&p) < 200_000, "{}", answer_size(&p));
    }

    #[test]
    fn too_long_a_list_is_refused_without_comparing() {
        let many = vec![rule("tcp", "IPv4", "0.0.0.0/0", Some((22, 22))); RULES_MAX + 1];
        let p = check(&many);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, RuleProblemKind::TooMany);
    }
}
