//! One error type for every failure, with a stable code the UI and CLI branch on.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Stable error codes. The UI matches on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ErrorCode {
    /// Missing, wrong or revoked API key (HTTP 401/403).
    Unauthorized,
    /// The balance does not cover the operation ("Insufficient Credits"; HTTP 402, inferred).
    InsufficientCredits,
    /// The resource does not exist (HTTP 404).
    NotFound,
    /// Bad input: refused by the client's own checks before sending, or by the server (400/422).
    Validation,
    /// The operation does not fit the resource's state or collides with another (HTTP 409).
    Conflict,
    /// Too many requests (HTTP 429); `retry_after` says when to come back.
    RateLimited,
    /// The server failed (HTTP 5xx).
    Server,
    /// No connection, connection dropped, TLS failure.
    Network,
    /// The request took longer than the configured time-out.
    Timeout,
    /// The server answered with a body this client cannot read.
    Decode,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::Unauthorized,
        ErrorCode::InsufficientCredits,
        ErrorCode::NotFound,
        ErrorCode::Validation,
        ErrorCode::Conflict,
        ErrorCode::RateLimited,
        ErrorCode::Server,
        ErrorCode::Network,
        ErrorCode::Timeout,
        ErrorCode::Decode,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unauthorized => "Unauthorized",
            ErrorCode::InsufficientCredits => "InsufficientCredits",
            ErrorCode::NotFound => "NotFound",
            ErrorCode::Validation => "Validation",
            ErrorCode::Conflict => "Conflict",
            ErrorCode::RateLimited => "RateLimited",
            ErrorCode::Server => "Server",
            ErrorCode::Network => "Network",
            ErrorCode::Timeout => "Timeout",
            ErrorCode::Decode => "Decode",
        }
    }

    /// Whether an idempotent read may be tried again after this failure.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorCode::RateLimited | ErrorCode::Server | ErrorCode::Network | ErrorCode::Timeout
        )
    }

    /// The code for an HTTP error status (the server's error format is not documented,
    /// so the status decides; a message naming insufficient credits overrides it).
    pub fn from_status(status: u16) -> ErrorCode {
        match status {
            401 | 403 => ErrorCode::Unauthorized,
            402 => ErrorCode::InsufficientCredits,
            404 | 410 => ErrorCode::NotFound,
            408 | 504 => ErrorCode::Timeout,
            409 | 423 => ErrorCode::Conflict,
            429 => ErrorCode::RateLimited,
            500..=599 => ErrorCode::Server,
            _ => ErrorCode::Validation,
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failed call: the code, a message a person can act on, and whatever the server said.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The server's `request_id`, to quote to Barrack support.
    pub request_id: Option<String>,
    /// HTTP status, when the server answered.
    pub status: Option<u16>,
    /// The request field a validation error is about (`name`, `port_range_min`, …).
    pub field: Option<String>,
    /// From a `Retry-After` header.
    pub retry_after: Option<Duration>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            request_id: None,
            status: None,
            field: None,
            retry_after: None,
        }
    }

    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut e = ApiError::new(ErrorCode::Validation, message);
        e.field = Some(field.into());
        e
    }

    /// Builds the error for a non-success answer from its status and body.
    pub fn from_response(status: u16, body: &[u8], retry_after: Option<Duration>) -> Self {
        let parsed: Option<ErrorBody> = crate::decode::from_slice(body).ok();
        let parsed = parsed.unwrap_or_default();
        let mut code = ErrorCode::from_status(status);
        let message = parsed
            .message
            .or(parsed.error.clone())
            .or(parsed.detail)
            .unwrap_or_else(|| default_message(status, body));
        if message.to_ascii_lowercase().contains("insufficient credit") {
            code = ErrorCode::InsufficientCredits;
        }
        ApiError {
            code,
            message,
            request_id: parsed.request_id,
            status: Some(status),
            field: parsed.field,
            retry_after,
        }
    }
}

fn default_message(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let snippet: String = text.chars().take(200).collect();
    if snippet.trim().is_empty() {
        format!("The server answered HTTP {status} with no message")
    } else {
        format!("The server answered HTTP {status}: {}", snippet.trim())
    }
}

/// What an error body may hold. The real `ErrorResponse` schema is not documented;
/// these are the usual spellings (inferred).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ErrorBody {
    #[serde(deserialize_with = "crate::decode::opt_string")]
    message: Option<String>,
    #[serde(deserialize_with = "crate::decode::opt_string")]
    error: Option<String>,
    #[serde(deserialize_with = "crate::decode::opt_string")]
    detail: Option<String>,
    #[serde(deserialize_with = "crate::decode::opt_string")]
    request_id: Option<String>,
    #[serde(deserialize_with = "crate::decode::opt_string")]
    field: Option<String>,
}

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_and_message_decide_the_code() {
        let e = ApiError::from_response(
            400,
            br#"{"success":false,"message":"Insufficient Credits","request_id":"r1"}"#,
            None,
        );
        assert_eq!(e.code, ErrorCode::InsufficientCredits);
        assert_eq!(e.request_id.as_deref(), Some("r1"));
        let e = ApiError::from_response(409, b"not json", None);
        assert_eq!(e.code, ErrorCode::Conflict);
        assert!(e.message.contains("not json"));
        let e = ApiError::from_response(503, b"", None);
        assert_eq!(e.code, ErrorCode::Server);
    }
}
