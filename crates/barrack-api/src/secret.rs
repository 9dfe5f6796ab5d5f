//! The API key, held so that it cannot leak by accident.
//!
//! `ApiKey` has no `Display`, no `Serialize`, and a `Debug` that prints only a redaction
//! marker. The bytes are zeroed on drop. The one way out is `expose()`, which the client
//! calls when it writes the auth header, so a grep for `expose(` lists every use.

use zeroize::Zeroizing;

#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(Zeroizing<String>);

impl ApiKey {
    /// Wraps a key; surrounding whitespace (a pasted newline) is dropped.
    pub fn new(key: impl Into<String>) -> Self {
        let key: String = key.into();
        ApiKey(Zeroizing::new(key.trim().to_owned()))
    }

    /// The secret itself. Only for writing the auth header or handing to the keyring.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// What a UI may show: "…abcd" (the last four characters), never more.
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() <= 8 {
            return "…".to_owned();
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("…{tail}")
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_key() {
        let key = ApiKey::new("sk-live-1234567890abcd\n");
        let shown = format!("{key:?} {:?}", Some(&key));
        assert!(!shown.contains("1234567890"), "{shown}");
        assert_eq!(key.expose(), "sk-live-1234567890abcd");
        assert_eq!(key.hint(), "…abcd");
        assert_eq!(ApiKey::new("short").hint(), "…");
    }
}
