//! `barrack://` links (issue 16). tauri-plugin-deep-link hears them — on Linux and Windows
//! as the only argument of a start: the app's own (read at start) or a second start's,
//! which tauri-plugin-single-instance (feature `deep-link`) forwards over D-Bus to this
//! process before it shows the window. Each URL is read by barrack-core's
//! `launch::arrivals` (the parser refuses anything but the two shapes, with a notice); a
//! good one waits there and the window is told `DeepLinkArrived`, then takes it with
//! `take_deep_link` and navigates. The webview never reads a raw link.
//!
//! Nothing here registers the scheme with the desktop: the installed `.desktop` file
//! declares `x-scheme-handler/barrack` (the bundler reads `plugins.deep-link` of
//! tauri.conf.json). The plugin's `register_all`, which would write a `.desktop` file into
//! the user's data folder and change their default handler, is never called (a development
//! or test build must not take over the user's links).

use crate::error::AppError;
use crate::guard::guarded;
use crate::state::AppState;
use barrack_core::launch::arrivals::Arrivals;
use barrack_core::launch::deep_link::DeepLink;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_deep_link::DeepLinkExt;
use tauri_specta::Event;

/// A `barrack://` link arrived: take it with `take_deep_link`.
#[derive(Debug, Clone, Default, Serialize, specta::Type, Event)]
pub struct DeepLinkArrived {}

/// The link that arrived last and was not shown yet (once), or none.
#[tauri::command]
#[specta::specta]
pub async fn take_deep_link(arrivals: State<'_, Arrivals>) -> Result<Option<DeepLink>, AppError> {
    guarded(async move { Ok(arrivals.take()) }).await
}

/// Reads links as they arrive (and the one this start was given, if any). Called once in
/// setup, after the plugins are registered.
pub fn listen(app: &AppHandle) {
    app.manage(Arrivals::default());
    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        let urls: Vec<String> = event.urls().into_iter().map(String::from).collect();
        arrived(&handle, &urls);
    });
    // The plugin read this start's own arguments before anyone listened.
    if let Ok(Some(urls)) = app.deep_link().get_current() {
        let urls: Vec<String> = urls.into_iter().map(String::from).collect();
        arrived(app, &urls);
    }
}

fn arrived(app: &AppHandle, urls: &[String]) {
    let state = app.state::<AppState>();
    if app.state::<Arrivals>().receive(&state, urls) {
        let _ = DeepLinkArrived {}.emit(app);
    }
}
