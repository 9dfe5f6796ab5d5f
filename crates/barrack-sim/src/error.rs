//! Errors the emulator answers with. The real error format is not documented; we send
//! `{"success": false, "message", "error_code", "field"?, "request_id"}` with the HTTP
//! status the client maps to its codes (inferred).

use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct SimError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
}

pub type SimResult<T> = Result<T, SimError>;

impl SimError {
    fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        SimError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }
    pub fn unauthorized() -> Self {
        Self::new(401, "Unauthorized", "Missing or invalid API key")
    }
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(404, "NotFound", format!("{what} {id:?} was not found"))
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(409, "Conflict", message)
    }
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new(422, "Validation", format!("{field}: {}", message.into()));
        e.field = Some(field.to_owned());
        e
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "Validation", message)
    }
    pub fn insufficient_credits(message: impl Into<String>) -> Self {
        Self::new(
            402,
            "InsufficientCredits",
            format!("Insufficient Credits: {}", message.into()),
        )
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(403, "Forbidden", message)
    }
    pub fn server(message: impl Into<String>) -> Self {
        Self::new(500, "Server", message)
    }

    pub fn body(&self, request_id: &str) -> Value {
        let mut v = json!({
            "success": false,
            "message": self.message,
            "error_code": self.code,
            "request_id": request_id,
        });
        if let Some(f) = &self.field {
            v["field"] = json!(f);
        }
        v
    }
}

impl From<barrack_api::validate::FieldError> for SimError {
    fn from(e: barrack_api::validate::FieldError) -> Self {
        SimError::validation(&e.field, e.message)
    }
}
