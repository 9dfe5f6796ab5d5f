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
    /// Settings could not be read or written.
    Settings,
    /// The user cancelled a dialog; nothing was done.
    Cancelled,
    /// A local file could not be written.
    File,
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

impl From<ApiError> for AppError {
    fn from(e: ApiError) -> Self {
        AppError {
            code: e.code.into(),
            message: e.message,
            request_id: e.request_id,
            field: e.field,
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
