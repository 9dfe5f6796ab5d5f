//! Typed async client of the Barrack GPU cloud REST API.
//!
//! - `operations.rs`: the one declaration of every operation; [`endpoints`] reads it into the
//!   table of operations, paths and types (documented vs inferred).
//! - [`Client`]: builds, sends, retries and decodes; [`ops`] generates one method per
//!   operation, the `Op` enum and the endpoint table from `operations.rs`.
//! - [`types`]: request and response types named after the documentation's schemas.
//! - [`validate`] and [`state`]: the documented rules, shared by the UI, CLI and emulator.
//! - [`ApiError`] with a stable [`ErrorCode`]; [`ApiKey`] that cannot be printed.
//!
//! No Tauri, no UI: the desktop app, the CLI and the tests all use this crate.

pub mod client;
pub mod costs;
pub mod decode;
pub mod deploy;
pub mod endpoints;
pub mod error;
pub mod forms;
pub mod limits;
pub mod lists;
pub mod ops;
pub mod paginate;
pub mod probe;
pub mod redirect;
pub mod retry_after;
pub mod secret;
pub mod share;
pub mod spend;
pub mod state;
pub mod types;
pub mod validate;

pub use client::{
    decode_value, parse_base_url, AuthScheme, BuiltRequest, Client, ClientBuilder, Nothing,
    RetryPolicy, DEFAULT_BASE_URL,
};
pub use endpoints::{endpoint, Command, Endpoint, Method, Op, Source, ENDPOINTS};
pub use error::{ApiError, ErrorCode, Result};
pub use secret::ApiKey;

/// Hibernated VMs bill USD 0.01 / EUR 0.01 / INR 1.00 per hour. This is the one rate the
/// pricing endpoint does not carry (platform/rules.md §15.3, §16 item 16): kept here, once.
pub fn hibernation_rate_per_hour(currency: &types::CurrencyEnum) -> f64 {
    match currency {
        types::CurrencyEnum::Inr => 1.00,
        _ => 0.01,
    }
}
