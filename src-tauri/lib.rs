//! Barrack Desktop's backend: the Tauri side of the app. Its logic lives in barrack-core
//! (no Tauri); here are the thin commands over it, the effects it asks for (events,
//! notifications, dialogs, the store), the tray and the window.

#[cfg(test)]
mod bundle_config;
pub mod commands;
pub mod desktop;
pub mod dialogs;
pub mod events;
pub mod guard;
pub mod logging;
pub mod store;
pub mod tray;
pub mod updater;
pub mod window;

/// The core's modules keep their paths here (`crate::state::AppState`, …).
pub use barrack_core::{
    billing, deploy, deploy_store, effects, error, notices, overview, poller, profile_migration,
    session, settings, state, storage, supervise, timer_runner, timers, updates, watching,
};

use state::AppState;
use std::sync::Arc;
use tauri::Manager;
use tauri_plugin_store::StoreExt;
use tauri_plugin_window_state::StateFlags;
use tauri_specta::collect_events;

/// Where the command list's names are found: the commands/ modules, and the app's own
/// life on the desktop (`quit_app`).
mod ipc {
    pub use crate::commands::*;
    pub use crate::desktop::*;
}

include!(concat!(env!("OUT_DIR"), "/commands.rs"));

/// The commands and events, for the IPC handler and the TypeScript bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(collect_all_commands!())
        .events(collect_events![
            events::ResourcesChanged,
            events::ConnectionChanged,
            events::NoticesChanged,
            events::KeyRefused,
            commands::links::DeepLinkArrived,
            tray::QuitRequested,
            tray::VmActionRequested
        ])
        .typ::<poller::ResourceKind>()
        .typ::<barrack_api::ErrorCode>()
        .typ::<error::AppErrorCode>()
        .typ::<barrack_api::state::VmAction>()
        .constant("VM_ACTION_RULES", commands::overview::action_rules())
        .constant("RULE_LIMITS", commands::forms::rule_limits())
        .constant("RULE_CHOICES", commands::forms::rule_choices())
        .constant(
            "TRANSITIONAL_VM_STATES",
            commands::forms::transitional_vm_states(),
        )
        .constant("STORAGE_STATES", commands::forms::storage_states())
        .constant("TIMER_RULES", timers::timer_rules())
        .constant(
            "VM_STATE_BILLING",
            barrack_api::costs::state_billing_table(),
        )
        .constant("SERVER_TEXT_MAX", barrack_api::limits::MAX_MESSAGE_CHARS)
}

/// Where the generated bindings go (committed; a test fails when they are stale).
pub const BINDINGS_PATH: &str = "ui/src/bindings.ts";

/// Writes the TypeScript bindings.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    let ts = specta_typescript::Typescript::default()
        .header("// Generated from the Rust commands by tauri-specta (cargo test -p barrack-desktop writes it). Do not edit.\n// @ts-nocheck\n");
    specta_builder().export(ts, path).map_err(|e| e.to_string())
}

/// `--sandbox` on the command line opens straight into the sandbox.
fn wants_sandbox() -> bool {
    std::env::args().any(|a| a == "--sandbox")
}

/// The poller's first round waits at most this long for the window's first read (see
/// [`run_tasks`]); with no window asking (hidden in the tray, or slow), it goes on its own.
const FIRST_READ_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(2);
/// The tray is built after the first data, or this long after start without any.
const TRAY_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(10);

/// The poller and the timer runner, each restarted with backoff if it panics; the tray
/// after the first data (start-up is the window's).
async fn run_tasks(handle: tauri::AppHandle, panic_once: Arc<supervise::PanicOnce>) {
    let fx = events::effects(&handle);
    // The tray's running VMs follow the poller's looks (subscribed before the first one).
    // Whether the desktop has a tray host is a D-Bus call (up to 500 ms): asked off the async
    // threads, once the first data is in.
    let first_data = handle.state::<AppState>().watching.subscribe_instances();
    let tray_handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        barrack_core::updates::wait_for_quiet_start(
            first_data,
            TRAY_AT_THE_LATEST,
            std::time::Duration::ZERO,
        )
        .await;
        let _ =
            tauri::async_runtime::spawn_blocking(move || desktop::show_tray_at_start(&tray_handle))
                .await;
    });
    // Its prices (the tray's cost lines) come from the reads the window just made.
    tauri::async_runtime::spawn(barrack_api::share::reusing_recent(desktop::follow_running(
        handle.clone(),
    )));
    let timers_handle = handle.clone();
    let (timers_hook, timers_fx) = (panic_once.clone(), fx.clone());
    tauri::async_runtime::spawn(async move {
        let app = &timers_handle;
        let state: &AppState = &app.state::<AppState>();
        supervise::supervise(
            "timers",
            &timers_hook,
            || timer_runner::run(state, &timers_fx, |_| desktop::refresh_tray(app)),
            tokio::time::sleep,
            supervise::log_to_stderr,
        )
        .await;
    });
    let state: &AppState = &handle.state::<AppState>();
    // Nothing fetched twice at start: the poller's first round joins the window's first
    // reads (the instances, the balance, the storage lists) while they are in flight or just
    // answered, instead of asking for them again (barrack-api share.rs).
    if let Some(session) = state.current().await {
        let _ = tokio::time::timeout(FIRST_READ_AT_THE_LATEST, session.client.first_read()).await;
    }
    barrack_api::share::reusing_recent(supervise::supervise(
        "poller",
        &panic_once,
        || poller::run(state, &fx),
        tokio::time::sleep,
        supervise::log_to_stderr,
    ))
    .await;
}

/// The profile store shared with the CLI; with no configuration folder on this system
/// (no `$BARRACK_CONFIG_DIR`, no `$XDG_CONFIG_HOME` or home), a `profiles.json` in the app's
/// data folder instead, so the app still starts (the CLI, which has no such folder either,
/// will not see those profiles; the log says so).
fn profile_store(app_data: &std::path::Path) -> barrack_credentials::profiles::ProfileStore {
    use barrack_credentials::profiles::{ProfileStore, PROFILES_FILE};
    ProfileStore::default_location().unwrap_or_else(|e| {
        let path = app_data.join(PROFILES_FILE);
        eprintln!(
            "profiles: {e}; keeping profiles in {} (the CLI will not see them)",
            path.display()
        );
        ProfileStore::at(path)
    })
}

pub fn run() {
    let builder = specta_builder();
    let handler = builder.invoke_handler();
    // Read once at start (a test hook; see barrack-core supervise.rs).
    let panic_once = Arc::new(supervise::PanicOnce::from_env());
    tauri::Builder::default()
        // First: a second start hands its arguments (a `barrack://` link: feature
        // `deep-link`, to the deep-link plugin below) to this process and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            desktop::show_window(app);
        }))
        .plugin(tauri_plugin_deep_link::init())
        // The log file (and the terminal in development): see logging.rs.
        .plugin(logging::plugin())
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        // Signed updates: tauri.conf.json's plugins.updater (see updater.rs).
        .plugin(tauri_plugin_updater::Builder::new().build())
        // Size (inner, as saved: no growth per start), position, maximized — not
        // visibility: a window hidden in the tray at quit must show at the next start.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                .build(),
        )
        .invoke_handler(handler)
        .on_window_event(desktop::on_window_event)
        // A reload asks afresh: start-up reuse of just-received answers (barrack-api
        // share.rs) never serves what the window shows after it.
        .on_page_load(|webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                let app = webview.app_handle().clone();
                let done = app
                    .try_state::<AppState>()
                    .is_none_or(|state| state.window_loaded_at_once());
                if !done {
                    tauri::async_runtime::spawn(async move {
                        if let Some(state) = app.try_state::<AppState>() {
                            state.window_loaded().await;
                        }
                    });
                }
            }
        })
        .setup(move |app| {
            builder.mount_events(app);
            // Before the store opens it: the store would silently start empty on a damaged file.
            let damaged = store::set_aside_damaged(&app.path().app_data_dir()?);
            let store = app.store(store::STORE_FILE)?;
            let state = AppState::new(
                Arc::new(barrack_credentials::OsKeyring),
                Arc::new(store::PluginStore(store.clone())),
            )
            .with_docs(Arc::new(store::PluginStore(store)))
            .with_profiles(Arc::new(profile_store(&app.path().app_data_dir()?)))
            .with_last_known(Arc::new(
                barrack_core::last_known::LastKnownStore::in_folder(&app.path().app_data_dir()?),
            ));
            let _ = state.effects.set(events::effects(app.handle()));
            // The level chosen in Settings › Logs, before anything else is logged.
            logging::log_start(app.handle(), barrack_core::logs::apply_saved(&state));
            damaged.into_iter().for_each(|n| state.push_notice(n));
            // One profile list with the CLI: an older app's profiles move there (once).
            if let Err(e) = profile_migration::move_profiles_from_settings(&state) {
                eprintln!("profiles: {}", e.message);
            }
            app.manage(state);
            // After the state: a link refused at start becomes a notice.
            commands::links::listen(app.handle());
            app.manage(desktop::Told::default());
            app.manage(updater::Offered::default());
            // Once per start, after the first data (never competing with start-up).
            tauri::async_runtime::spawn(updater::check_automatically(app.handle().clone()));
            // The window-state plugin has restored the window by now.
            desktop::keep_on_screen_at_start(app.handle());
            let handle = app.handle().clone();
            let sandbox = wants_sandbox();
            // Taken now, before the window can ask for the session; released once restored.
            let startup = app
                .state::<AppState>()
                .startup
                .clone()
                .try_lock_owned()
                .ok();
            tauri::async_runtime::spawn(async move {
                let state = handle.state::<AppState>();
                let started = if sandbox {
                    session::start_sandbox(&state).await
                } else {
                    session::restore(&state).await
                };
                if let Err(e) = &started {
                    let what = if sandbox {
                        "the sandbox"
                    } else {
                        "restoring the session"
                    };
                    barrack_core::logs::failed(what, e);
                }
                if let (Some(mut slot), Err(e)) = (startup, started) {
                    // The sign-in screen shows, saying why the session did not come back.
                    *slot = Some(e);
                }
                run_tasks(handle.clone(), panic_once).await;
            });
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Barrack Desktop failed to start");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed bindings are what the commands generate now.
    #[test]
    fn typescript_bindings_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let path = root.join(BINDINGS_PATH);
        let fresh = std::env::temp_dir().join(format!("bindings-{}.ts", std::process::id()));
        export_bindings(&fresh).unwrap();
        let fresh_text = std::fs::read_to_string(&fresh).unwrap();
        let _ = std::fs::remove_file(&fresh);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != fresh_text {
            if !barrack_credentials::ci::under_ci() {
                std::fs::write(&path, &fresh_text).unwrap();
            }
            panic!(
                "{} was out of date (rewritten here; commit it). Under CI it is not rewritten.",
                path.display()
            );
        }
    }

    /// The capability grants app commands only (a subset: the UI's own test says which) plus
    /// the plugin permissions the UI uses.
    #[test]
    fn capability_lists_exactly_the_commands() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        let caps = conf["app"]["security"]["capabilities"].as_array().unwrap();
        assert_eq!(caps.len(), 1);
        // A permission is a name, or an object naming it with a scope.
        let granted: Vec<&str> = caps[0]["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().or(p["identifier"].as_str()).unwrap())
            .collect();
        // External links open only on Barrack's own sites.
        let opener = caps[0]["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["identifier"] == "opener:allow-open-url")
            .expect("the opener permission carries a URL scope");
        let urls: Vec<&str> = opener["allow"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["url"].as_str().unwrap())
            .collect();
        assert!(urls.iter().all(|u| u.starts_with("https://")), "{urls:?}");
        // Plugin permissions are named `plugin:…`; the others are app commands, and only
        // commands: which of them is the UI's business (ui/src/leastPrivilege.test.ts grants
        // exactly the ones it calls).
        let (plugin, app): (Vec<&str>, Vec<&str>) = granted.iter().partition(|p| p.contains(':'));
        assert_eq!(
            plugin,
            [
                "core:event:allow-listen",
                "core:event:allow-unlisten",
                "opener:allow-open-url"
            ]
        );
        let commands: Vec<String> = COMMANDS
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        for p in &app {
            assert!(commands.iter().any(|c| c == p), "{p} is not an app command");
        }
        assert!(
            !granted.iter().any(|p| p.ends_with(":default")),
            "no wholesale defaults"
        );
        let csp = &conf["app"]["security"]["csp"];
        assert_eq!(csp["default-src"], "'self'");
        assert!(
            !csp.to_string().contains("http://")
                || csp["connect-src"] == "ipc: http://ipc.localhost"
        );
    }

    #[test]
    fn every_api_operation_has_a_command_unless_declared_without() {
        use barrack_api::Command;
        for e in barrack_api::ENDPOINTS {
            assert_eq!(
                COMMANDS.contains(&e.name),
                e.command != Command::None,
                "{:?} ({}) is declared `command: {:?}`",
                e.op,
                e.name,
                e.command
            );
        }
        let with_command = barrack_api::ENDPOINTS
            .iter()
            .filter(|e| e.command != Command::None)
            .count();
        assert_eq!(
            COMMANDS.len(),
            with_command + 61,
            "the app's own 61 besides"
        );
        let unique: std::collections::HashSet<&&str> = COMMANDS.iter().collect();
        assert_eq!(unique.len(), COMMANDS.len(), "a command is named twice");
    }
}
