//! What can go wrong in a command, and the exit code it ends with:
//! 0 ok, 1 API error (code and message on stderr), 2 usage error (including input refused
//! before any request), 3 time-out.

use barrack_api::{ApiError, ErrorCode};
use barrack_credentials::CredentialError;

#[derive(Debug)]
pub enum CliError {
    Api(ApiError),
    /// Bad input or a refused invocation; nothing was sent.
    Usage(String),
    /// `--wait` ran out of time, or the operation ended in ERROR.
    Timeout(String),
    /// The operation reached ERROR while waiting.
    Failed(String),
    Credentials(CredentialError),
    NotSignedIn(String),
    Io(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            // Input refused by the client's own checks: nothing was sent, a usage error.
            CliError::Api(e) if e.code == ErrorCode::Validation && e.status.is_none() => 2,
            CliError::Api(_)
            | CliError::Failed(_)
            | CliError::Credentials(_)
            | CliError::NotSignedIn(_)
            | CliError::Io(_) => 1,
            CliError::Usage(_) => 2,
            CliError::Timeout(_) => 3,
        }
    }

    /// The line printed on stderr: `error[Code]: message (request id …)`.
    pub fn render(&self) -> String {
        match self {
            CliError::Api(e) => {
                let mut s = match (&e.field, e.status) {
                    (Some(f), None) => {
                        format!("error[{}]: {f}: {}", e.code, strip_field(&e.message, f))
                    }
                    _ => format!("error[{}]: {}", e.code, e.message),
                };
                if let Some(id) = &e.request_id {
                    s.push_str(&format!(" (request id {id})"));
                }
                s
            }
            CliError::Usage(m) => format!("error[Usage]: {m}"),
            CliError::Timeout(m) => format!("error[Timeout]: {m}"),
            CliError::Failed(m) => format!("error[Failed]: {m}"),
            CliError::Credentials(e) => format!("error[{}]: {e}", e.code()),
            CliError::NotSignedIn(m) => format!("error[Unauthorized]: {m}"),
            CliError::Io(m) => format!("error[Io]: {m}"),
        }
    }
}

fn strip_field<'a>(message: &'a str, field: &str) -> &'a str {
    message
        .strip_prefix(&format!("{field}: "))
        .unwrap_or(message)
}

impl From<ApiError> for CliError {
    fn from(e: ApiError) -> Self {
        CliError::Api(e)
    }
}

impl From<CredentialError> for CliError {
    fn from(e: CredentialError) -> Self {
        CliError::Credentials(e)
    }
}

impl From<barrack_api::validate::FieldError> for CliError {
    fn from(e: barrack_api::validate::FieldError) -> Self {
        CliError::Api(e.into())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;
