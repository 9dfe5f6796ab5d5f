//! Every command the UI can call: the app's own, named in `command_list.rs`, and one per
//! API operation, generated in `api.rs` from the operations' declarations. build.rs reads
//! both lists: they feed the IPC handler, the generated TypeScript bindings and the
//! permissions the capability grants.

pub mod answers;
pub mod api;
pub mod app;
pub mod billing;
pub mod connect;
pub mod deploy;
pub mod firewalls;
#[cfg(test)]
mod form_cases;
pub mod forms;
pub mod last_known;
pub mod launch;
pub mod links;
pub mod logs;
pub mod overview;
pub mod storage;
pub mod updates;
pub mod watch;

pub use api::*;
pub use app::*;
pub use billing::*;
pub use connect::*;
pub use deploy::*;
pub use firewalls::*;
pub use forms::*;
pub use last_known::*;
pub use launch::*;
pub use links::*;
pub use logs::*;
pub use overview::*;
pub use storage::*;
pub use updates::*;
pub use watch::*;
