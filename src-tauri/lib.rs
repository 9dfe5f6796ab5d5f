//! Barrack Desktop's backend: thin Tauri commands over barrack-api, the OS-keyring
//! credentials, settings, the embedded sandbox and the poller.

pub mod commands;
pub mod deploy_store;
pub mod dialogs;
pub mod error;
pub mod poller;
pub mod session;
pub mod settings;
pub mod state;
pub mod store;
pub mod timer_runner;
pub mod timers;

use state::AppState;
use std::sync::Arc;
use tauri::Manager;
use tauri_plugin_notification::NotificationExt;
use tauri_plugin_store::StoreExt;
use tauri_specta::{collect_commands, collect_events, Event};

macro_rules! command_list {
    ($($name:ident),* $(,)?) => {
        /// Every command's name, in the order of command_list.rs.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// The commands and events, for the IPC handler and the TypeScript bindings.
        pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
            tauri_specta::Builder::<tauri::Wry>::new()
                .commands(collect_commands![$(commands::$name),*])
                .events(collect_events![poller::ResourcesChanged, poller::ConnectionChanged])
                .typ::<barrack_api::ErrorCode>()
                .typ::<error::AppErrorCode>()
                .typ::<barrack_api::state::VmAction>()
                .constant("VM_ACTION_RULES", commands::overview::action_rules())
        }
    };
}
include!("command_list.rs");

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

/// Puts the window where and as large as it was when last closed.
fn restore_window_state(app: &tauri::App, state: &AppState) {
    let Some(w) = app.get_webview_window("main") else {
        return;
    };
    let saved = state.settings.load().unwrap_or_default().window;
    if let (Some(width), Some(height)) = (saved.width, saved.height) {
        let _ = w.set_size(tauri::PhysicalSize::new(width.max(640), height.max(480)));
    }
    if let (Some(x), Some(y)) = (saved.x, saved.y) {
        let _ = w.set_position(tauri::PhysicalPosition::new(x, y));
    }
    if saved.maximized {
        let _ = w.maximize();
    }
}

fn save_window_state(window: &tauri::Window) {
    let state = window.state::<AppState>();
    let Ok(mut settings) = state.settings.load() else {
        return;
    };
    let maximized = window.is_maximized().unwrap_or(false);
    settings.window.maximized = maximized;
    if !maximized {
        if let Ok(size) = window.outer_size() {
            settings.window.width = Some(size.width);
            settings.window.height = Some(size.height);
        }
        if let Ok(pos) = window.outer_position() {
            settings.window.x = Some(pos.x);
            settings.window.y = Some(pos.y);
        }
    }
    let _ = state.settings.save(&settings);
}

pub fn run() {
    let builder = specta_builder();
    let handler = builder.invoke_handler();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(handler)
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { .. } = event {
                save_window_state(window);
            }
        })
        .setup(move |app| {
            builder.mount_events(app);
            let store = app.store(store::STORE_FILE)?;
            let state = AppState::new(
                Arc::new(barrack_credentials::OsKeyring),
                Arc::new(store::PluginStore(store.clone())),
            )
            .with_docs(Arc::new(store::PluginStore(store)));
            restore_window_state(app, &state);
            app.manage(state);
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
                if let (Some(mut slot), Err(e)) = (startup, started) {
                    // The sign-in screen shows, saying why the session did not come back.
                    *slot = Some(e);
                }
                let timers_handle = handle.clone();
                tauri::async_runtime::spawn(async move {
                    let state = timers_handle.state::<AppState>();
                    let (n, e) = (timers_handle.clone(), timers_handle.clone());
                    timer_runner::run(
                        &state,
                        move |notice| {
                            let _ = n
                                .notification()
                                .builder()
                                .title(&notice.title)
                                .body(&notice.body)
                                .show();
                        },
                        move |change| {
                            let _ = change.emit(&e);
                        },
                    )
                    .await;
                });
                let (h1, h2, h3) = (handle.clone(), handle.clone(), handle.clone());
                poller::run(
                    &state,
                    move |change| {
                        let _ = change.emit(&h1);
                    },
                    move |notice| {
                        let _ = h2
                            .notification()
                            .builder()
                            .title(&notice.title)
                            .body(&notice.body)
                            .show();
                    },
                    move |conn| {
                        let _ = conn.emit(&h3);
                    },
                )
                .await;
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
            if std::env::var_os("CI").is_none() {
                std::fs::write(&path, &fresh_text).unwrap();
            }
            panic!(
                "{} was out of date (rewritten here; commit it). Under CI it is not rewritten.",
                path.display()
            );
        }
    }

    /// The capability grants exactly the app's commands plus the plugin permissions the UI uses.
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
        let mut expected: Vec<String> = vec![
            "core:event:allow-listen".into(),
            "core:event:allow-unlisten".into(),
            "opener:allow-open-url".into(),
        ];
        expected.extend(
            COMMANDS
                .iter()
                .map(|c| format!("allow-{}", c.replace('_', "-"))),
        );
        assert_eq!(
            granted,
            expected.iter().map(String::as_str).collect::<Vec<_>>()
        );
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
    fn every_api_operation_has_a_command() {
        for (op, name) in barrack_api::ops::METHOD_NAMES {
            assert!(COMMANDS.contains(name), "{op:?} ({name}) has no command");
        }
        assert_eq!(COMMANDS.len(), barrack_api::ENDPOINTS.len() + 31);
    }
}
