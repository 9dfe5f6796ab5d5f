//! Every command the UI can call: the app's own and one per API operation. The list in
//! `command_list.rs` is the one place they are named: it feeds the IPC handler, the
//! generated TypeScript bindings, and (through build.rs) the permissions the capability
//! grants.

pub mod api;
pub mod app;
pub mod billing;
pub mod deploy;
#[cfg(test)]
mod form_cases;
pub mod forms;
pub mod overview;
pub mod storage;
pub mod watch;

pub use api::*;
pub use app::*;
pub use billing::*;
pub use deploy::*;
pub use forms::*;
pub use overview::*;
pub use storage::*;
pub use watch::*;
