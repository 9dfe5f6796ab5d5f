//! The SSH key form (create, import, or generate when `public_key` is absent): the name rule
//! without spaces, unique among the account's keys whatever the case, one line of OpenSSH
//! public-key text, and room for one more key (25 a region). And whether a key may be
//! deleted: not while a VM uses it.

use super::name::{clash, taken_message};
use super::{list_too_long, text_too_long, SshKeyCheck, TAKEN_NAMES_MAX};
use crate::types::CreateSSHKeyRequest;
use crate::validate::{self, FieldError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SshKeyForm {
    pub name: String,
    /// The pasted public key; `None` when the app generates the pair.
    #[serde(default)]
    pub public_key: Option<String>,
    /// Names of the account's keys.
    #[serde(default)]
    pub taken: Vec<String>,
}

/// Field ids: `name`, `publicKey` (and `taken`). Value: the create request (key trimmed).
pub fn check(form: &SshKeyForm) -> SshKeyCheck {
    let mut errors = Vec::new();
    if let Some(e) = list_too_long("taken", form.taken.len(), TAKEN_NAMES_MAX) {
        return SshKeyCheck::new(vec![e], CreateSSHKeyRequest::default);
    }
    let name = text_too_long("name", &form.name)
        .map(Err)
        .unwrap_or_else(|| validate::ssh_key_name("name", &form.name));
    match name {
        Err(e) => errors.push(e),
        Ok(()) => {
            if let Some(existing) = clash(&form.name, &form.taken) {
                errors.push(FieldError::new("name", taken_message("A key", existing)));
            }
        }
    }
    if let Some(key) = &form.public_key {
        let checked = text_too_long("publicKey", key)
            .map(Err)
            .unwrap_or_else(|| validate::ssh_public_key("publicKey", key));
        if let Err(e) = checked {
            errors.push(e);
        }
    }
    // The account's keys are every region's (each key is copied to all of them).
    if let Err(e) = validate::ssh_key_room("taken", form.taken.len()) {
        errors.push(e);
    }
    SshKeyCheck::new(errors, || CreateSSHKeyRequest {
        name: form.name.clone(),
        public_key: form.public_key.as_ref().map(|k| k.trim().to_owned()),
    })
}

/// Deleting a key: its name and the names of the VMs that use it (the key's `used_by`, as
/// names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SshKeyDeletionForm {
    pub name: String,
    #[serde(default)]
    pub used_by: Vec<String>,
}

/// Field id: `usedBy`. Empty when the key may be deleted; otherwise the refusal naming the
/// VMs (SSH-21).
pub fn check_deletion(form: &SshKeyDeletionForm) -> Vec<FieldError> {
    if let Some(e) = list_too_long("usedBy", form.used_by.len(), TAKEN_NAMES_MAX) {
        return vec![e];
    }
    let too_long = std::iter::once(&form.name)
        .chain(&form.used_by)
        .find_map(|n| text_too_long("usedBy", n));
    if let Some(e) = too_long {
        return vec![e];
    }
    validate::ssh_key_deletable("usedBy", &form.name, &form.used_by)
        .err()
        .into_iter()
        .collect()
}

/// What a key's public line says about it (SSH-10), for the list: its type as people name
/// it and its size in bits; `kind` is what the line starts with when the key is not whole or
/// not of a known type, and `bits` is then absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SshKeyInfo {
    pub kind: String,
    pub bits: Option<u32>,
}

/// Keys described at once (one list), at most this many: the account holds 25.
pub const DESCRIBE_MAX: usize = 100;

/// [`SshKeyInfo`] of each public line, in order.
pub fn describe(public_keys: &[String]) -> Vec<SshKeyInfo> {
    public_keys
        .iter()
        .take(DESCRIBE_MAX)
        .map(|line| match validate::ssh_key_kind_and_bits(line) {
            Some((kind, bits)) => SshKeyInfo {
                kind: kind.to_owned(),
                bits: Some(bits),
            },
            None => SshKeyInfo {
                kind: line
                    .split_whitespace()
                    .next()
                    .map(|k| k.chars().take(40).collect())
                    .unwrap_or_else(|| "Unknown".to_owned()),
                bits: None,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";
    // Made by ssh-keygen (RSA 1024 bits to keep the line short; DSA with an old ssh-keygen).
    const RSA: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDEp0KwsWbK6dGcWfvyXXdtrlUCmzermxFLfjFha7U6lqj6fYjSSpQNqGfbiqkXbf1joBTh2yowr/1bPdV2eiqpVXlNmjAEFv5FTp1I0rXT+GIzHSln+bqGAiEdgtkQk81B1MANOkFKzwKw2jE/aSHwnORYKOEvqShUy/lmqGkdaQ== a b c";
    const ECDSA_256: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBF/UVU+w92HPNZ8fjykOeSc5/lgb6E/FkuIAMCmoyiXb9ykwqOLkAaNRSgZyr/na+qzfAJYNgJiQURxsL/wwevM= x";
    const ECDSA_521: &str = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAAtdiq9WlSmLdpmD3SUHOdEuEhHjCN6rQ/6noZ2rWoNa28pZYCQgPNAIGhDwWgHALHeCHvk9r0kyffNk5C/EW1EwgCGFxhwNnUCD/ocBRnK4rDL907AWi0acxs4qJ0yzdQ+7aIN2NW4DuvzGCgvss2H9klbDwyguyYQbmH7JdkwoX2mSQ==";
    const DSS: &str = "ssh-dss AAAAB3NzaC1kc3MAAACBAMiX7YBdLNeXiqepGzL78oDX0Xt6wZogoEUdxzs/LZA1/3nPtLV2BaYkdwJiPtoVCuKQjZcuIwTi5Y0Tb7hsIapmJttRlhXbtAC/5JU2nrDUOILwQVMofFzeBmgOAvcWfd8COv7LX6z999jZkczF68OwDLl2G/ZM1Js916HhxX2tAAAAFQD3qUzOjP2J4IVGaRRUI74GnVRC4wAAAIAhborTuCDauo3RIEEYGTM12IhXxBWvv7yGxKXBjZMidaSp0zoOq7cx685wc7zK9scb+MjsE6iufLMW/CRPOcJ0EJ+JKdX0R95F51hyOvChQmiAHyg9e7ItGCgjVsFnjltKefaDoz/2+TNmjXApka1v6HMrIMVo1bX6b05FALUNewAAAIB0seSWssCYHnhpvYGaCRtPePWX4+wFk60uHWTU68WLN00z9Tz8jAhcaTXnombYi6Ybfobyelkk/Hk2SrJ9Ia10fF8VF9Gn6zrPaGKkpn0EOxTaGBItuwEFA8LFpYji41koHmMaM5VBjFa5typah4aQN7LDpFctlTXT2ts6H4NY1Q== x";

    #[test]
    fn both_fields_are_reported_at_once() {
        let c = check(&SshKeyForm {
            name: "my key".into(),
            public_key: Some("ssh-foo AAAA".into()),
            taken: vec![],
        });
        let fields: Vec<&str> = c.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "publicKey"]);
        assert!(c.errors[0].message.contains("(no spaces)"));
        assert_eq!(c.value, None);
    }

    #[test]
    fn a_good_key_is_the_request_and_names_are_unique() {
        let c = check(&SshKeyForm {
            name: "laptop".into(),
            public_key: Some(format!("  {GOOD}\n")),
            taken: vec!["desktop".into()],
        });
        assert_eq!(c.value.unwrap().public_key.as_deref(), Some(GOOD));
        let c = check(&SshKeyForm {
            name: "Laptop".into(),
            public_key: None,
            taken: vec!["laptop".into()],
        });
        assert!(c.errors[0].message.starts_with("A key named \"laptop\""));
    }

    /// Each entry of `taken` is capped, not only their count: long ones are not compared.
    #[test]
    fn long_taken_entries_are_not_compared() {
        let long = "k".repeat(64 * 1024);
        let c = check(&SshKeyForm {
            name: "laptop".into(),
            public_key: None,
            taken: vec![long; 20],
        });
        assert!(c.errors.is_empty());
        assert!(serde_json::to_string(&c).unwrap().len() < 1_000);
    }

    fn key_error(text: &str) -> Option<String> {
        let c = check(&SshKeyForm {
            name: "k".into(),
            public_key: Some(text.into()),
            taken: vec![],
        });
        c.errors
            .into_iter()
            .find(|e| e.field == "publicKey")
            .map(|e| e.message)
    }

    /// The cases the UI's copy of the key rule used to test (it now shows this answer).
    #[test]
    fn key_types_and_bodies() {
        for good in [
            format!("  {GOOD}  "),
            format!("{GOOD}\n"),
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q"
                .into(),
            RSA.into(),
            ECDSA_256.into(),
            ECDSA_521.into(),
            DSS.into(),
        ] {
            assert_eq!(key_error(&good), None, "{good}");
        }
        let sk = key_error("sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5").unwrap();
        assert!(sk.starts_with("Must start with the key type"));
        // Cut short anywhere (even at a multiple of four characters), or the body of another type.
        let ed25519_body = GOOD.split_whitespace().nth(1).unwrap();
        for damaged in [
            "ssh-rsa".to_owned(),
            "ssh-rsa AAAA".into(),
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB1".into(),
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==".into(),
            RSA[..RSA.len() - 12].into(),
            GOOD[..40].into(),
            format!("ssh-rsa {ed25519_body}"),
            format!("ssh-ed25519 {ed25519_body}AAAA"),
        ] {
            assert!(key_error(&damaged).unwrap().contains("base64"), "{damaged}");
        }
        let two_lines = key_error(&format!("{GOOD}\n{GOOD}\n")).unwrap();
        assert!(two_lines.starts_with("Paste a single line"), "{two_lines}");
        let name = |n: &str| {
            check(&SshKeyForm {
                name: n.into(),
                public_key: None,
                taken: vec![],
            })
            .errors
        };
        assert!(name(&"a".repeat(50)).is_empty());
        assert!(name(&"a".repeat(51))[0].message.contains("(it has 51)"));
        assert!(name("   ")[0].message.starts_with("A name is required"));
        assert!(name("key/1")[0].message.contains("found '/'"));
    }

    /// 24 keys leave room for one more; at 25 the form refuses, whatever the name (SSH-06).
    #[test]
    fn twenty_five_keys_are_the_limit() {
        let taken = |n: usize| (0..n).map(|i| format!("k{i}")).collect::<Vec<_>>();
        let form = |n| SshKeyForm {
            name: "laptop".into(),
            public_key: Some(GOOD.into()),
            taken: taken(n),
        };
        assert!(check(&form(24)).value.is_some());
        let full = check(&form(25));
        assert_eq!(full.value, None);
        assert_eq!(full.errors.len(), 1);
        assert_eq!(full.errors[0].field, "taken");
        assert!(full.errors[0].message.contains("at most 25"));
    }

    #[test]
    fn a_key_in_use_is_not_deleted_and_the_vms_are_named() {
        let form = |used_by: &[&str]| SshKeyDeletionForm {
            name: "laptop".into(),
            used_by: used_by.iter().map(|s| (*s).to_owned()).collect(),
        };
        assert!(check_deletion(&form(&[])).is_empty());
        let refused = check_deletion(&form(&["train-h100", "eu-a100"]));
        assert_eq!(refused[0].field, "usedBy");
        assert!(refused[0].message.contains("train-h100, eu-a100"));
    }

    #[test]
    fn describes_each_key_type_with_its_bits() {
        let lines: Vec<String> = [
            GOOD,
            RSA,
            ECDSA_256,
            ECDSA_521,
            DSS,
            "ssh-rsa AAAA",
            "",
            "weird x",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let got: Vec<(String, Option<u32>)> = describe(&lines)
            .into_iter()
            .map(|i| (i.kind, i.bits))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Ed25519".into(), Some(256)),
                ("RSA".into(), Some(1024)),
                ("ECDSA".into(), Some(256)),
                ("ECDSA".into(), Some(521)),
                ("DSA".into(), Some(1024)),
                ("ssh-rsa".into(), None),
                ("Unknown".into(), None),
                ("weird".into(), None),
            ]
        );
        assert_eq!(describe(&vec![GOOD.to_owned(); 500]).len(), DESCRIBE_MAX);
    }
}
