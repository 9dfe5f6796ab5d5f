//! End-to-end harness for Barrack Desktop: drives the real app window through WebDriver
//! (`tauri-driver` in front of WebKitGTK's `WebKitWebDriver`) with fantoccini.
//!
//! # Running
//!
//! `scripts/e2e [JOURNEY…]` builds the app with the bundled UI, `barrack-sim` and these tests,
//! then runs them inside `xvfb-run` (1280×800×24) and `dbus-run-session`, with an unlocked
//! throw-away gnome-keyring, `dunst` as notification server, `NO_AT_BRIDGE=1`,
//! `--test-threads=1` and `BARRACK_E2E=1`. See `tests/README.md`.
//!
//! # The gate
//!
//! The journeys run only when `BARRACK_E2E=1` (set by `scripts/e2e`). Anywhere else — the
//! plain `cargo test --workspace` stage of `scripts/test`, an IDE — each journey prints why
//! it skipped and passes; that holds under `CI=true` too, because CI runs them through
//! `scripts/e2e` (the last stage of `scripts/test`). Inside `scripts/e2e`, a missing display,
//! session bus, driver or built app is a skip with the reason printed, and a failure when
//! `CI=true`.
//!
//! # Isolation
//!
//! Each journey starts its own `tauri-driver` (free ports, own process group) whose
//! environment gives the app its own `HOME`, `XDG_DATA_HOME`, `XDG_CONFIG_HOME` and
//! `XDG_CACHE_HOME` under `target/e2e-work/<journey>/home` (cleared when the journey starts;
//! WebKitWebDriver passes its environment to the app it launches). The Secret Service is
//! the session's throw-away gnome-keyring. Journeys run one at a time: the single-instance
//! plugin owns a session-bus name, so a second app would hand over to the first and exit.
//!
//! # Artifacts
//!
//! Screenshots go to `target/e2e-artifacts/<journey>/<name>.png` (also one per timed-out
//! wait), next to `tauri-driver.log` (the driver's, WebKitWebDriver's and the app's output)
//! and `barrack-sim.log`. Every process started here is ended by its id (tauri-driver by
//! its process group, which holds WebKitWebDriver and the app) when its handle drops, also
//! when a journey panics.
//!
//! # Layout
//!
//! One job per module; every name the journeys use is re-exported here, so they write
//! `barrack_e2e::App` whichever file holds it:
//! - `host`: where the app, emulator and drivers are on this machine, and the gate.
//! - `journey`: one journey's folders, private home and log.
//! - `process`: ports, signals and process groups of the processes started here.
//! - `driver`: tauri-driver (and WebKitWebDriver) and opening the app through it.
//! - `app` and `app_exit`: the app in a WebDriver session — waits, input, screenshots —
//!   and how it ends (quit, crash, closed by the user).
//! - `sim`: the `barrack-sim` process (its admin API is in [`admin`]).
//! - `package`: the installers under test (`scripts/package`'s .deb), dpkg's view of them
//!   and a guard that never leaves the package installed.
//! - `amount`, `keyring`, `scan`: what the journeys check — amounts on screen, the
//!   keyring's entries, secrets left on disk.

use std::time::Duration;

mod amount;
mod app;
mod app_exit;
mod driver;
mod host;
mod journey;
mod keyring;
mod process;
mod scan;
mod sim;

pub mod admin;
pub mod bench;
pub mod dialog;
pub mod listener;
pub mod notify;
pub mod origin;
pub mod package;
pub mod page;
pub mod prefill;
pub mod signin;
pub mod sweep;
pub mod watch;
pub mod wizard;
pub mod wm;

pub use admin::{Admin, Api};
pub use notify::{
    count_notifications, shown_notifications, wait_new_notification, wait_notification,
};
pub use page::{
    clear_input, close_dialog, disabled_reason, dismiss_toasts, focused, js, js_str, paste, q,
    screenshots_light_and_dark, scroll_to, text_of, wait_gone, wait_js, wear_theme, PRELUDE,
};
pub use signin::{
    explore_sandbox_from_sign_in, finish, sign_in, sign_in_screen, sign_in_to, Signed,
};

pub use amount::{is_positive_amount, parse_amount};
pub use app::App;
pub use app_exit::single_instance_released;
pub use driver::Driver;
pub use host::{app_path, artifacts_root, sim_path, workspace_root, GATE_VAR};
pub use journey::{Journey, APP_IDENTIFIER};
pub use keyring::{keyring_attributes, keyring_clear, keyring_lookup, KEYRING_SERVICE};
pub use scan::files_containing;
pub use sim::Sim;

/// First paint of a freshly started app (WebKit under Xvfb on a small machine).
pub const START: Duration = Duration::from_secs(30);
/// A click's effect, a call to the local emulator.
pub const STEP: Duration = Duration::from_secs(15);

/// How often the waits poll.
const POLL: Duration = Duration::from_millis(100);

/// `[data-testid="…"]`.
pub fn tid(test_id: &str) -> String {
    format!("[data-testid=\"{test_id}\"]")
}
