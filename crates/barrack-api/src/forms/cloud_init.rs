//! The cloud-init field of the deploy wizard (DEP-53): its size in bytes, as the server
//! counts it, for the counter, and whether it fits in 16 KB.

use crate::validate::{self, FieldError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CloudInitCheck {
    /// UTF-8 bytes ("é" is 2, "😀" is 4).
    pub bytes: u32,
    /// Field id `cloudInit`.
    pub errors: Vec<FieldError>,
}

/// Measuring is O(1) whatever the size, so a huge script only gets the size message.
pub fn check(script: &str) -> CloudInitCheck {
    CloudInitCheck {
        bytes: u32::try_from(script.len()).unwrap_or(u32::MAX),
        errors: validate::cloud_init("cloudInit", script)
            .err()
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_bytes_and_says_by_how_much() {
        let c = check("é😀");
        assert_eq!((c.bytes, c.errors.len()), (6, 0));
        let c = check(&"x".repeat(16 * 1024 + 10));
        assert_eq!(
            c.errors[0].message,
            "At most 16 KB (16,384 bytes); this script is 16,394 bytes, 10 too many."
        );
    }

    /// The limit is in UTF-8 bytes, not characters.
    #[test]
    fn the_limit_is_exact_and_in_bytes() {
        assert!(check(&"é".repeat(8192)).errors.is_empty()); // 16,384 bytes
        assert!(check(&format!("{}x", "é".repeat(8192))).errors[0]
            .message
            .contains("16,385 bytes, 1 too many"));
        let c = check(&"😀".repeat(4097)); // 4,097 characters only
        assert_eq!(c.bytes, 16388);
        assert_eq!(c.errors.len(), 1);
    }
}
