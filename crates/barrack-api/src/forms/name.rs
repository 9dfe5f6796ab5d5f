//! The name of a VM, volume, snapshot, image, firewall or script: the shared character rule
//! (validate::resource_name) and unique among `taken`, whatever the case (Barrack compares
//! names without regard to case, so "Nightly" clashes with "nightly"). Also the name a
//! restored snapshot is offered.

use super::{list_too_long, text_too_long, NameCheck, TAKEN_NAMES_MAX};
use crate::validate::{self, FieldError, NAME_MAX};
use serde::{Deserialize, Serialize};

/// What is being named: a closed list, since the webview must not put its own words into
/// the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum NameNoun {
    Vm,
    Volume,
    Snapshot,
    Image,
    Firewall,
    Script,
}

impl NameNoun {
    /// "A VM", "An image": how a message starts.
    fn with_article(self) -> &'static str {
        match self {
            NameNoun::Vm => "A VM",
            NameNoun::Volume => "A volume",
            NameNoun::Snapshot => "A snapshot",
            NameNoun::Image => "An image",
            NameNoun::Firewall => "A firewall",
            NameNoun::Script => "A script",
        }
    }
}

/// The name field as typed, and the names already in use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NameForm {
    pub name: String,
    pub noun: NameNoun,
    #[serde(default)]
    pub taken: Vec<String>,
}

/// Longest entry of `taken` compared (in bytes, trimmed): a name has at most [`NAME_MAX`]
/// characters of at most 4 bytes each, so a longer entry cannot clash with one; it is
/// skipped before it is lowercased (each entry's length is capped, not only their count).
pub const TAKEN_ENTRY_MAX_BYTES: usize = NAME_MAX * 4;

/// The name in use that `name` clashes with (trimmed, compared without case), if any.
pub fn clash<'a>(name: &str, taken: &'a [String]) -> Option<&'a str> {
    let wanted = name.trim().to_lowercase();
    taken
        .iter()
        .filter(|t| t.trim().len() <= TAKEN_ENTRY_MAX_BYTES)
        .find(|t| t.trim().to_lowercase() == wanted)
        .map(String::as_str)
}

/// The uniqueness message, naming the name in use.
pub fn taken_message(article_noun: &str, existing: &str) -> String {
    format!(
        "{article_noun} named \"{}\" already exists (names are compared without case): choose another name.",
        existing.trim()
    )
}

/// Field id: `name` (and `taken` when the list is too long to compare). Value: the name.
pub fn check(form: &NameForm) -> NameCheck {
    let errors: Vec<FieldError> = if let Some(e) = text_too_long("name", &form.name) {
        vec![e]
    } else if let Some(e) = list_too_long("taken", form.taken.len(), TAKEN_NAMES_MAX) {
        vec![e]
    } else if let Err(e) = validate::resource_name("name", &form.name) {
        vec![e]
    } else if let Some(existing) = clash(&form.name, &form.taken) {
        vec![FieldError::new(
            "name",
            taken_message(form.noun.with_article(), existing),
        )]
    } else {
        Vec::new()
    };
    NameCheck::new(errors, || form.name.clone())
}

/// `{snapshot}-restored`, the snapshot's name shortened so the whole fits in 50 characters.
pub fn restored_name(snapshot_name: &str) -> String {
    const SUFFIX: &str = "-restored";
    let base: String = snapshot_name
        .trim()
        .chars()
        .take(NAME_MAX - SUFFIX.len())
        .collect();
    format!("{base}{SUFFIX}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, taken: &[&str]) -> NameForm {
        NameForm {
            name: name.into(),
            noun: NameNoun::Image,
            taken: taken.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn a_valid_name_is_its_value() {
        let c = check(&form("nightly 2", &["other"]));
        assert!(c.errors.is_empty());
        assert_eq!(c.value.as_deref(), Some("nightly 2"));
    }

    #[test]
    fn the_shape_rule_comes_first_then_uniqueness_without_case() {
        assert_eq!(
            check(&form("", &[])).errors[0].message,
            "A name is required."
        );
        let c = check(&form(" Nightly ", &["nightly"]));
        assert_eq!(c.value, None);
        assert_eq!(
            c.errors,
            vec![FieldError::new(
                "name",
                "An image named \"nightly\" already exists (names are compared without case): choose another name."
            )]
        );
    }

    #[test]
    fn absurd_inputs_are_refused_before_work() {
        let many = vec!["x".to_owned(); TAKEN_NAMES_MAX + 1];
        let c = check(&NameForm {
            name: "a".into(),
            noun: NameNoun::Vm,
            taken: many,
        });
        assert_eq!(c.errors[0].field, "taken");
        let c = check(&form(&"a".repeat(super::super::TEXT_MAX_BYTES + 1), &[]));
        assert!(c.errors[0].message.starts_with("Too long to check"));
    }

    /// Long entries in `taken` are not compared, and the message quotes a name, not them.
    #[test]
    fn long_taken_entries_are_skipped() {
        let long = format!("{}Nightly", "n".repeat(64 * 1024));
        let padded = format!("nightly{}", " ".repeat(64 * 1024));
        let c = check(&form("nightly", &[long.as_str(), long.as_str()]));
        assert!(c.errors.is_empty());
        let c = check(&form("nightly", &[long.as_str(), padded.as_str()]));
        let size = serde_json::to_string(&c).unwrap().len();
        assert!(size < 1_000, "{size}");
        assert!(c.errors[0].message.contains("named \"nightly\" already"));
    }

    #[test]
    fn restored_names_fit() {
        assert_eq!(restored_name(" nightly "), "nightly-restored");
        let r = restored_name(&"é".repeat(60));
        assert_eq!(r.chars().count(), NAME_MAX);
        assert!(validate::resource_name("n", &restored_name("ok")).is_ok());
    }

    /// The cases the UI's copies of the name rule used to test (they now show this answer).
    #[test]
    fn characters_are_counted_and_checked_one_by_one() {
        assert!(check(&form(&"x".repeat(50), &[])).errors.is_empty());
        assert!(check(&form("my snap-1_v2.0", &[])).errors.is_empty());
        assert!(check(&form("café", &[])).errors[0]
            .message
            .contains("found 'é'"));
        assert!(check(&form("snap 🚀", &[])).errors[0]
            .message
            .contains("found '🚀'"));
        assert!(check(&form("   ", &[])).errors[0]
            .message
            .starts_with("A name is required"));
        assert!(check(&form("nightly2", &["nightly"])).errors.is_empty());
        assert!(!check(&form("BASE IMAGE", &["Base Image"]))
            .errors
            .is_empty());
        assert_eq!(restored_name("train"), "train-restored");
        let long = restored_name(&"x".repeat(50));
        assert_eq!(long.chars().count(), NAME_MAX);
        assert!(long.ends_with("-restored"));
    }
}
