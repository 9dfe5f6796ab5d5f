//! The SSH key form (create, import, or generate when `public_key` is absent): the name rule
//! without spaces, unique among the account's keys whatever the case, and one line of
//! OpenSSH public-key text.

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
    SshKeyCheck::new(errors, || CreateSSHKeyRequest {
        name: form.name.clone(),
        public_key: form.public_key.as_ref().map(|k| k.trim().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

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
            taken: vec![long; 200],
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
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q"
                .into(),
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== a b c".into(),
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= x".into(),
            "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjE=".into(),
            "ssh-dss AAAAB3NzaC1kc3MAAACBAP8= x".into(),
        ] {
            assert_eq!(key_error(&good), None, "{good}");
        }
        let sk = key_error("sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5").unwrap();
        assert!(sk.starts_with("Must start with the key type"));
        for damaged in [
            "ssh-rsa",
            "ssh-rsa AAAA",
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB1",
        ] {
            assert!(key_error(damaged).unwrap().contains("base64"), "{damaged}");
        }
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
}
