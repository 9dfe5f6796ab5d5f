//! The one error that crosses the IPC boundary: `{code, message, requestId?, field?}`.
//! The UI branches on `code` (exported to TypeScript), never on the message.

use barrack_api::{ApiError, ErrorCode};
use barrack_credentials::CredentialError;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
pub enum AppErrorCode {
    Unauthorized,
    InsufficientCredits,
    NotFound,
    Validation,
    Conflict,
    RateLimited,
    Server,
    Network,
    Timeout,
    Decode,
    /// No usable OS keyring (none installed, locked, no session bus).
    KeychainUnavailable,
    /// The keyring failed otherwise.
    KeychainError,
    /// No account is signed in (and no sandbox runs).
    NotSignedIn,
    /// The embedded sandbox could not start.
    Sandbox,
    /// This build has no embedded sandbox (built without the `sandbox` cargo feature).
    SandboxNotBuiltIn,
    /// Settings could not be read or written.
    Settings,
    /// The user cancelled a dialog; nothing was done.
    Cancelled,
    /// A local file could not be written.
    File,
    /// The command failed inside the app itself (it panicked); nothing was sent twice.
    Internal,
    /// No newer version is offered (install asked for without one).
    NoUpdate,
    /// The update server could not be asked, or answered something unreadable.
    UpdateCheckFailed,
    /// The update could not be downloaded; nothing was installed.
    UpdateDownloadFailed,
    /// The downloaded update's signature did not match the app's public key (wrong key or
    /// changed bytes): it was not installed.
    UpdateSignatureRefused,
    /// The verified update could not be installed (the package manager refused or failed).
    UpdateInstallFailed,
}

impl From<ErrorCode> for AppErrorCode {
    fn from(c: ErrorCode) -> Self {
        match c {
            ErrorCode::Unauthorized => AppErrorCode::Unauthorized,
            ErrorCode::InsufficientCredits => AppErrorCode::InsufficientCredits,
            ErrorCode::NotFound => AppErrorCode::NotFound,
            ErrorCode::Validation => AppErrorCode::Validation,
            ErrorCode::Conflict => AppErrorCode::Conflict,
            ErrorCode::RateLimited => AppErrorCode::RateLimited,
            ErrorCode::Server => AppErrorCode::Server,
            ErrorCode::Network => AppErrorCode::Network,
            ErrorCode::Timeout => AppErrorCode::Timeout,
            ErrorCode::Decode => AppErrorCode::Decode,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{code:?}: {message}")]
pub struct AppError {
    pub code: AppErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The input field a validation error is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: AppErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
            request_id: None,
            field: None,
        }
    }
}

/// The most of a server's error text the UI is shown (barrack-api already cuts it; this
/// holds whatever the client lets through, e.g. a hostile server's megabyte of text).
pub const MAX_MESSAGE_CHARS: usize = 300;
/// A request id or field name is short; anything longer is not one.
const MAX_LABEL_CHARS: usize = 100;

/// `text` cut to at most `max` characters (on a character boundary), marked with "…".
fn bounded(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

impl From<ApiError> for AppError {
    fn from(e: ApiError) -> Self {
        AppError {
            code: e.code.into(),
            message: bounded(e.message, MAX_MESSAGE_CHARS),
            request_id: e.request_id.map(|r| bounded(r, MAX_LABEL_CHARS)),
            field: e.field.map(|f| bounded(f, MAX_LABEL_CHARS)),
        }
    }
}

impl From<CredentialError> for AppError {
    fn from(e: CredentialError) -> Self {
        let code = match e {
            CredentialError::Unavailable(_) => AppErrorCode::KeychainUnavailable,
            CredentialError::Other(_) => AppErrorCode::KeychainError,
        };
        AppError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_reaches_the_ui_bounded() {
        let mut huge = ApiError::new(ErrorCode::Server, format!("boom: {}", "é".repeat(1 << 20)));
        huge.request_id = Some("r".repeat(10_000));
        huge.field = Some("f".repeat(10_000));
        let e = AppError::from(huge);
        assert_eq!(e.code, AppErrorCode::Server);
        assert_eq!(e.message.chars().count(), MAX_MESSAGE_CHARS);
        assert!(e.message.starts_with("boom: éé") && e.message.ends_with('…'));
        assert!(e.request_id.unwrap().chars().count() <= 100);
        assert!(e.field.unwrap().chars().count() <= 100);

        // Short text passes unchanged.
        let mut short = ApiError::new(ErrorCode::NotFound, "No such VM");
        short.request_id = Some("req-1".into());
        let e = AppError::from(short);
        assert_eq!(e.message, "No such VM");
        assert_eq!(e.request_id.as_deref(), Some("req-1"));
    }
}
