//! Request and response types, named after the documentation's schema names.
//!
//! Every struct decodes leniently (`#[serde(default)]` everywhere, see `crate::decode`).
//! Which fields are documented: the pricing request/response, the three billing
//! responses and `RemoveVMSecurityRuleResponse`. Everything else is inferred from the
//! schema names and the platform docs, and marked so in each module.

pub mod account;
pub mod ai;
pub mod billing;
pub mod common;
pub mod firewalls;
pub mod instances;
pub mod pricing;
pub mod snapshots;
pub mod ssh;
pub mod volumes;

pub use account::*;
pub use ai::*;
pub use billing::*;
pub use common::*;
pub use firewalls::*;
pub use instances::*;
pub use pricing::*;
pub use snapshots::*;
pub use ssh::*;
pub use volumes::*;
