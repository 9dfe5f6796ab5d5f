//! The Jupyter password field of the deploy wizard (DEP-52): the rule and the meter.

use super::text_too_long;
use crate::validate::{self, FieldError, PasswordStrength};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct JupyterCheck {
    /// Field id `jupyterPassword`.
    pub errors: Vec<FieldError>,
    pub strength: PasswordStrength,
}

/// Checked only while Jupyter is on (the UI does not ask otherwise).
pub fn check(password: &str) -> JupyterCheck {
    if let Some(e) = text_too_long("jupyterPassword", password) {
        return JupyterCheck {
            errors: vec![e],
            strength: PasswordStrength::Weak,
        };
    }
    JupyterCheck {
        errors: validate::jupyter_password("jupyterPassword", password)
            .err()
            .into_iter()
            .collect(),
        strength: validate::password_strength(password),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_and_meter_together() {
        let c = check("short");
        assert_eq!(c.errors[0].message, "At least 8 characters (it has 5).");
        assert_eq!(c.strength, PasswordStrength::Weak);
        let c = check("Abcdefg1!xyz");
        assert!(c.errors.is_empty());
        assert_eq!(c.strength, PasswordStrength::Strong);
        assert!(check("").errors[0]
            .message
            .starts_with("Required while Jupyter is on"));
    }

    /// The cases the UI's copy of the meter used to test (it now shows this answer).
    #[test]
    fn meter_edges_and_lengths_in_characters() {
        use PasswordStrength::*;
        for (password, strength) in [
            ("Ab1!", Weak),             // four kinds, but too short
            ("12345678901234", Weak),   // long, one kind
            ("ABCDEFGHIJKLMNOP", Weak), // long, one kind
            ("abcdefghijk1", Medium),   // 12 characters but two kinds
            ("Abcdefghij1", Medium),    // three kinds but 11 characters
            ("abcdefghij1!", Strong),
            ("pass word 12", Strong), // a space counts as "other"
            ("éééééééé", Weak),       // non-ASCII letters are one kind ("other")
            ("ééééééé1", Medium),
        ] {
            assert_eq!(check(password).strength, strength, "{password}");
        }
        assert_eq!(
            check("1234567").errors[0].message,
            "At least 8 characters (it has 7)."
        );
        assert!(check("12345678").errors.is_empty());
        assert!(check("😀😀😀😀").errors[0].message.contains("it has 4"));
        assert!(check("😀😀😀😀😀😀😀😀").errors.is_empty());
    }
}
