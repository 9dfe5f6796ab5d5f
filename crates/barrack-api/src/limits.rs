//! Bounds on what a server can make this client hold or show: the size of an answer, and
//! the length and content of the server's error text.

use crate::error::{ApiError, ErrorCode};

/// The largest answer read (32 MiB); the 5,000-record and 2,000-VM benchmarks stay far
/// below it.
pub const MAX_BODY_BYTES: u64 = 32 * 1024 * 1024;

/// The longest server text shown (messages, fields, request ids are shorter still).
pub const MAX_MESSAGE_CHARS: usize = 300;

/// Reads an answer's body in chunks, refusing it as soon as it passes `cap` (before
/// reading anything when `Content-Length` already says so).
pub async fn read_capped(mut resp: reqwest::Response, cap: u64) -> Result<Vec<u8>, ReadError> {
    if let Some(announced) = resp.content_length().filter(|n| *n > cap) {
        return Err(ReadError::TooLarge(too_large(Some(announced), cap)));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(ReadError::Transport)? {
        if (body.len() as u64).saturating_add(chunk.len() as u64) > cap {
            return Err(ReadError::TooLarge(too_large(None, cap)));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

pub enum ReadError {
    TooLarge(ApiError),
    Transport(reqwest::Error),
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / 1_048_576.0)
}

fn too_large(announced: Option<u64>, cap: u64) -> ApiError {
    let size = match announced {
        Some(n) => format!("{} announced", mib(n)),
        None => format!("more than {}", mib(cap)),
    };
    ApiError::new(
        ErrorCode::Decode,
        format!(
            "The server's answer is too large to read ({size}; this app reads at most {}).",
            mib(cap)
        ),
    )
}

/// Server text made fit to show: the key (when the server echoes it) replaced, control
/// characters turned to spaces, cut to `max` characters with "…".
pub fn clean_text(text: &str, key: Option<&str>, max: usize) -> String {
    let redacted = match key {
        // A key this short would mangle ordinary words; real keys are far longer.
        Some(k) if k.len() >= 8 => redact_tail(&text.replace(k, "<redacted>"), k),
        _ => text.to_owned(),
    };
    let plain: String = redacted
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if plain.chars().count() <= max {
        return plain;
    }
    let mut cut: String = plain.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The shortest start of a key [`redact_tail`] hides: fewer characters say nothing (and
/// every key of a kind shares them).
const MIN_KEY_PREFIX: usize = 4;

/// Hides the start of the key a text ends with. A snippet of an answer is cut before it
/// reaches [`clean_text`] (an unreadable body, an error without a message): when the server
/// put the key just before that cut, only its first characters remain — not the key, so
/// not replaced, yet part of it.
fn redact_tail(text: &str, key: &str) -> String {
    let longest = (MIN_KEY_PREFIX..key.len())
        .rev()
        .filter(|n| key.is_char_boundary(*n))
        .find(|n| text.ends_with(&key[..*n]));
    match longest {
        Some(n) => format!("{}<redacted>", &text[..text.len() - n]),
        None => text.to_owned(),
    }
}

/// Cleans every piece of server text an error carries.
pub fn clean_error(mut e: ApiError, key: Option<&str>) -> ApiError {
    e.message = clean_text(&e.message, key, MAX_MESSAGE_CHARS);
    e.request_id = e.request_id.map(|t| clean_text(&t, key, 100));
    e.field = e.field.map(|t| clean_text(&t, key, 100));
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_and_the_key_redacted() {
        let key = "sk-live-0123456789abcdef";
        let long = format!("bad key {key} {}", "x".repeat(1000));
        let t = clean_text(&long, Some(key), MAX_MESSAGE_CHARS);
        assert_eq!(t.chars().count(), 300);
        assert!(t.ends_with('…'));
        assert!(t.starts_with("bad key <redacted> x"), "{t}");
        assert!(!t.contains("sk-live"));
        // The key straddling the cut cannot leave a prefix behind.
        let edge = format!("{}{key}", "y".repeat(290));
        assert!(!clean_text(&edge, Some(key), 300).contains("sk-live"));
        assert_eq!(clean_text("a\nb\u{7}c", None, 300), "a b c");
        assert_eq!(clean_text("short", Some(key), 300), "short");
        assert_eq!(clean_text(&"é".repeat(400), None, 300).chars().count(), 300);
        // A text cut inside the key (a snippet) loses the key's start too.
        assert_eq!(
            clean_text(&format!("began: {}", &key[..12]), Some(key), 300),
            "began: <redacted>"
        );
        assert_eq!(clean_text("ends in sk-", Some(key), 300), "ends in sk-");
    }
}
